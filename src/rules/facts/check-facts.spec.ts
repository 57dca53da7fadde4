import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHECK_FACT_CATALOGUE,
  checkFactVocabulary,
  deriveCheckFacts,
  PARTY_ROLES,
  TIER_FACTS,
  TIER_VALUES,
  withCheckDefaults,
} from './check-facts';
import { FACT_CATALOGUE, INDUSTRIES } from '../shared/facts.catalogue';
import { CheckFactsError } from '../shared/rules.errors';
import { bundledPacks } from '../testing/bundled-packs';
import type { FactRecord } from './record.types';

const subject = { kind: 'legal_person' as const, registeredOn: '2015-06-30' };
const tx = { scenario: 'tendering', partyRole: 'bidder' as const };

describe('the check-fact vocabulary', () => {
  it('is every catalogue fact plus the transaction, tier and check-only facts, documented like the catalogue', () => {
    const names = CHECK_FACT_CATALOGUE.map((f) => f.name);
    expect(names.slice(0, FACT_CATALOGUE.length)).toEqual(FACT_CATALOGUE.map((f) => f.name));
    expect(names.slice(FACT_CATALOGUE.length)).toEqual([
      'majorViolationPenaltiesLast36Months',
      'scenario',
      'partyRole',
      'amount',
      'taxTier',
      'constructionTier',
      'foodDrugTier',
      'fireSafetyTier',
      'environmentTier',
      'customsTier',
      'transportTier',
      'medicalTier',
      'housekeepingTier',
      'propertyTier',
      'realEstateTier',
      'ipTier',
    ]);
    expect(new Set(names).size).toBe(names.length);
    for (const f of CHECK_FACT_CATALOGUE) {
      expect(f.description.length * f.descriptionZh.length * f.derivedFrom.length).toBeGreaterThan(0);
      if (f.required) continue;
      if (f.default === null) expect(f.nullable).toBe(true);
      else expect(typeof f.default).toBe(f.type);
    }
  });

  it("tier values are the bundled packs' tier ids", () => {
    for (const p of bundledPacks()) expect(TIER_VALUES[p.pack.industry]).toEqual(p.pack.tiers.map((t) => t.tier));
  });

  it("limits scenario to the catalogue's codes when given them", () => {
    expect(checkFactVocabulary(['a', 'b']).get('scenario')?.values).toEqual(['a', 'b']);
    expect(checkFactVocabulary().get('scenario')?.values).toBeUndefined();
    expect(checkFactVocabulary().get('partyRole')?.values).toEqual(PARTY_ROLES);
  });

  it('docs/rule-packs.md has a row for every check fact', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rule-packs.md'), 'utf8');
    expect(CHECK_FACT_CATALOGUE.map((f) => f.name).filter((n) => !doc.includes(`| \`${n}\` |`))).toEqual([]);
  });
});

describe('withCheckDefaults', () => {
  it('fills defaults; scenario has none', () => {
    expect(withCheckDefaults({ scenario: 'tendering' })).toMatchObject({
      scenario: 'tendering',
      partyRole: 'other',
      amount: null,
      taxTier: null,
      redListed: false,
    });
    expect(() => withCheckDefaults({})).toThrow(/scenario: is required/);
  });

  it.each([
    [{ scenario: 'tendering', nope: 1 }, 'nope', /unknown fact/],
    [{ scenario: 'tendering', redListed: 1 }, 'redListed', /must be a boolean/],
    [{ scenario: 'tendering', partyRole: 'king' }, 'partyRole', /"king" is not one of/],
    [{ scenario: 'tendering', taxTier: 'Z' }, 'taxTier', /"Z" is not one of A, B, M, N, C, D/],
    [{ scenario: 'tendering', amount: -1 }, 'amount', /negative/],
    [{ scenario: 'tendering', amount: Number.NaN }, 'amount', /finite/],
    [{ scenario: null }, 'scenario', /never null/],
  ])('refuses %j', (partial, fact, message) => {
    try {
      withCheckDefaults(partial);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(CheckFactsError);
      expect((e as CheckFactsError).code).toBe('RULES_CHECK_FACTS_INVALID');
      expect((e as CheckFactsError).problems).toContainEqual({
        fact,
        message: expect.stringMatching(message) as string,
      });
    }
  });

  it('checks the scenario against a catalogue vocabulary', () => {
    expect(() => withCheckDefaults({ scenario: 'fishing' }, checkFactVocabulary(['tendering']))).toThrow(
      /"fishing" is not one of tendering/,
    );
  });
});

