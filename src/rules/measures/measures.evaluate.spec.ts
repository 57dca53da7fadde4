import { deriveCheckFacts, withCheckDefaults } from '../facts/check-facts';
import type { FactValue } from '../shared/facts.catalogue';
import { evaluateMeasures } from './measures.evaluate';
import { loadMeasures, parseMeasures } from './measures.loader';
import { evaluateMeasuresWithEngine } from './measures.reference';
import type { FactRecord } from '../facts/record.types';
import { CheckFactsError, MissingFactError } from '../shared/rules.errors';
import { RULE_PACKS_DIR } from '../testing/bundled-packs';
import { validCatalogueJson, validMeasureRulesJson } from '../testing/measures-fixture';

// Fixture: exclude (penalty/block: procurement), limit (restrict: procurement, land), review (scrutinise:
// all three), prefer (reward: procurement, awards). Rules: listed → exclude (priority 10); big-fine →
// limit; tier-d → review; amount-and-scenario → review; red → prefer.
const compiled = parseMeasures(validCatalogueJson(), validMeasureRulesJson()).rules;
const check = (partial: Record<string, FactValue>) =>
  evaluateMeasures(compiled, withCheckDefaults(partial, compiled.vocabulary));
const codes = (partial: Record<string, FactValue>) => check(partial).measures.map((m) => m.code);

describe('evaluateMeasures semantics', () => {
  it('nothing applies: pass, with the rules version', () => {
    expect(check({ scenario: 'procurement' })).toEqual({
      scenario: 'procurement',
      verdict: 'pass',
      measures: [],
      rulesId: 'fixture-measures',
      rulesVersion: '0.1.0',
    });
  });

  it("a rule applies only in its measure's scenarios", () => {
    expect(codes({ scenario: 'procurement', courtDefaulterListed: true, partyRole: 'bidder' })).toEqual(['exclude']);
    expect(codes({ scenario: 'land', courtDefaulterListed: true, partyRole: 'bidder' })).toEqual([]);
    expect(codes({ scenario: 'land', maxFineLast36Months: 50 })).toEqual(['limit']);
    expect(codes({ scenario: 'awards', maxFineLast36Months: 50 })).toEqual([]);
  });

  it('lists measures by priority then file order, one entry per rule, with the strongest verdict', () => {
    const r = check({
      scenario: 'procurement',
      partyRole: 'supplier',
      courtDefaulterListed: true,
      redListed: true,
      taxTier: 'D',
      majorViolationPenaltiesLast36Months: 1,
    });
    expect(r.measures.map((m) => [m.rule, m.code])).toEqual([
      ['listed', 'exclude'],
      ['big-fine', 'limit'],
      ['tier-d', 'review'],
      ['red', 'prefer'],
    ]);
    expect(r.verdict).toBe('block');
    expect(
      check({ scenario: 'land', taxTier: 'C', amount: 2e6, penaltiesLast12Months: 1 }).measures.map((m) => m.rule),
    ).toEqual(['tier-d', 'amount-and-scenario']);
    expect(check({ scenario: 'land', taxTier: 'C' }).verdict).toBe('scrutinise');
    expect(check({ scenario: 'land', maxFineLast36Months: 60, taxTier: 'C' }).verdict).toBe('restrict');
    expect(check({ scenario: 'awards', redListed: true }).verdict).toBe('reward');
  });

  it('explains each measure: kind, effect, resolved legal basis, departments, reason and the facts read', () => {
    const [m] = check({ scenario: 'procurement', courtDefaulterListed: true, partyRole: 'bidder' }).measures;
    expect(m).toEqual({
      code: 'exclude',
      kind: 'penalty',
      effect: 'block',
      name: 'exclude',
      nameZh: 'exclude（中）',
      description: 'exclude description',
      descriptionZh: 'exclude 说明',
      legalBasis: {
        source: 'law',
        title: 'A law',
        documentNumber: 'L〔2020〕1号',
        article: 'Art. 9',
        status: 'verified',
        note: 'n',
      },
      departments: ['财政部门'],
      rule: 'listed',
      reason: 'exclude reason',
      reasonZh: 'exclude 理由',
      factsUsed: ['courtDefaulterListed'],
    });
    const amount = check({ scenario: 'land', amount: 2e6, penaltiesLast12Months: 2, inspectionsLast12Months: 1 })
      .measures[0];
    expect(amount.factsUsed).toEqual(['penaltiesLast12Months', 'inspectionsLast12Months']); // scenario, partyRole, amount left out
    expect(check({ scenario: 'awards', redListed: true }).measures[0].legalBasis).toMatchObject({
      source: 'local',
      status: 'local-parameter',
    });
  });

  it('results are frozen entries shared by all evaluations; the evaluation itself is fresh', () => {
    const a = check({ scenario: 'awards', redListed: true });
    const b = check({ scenario: 'awards', redListed: true });
    expect(a).not.toBe(b);
    expect(a.measures[0]).toBe(b.measures[0]);
    expect(Object.isFrozen(a.measures[0].legalBasis)).toBe(true);
  });

  it('an unknown or missing scenario is an error, never a silent pass (both evaluators)', async () => {
    const facts = { ...withCheckDefaults({ scenario: 'land' }, compiled.vocabulary), scenario: 'fishing' };
    expect(() => evaluateMeasures(compiled, facts)).toThrow(CheckFactsError);
    expect(() => evaluateMeasures(compiled, facts)).toThrow(
      /scenario: "fishing" is not a scenario of the measures catalogue \(procurement, land, awards\)/,
    );
    await expect(evaluateMeasuresWithEngine(compiled, facts)).rejects.toThrow(CheckFactsError);
    const { scenario: _s, ...rest } = facts;
    expect(() => evaluateMeasures(compiled, rest)).toThrow(/scenario: is required/);
  });

  it('a fact a rule reads must be present (MissingFactError, like json-rules-engine)', () => {
    const { redListed: _r, ...facts } = withCheckDefaults({ scenario: 'land' }, compiled.vocabulary);
    expect(() => evaluateMeasures(compiled, facts)).toThrow(MissingFactError);
  });
});