describe('deriveCheckFacts', () => {
  const fine = (industry: FactRecord['industry'], penaltyTypes: FactRecord['penaltyTypes']): FactRecord => ({
    type: 'penalty',
    industry,
    severity: 'serious',
    decisionDate: '2025-03-10',
    publicityEnd: '2028-03-10',
    status: 'active',
    penaltyTypes,
    fineAmount: 3,
  });

  it('derives over every industry, adds the transaction and the tiers', () => {
    const rs = [
      fine('food_drug', ['fine']),
      fine('construction', ['suspension']),
      fine('general', ['licence_revocation', 'fine']),
    ];
    const f = deriveCheckFacts(
      subject,
      rs,
      '2025-09-01',
      { ...tx, amount: 1_500_000 },
      { tax: 'A', construction: 'D' },
    );
    expect(f).toMatchObject({
      penaltiesLast12Months: 3,
      industryPenaltiesLast12Months: 3,
      industrySeriousPenaltiesLast36Months: 3,
      majorViolationPenaltiesLast36Months: 2,
      scenario: 'tendering',
      partyRole: 'bidder',
      amount: 1_500_000,
      taxTier: 'A',
      constructionTier: 'D',
      foodDrugTier: null,
      fireSafetyTier: null,
    });
    expect(Object.keys(f).sort()).toEqual(CHECK_FACT_CATALOGUE.map((d) => d.name).sort());
  });

  it('refuses a tier the industry does not have', () => {
    expect(() => deriveCheckFacts(subject, [], '2025-09-01', tx, { food_drug: 'M' })).toThrow(
      /foodDrugTier: "M" is not one of A, B, C, D/,
    );
  });

  it('industry facts equal their all-industry counterparts in a check', () => {
    const industry = fc.constantFrom('tax', 'construction', 'food_drug', 'fire_safety', 'general') as fc.Arbitrary<
      FactRecord['industry']
    >;
    const rec = fc
      .record({ industry, failed: fc.boolean(), penalty: fc.boolean(), serious: fc.boolean() })
      .map(({ industry: ind, failed, penalty, serious }): FactRecord =>
        penalty
          ? { ...fine(ind, ['fine']), severity: serious ? 'serious' : 'general' }
          : {
              type: 'inspection',
              industry: ind,
              decisionDate: '2025-05-01',
              status: 'active',
              inspectionResult: failed ? 'failed' : 'passed',
            },
      );
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 12 }), (rs) => {
        const f = deriveCheckFacts(subject, rs, '2025-09-01', tx);
        expect(f.industryPenaltiesLast12Months).toBe(f.penaltiesLast12Months);
        expect(f.industrySeriousPenaltiesLast36Months).toBe(f.seriousPenaltiesLast36Months);
        expect(f.industryInspectionFailuresLast12Months).toBe(f.inspectionFailuresLast12Months);
      }),
    );
    expect(INDUSTRIES.map((i) => TIER_FACTS[i])).toEqual([
      'taxTier',
      'constructionTier',
      'foodDrugTier',
      'fireSafetyTier',
      'environmentTier',
      'customsTier',
      'transportTier',
      'medicalTier',
      'housekeepingTier',
      'propertyTier',
      'realEstateTier',
      'ipTier',
    ]);
  });
});

describe('procurement look-back (政府采购法 Art. 22(1)(5): 3 years, publicity window aside)', () => {
  const fine = {
    id: 'f1',
    type: 'penalty' as const,
    industry: 'general' as const,
    severity: 'general' as const,
    decisionDate: '2026-06-01',
    publicityEnd: '2027-06-01',
    status: 'active' as const,
    penaltyTypes: ['fine' as const],
    fineAmount: 200,
  };
  const facts = (asOf: string, lookBack: FactRecord[]) =>
    deriveCheckFacts(
      { kind: 'legal_person', registeredOn: null },
      [fine],
      asOf,
      { scenario: 'government_procurement', partyRole: 'supplier' },
      {},
      undefined,
      lookBack,
    );

  it('counts a 200万元 fine past its publicity end for 3 years when the checks pass it in', () => {
    expect(facts('2026-07-01', [])['majorViolationPenaltiesLast36Months']).toBe(1);
    expect(facts('2028-01-10', [])['majorViolationPenaltiesLast36Months']).toBe(0);
    expect(facts('2028-01-10', [fine])['majorViolationPenaltiesLast36Months']).toBe(1);
    expect(facts('2029-06-01', [fine])['majorViolationPenaltiesLast36Months']).toBe(0);
  });

  it('a repaired or revoked record is no longer counted; a fine under 200万元 never was', () => {
    expect(
      facts('2028-01-10', [{ ...fine, repairedAt: '2027-09-01', status: 'repaired' }])[
        'majorViolationPenaltiesLast36Months'
      ],
    ).toBe(0);
    expect(
      facts('2028-01-10', [{ ...fine, revokedAt: '2027-09-01', status: 'revoked' }])[
        'majorViolationPenaltiesLast36Months'
      ],
    ).toBe(0);
    expect(facts('2028-01-10', [{ ...fine, fineAmount: 199.99 }])['majorViolationPenaltiesLast36Months']).toBe(0);
  });
});