describe('a party with no records (bundled measures)', () => {
  const bundled = loadMeasures(RULE_PACKS_DIR).rules;
  const subject = { kind: 'legal_person' as const, registeredOn: '2018-05-01' };

  it.each(bundled.catalogue.scenarios.map((s) => s.code))('passes in %s, whatever its role', (scenario) => {
    for (const partyRole of ['bidder', 'supplier', 'applicant', 'borrower', 'other'] as const) {
      const facts = deriveCheckFacts(subject, [], '2026-12-01', { scenario, partyRole }, {}, bundled.vocabulary);
      expect(evaluateMeasures(bundled, facts)).toMatchObject({ verdict: 'pass', measures: [] });
    }
  });

  it('a court-defaulter listing from its records blocks it as a supplier, until the listing is repaired', () => {
    const listing: FactRecord = {
      id: 'rec-1',
      type: 'list_entry',
      industry: 'general',
      listType: 'court_defaulter',
      decisionDate: '2026-01-10',
      status: 'active',
    };
    const at = (asOf: string, records: FactRecord[] = [listing]) =>
      evaluateMeasures(
        bundled,
        deriveCheckFacts(
          subject,
          records,
          asOf,
          { scenario: 'government_procurement', partyRole: 'supplier', amount: 1e6 },
          {},
          bundled.vocabulary,
        ),
      );
    expect(at('2026-12-01')).toMatchObject({
      verdict: 'block',
      measures: [
        {
          code: 'gp-reject-listed-supplier',
          factsUsed: ['courtDefaulterListed', 'majorTaxViolationListed', 'procurementDishonestyListed'],
        },
      ],
    });
    const repaired: FactRecord = { ...listing, status: 'repaired', repairedAt: '2026-06-01' };
    expect(at('2026-12-01', [repaired]).verdict).toBe('pass');
    expect(at('2026-05-31', [repaired]).verdict).toBe('block');
  });
});
