import fc from 'fast-check';
import { addMonths, formatDate } from '../shared/calendar';
import { CHECK_FACT_CATALOGUE, deriveCheckFacts } from './check-facts';
import { deriveFacts, fineTotal, inForceAt, type IndustryScope } from './derive-facts';
import { recordsBehind, SOURCED_FACTS } from './fact-sources';
import { FACT_CATALOGUE, INDUSTRIES, SUBJECT_KINDS, TAX_CREDIT_LEVELS } from '../shared/facts.catalogue';
import {
  COMMITMENT_STATUSES,
  INSPECTION_RESULTS,
  LIST_TYPES,
  PENALTY_TYPES,
  RECORD_INDUSTRIES,
  RECORD_SEVERITIES,
  RECORD_TYPES,
  type FactRecord,
} from './record.types';

const dayArb = fc.integer({ min: 0, max: 365 * 8 }).map((d) => {
  const t = new Date(Date.UTC(2020, 0, 1) + d * 86_400_000);
  return formatDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
});
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const recordArb: fc.Arbitrary<FactRecord> = fc
  .record({
    id: fc.uuid(),
    type: fc.constantFrom(...RECORD_TYPES),
    industry: fc.constantFrom(...RECORD_INDUSTRIES),
    severity: maybe(fc.constantFrom(...RECORD_SEVERITIES)),
    listType: maybe(fc.constantFrom(...LIST_TYPES)),
    taxLevel: maybe(fc.constantFrom(...TAX_CREDIT_LEVELS)),
    taxYear: maybe(fc.integer({ min: 2018, max: 2027 })),
    decisionDate: dayArb,
    months: maybe(fc.integer({ min: 1, max: 40 })),
    penaltyTypes: fc.subarray([...PENALTY_TYPES]),
    fineAmount: maybe(fc.constantFrom(0, 1, 5, 5, 20, 200)),
    commitmentStatus: maybe(fc.constantFrom(...COMMITMENT_STATUSES)),
    statusLag: fc.integer({ min: 0, max: 30 }),
    inspectionResult: maybe(fc.constantFrom(...INSPECTION_RESULTS)),
    status: fc.constantFrom('active' as const, 'active' as const, 'repaired' as const),
    repairLag: fc.integer({ min: 0, max: 24 }),
  })
  .map(({ months, statusLag, repairLag, ...r }) => {
    const end = months === null ? null : addMonths(r.decisionDate, months);
    const repairedAt = r.status === 'repaired' ? addMonths(r.decisionDate, repairLag) : null;
    return {
      ...r,
      publicityEnd: end,
      validUntil: end,
      repairedAt,
      commitmentStatusDate: addMonths(r.decisionDate, statusLag),
    };
  });
const scopeArb = fc.constantFrom<IndustryScope>('all', ...INDUSTRIES);
const subject = { kind: SUBJECT_KINDS[0], registeredOn: '2016-01-01' };
const SUMS = ['fineTotalLast12Months', 'industryFineTotalLast12Months'];
const NOT_COUNTS = new Set(['yearsSinceRegistration', 'maxFineLast36Months', 'industryMaxFineLast36Months', ...SUMS]);
const countFacts = FACT_CATALOGUE.filter((d) => d.type === 'number' && !NOT_COUNTS.has(d.name)).map((d) => d.name);
const listFacts = FACT_CATALOGUE.filter((d) => d.type === 'boolean').map((d) => d.name);
const history = fc.array(recordArb, { maxLength: 30 });

describe('recordsBehind agrees with deriveFacts', () => {
  it('knows every check fact', () => {
    expect([...SOURCED_FACTS].sort()).toEqual(CHECK_FACT_CATALOGUE.map((f) => f.name).sort());
  });

  it('count facts: as many records as the count; each in force and one of the inputs', () => {
    fc.assert(
      fc.property(history, dayArb, scopeArb, (rs, t, scope) => {
        const facts = deriveFacts(subject, rs, t, scope);
        for (const name of countFacts) {
          const behind = recordsBehind(name, rs, t, scope);
          expect([name, behind.length]).toEqual([name, facts[name]]);
          for (const r of behind) expect(rs.includes(r) && inForceAt(r, t)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('list facts: some entry of that list in force iff the fact is true', () => {
    fc.assert(
      fc.property(history, dayArb, (rs, t) => {
        const facts = deriveFacts(subject, rs, t, 'all');
        for (const name of listFacts) {
          const behind = recordsBehind(name, rs, t, 'all');
          expect([name, behind.length > 0]).toEqual([name, facts[name]]);
          expect(behind.every((r) => r.type === 'list_entry')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('taxCreditLevel: the one record giving the latest level; maxFine: the penalties with that fine', () => {
    fc.assert(
      fc.property(history, dayArb, (rs, t) => {
        const facts = deriveFacts(subject, rs, t, 'all');
        const tax = recordsBehind('taxCreditLevel', rs, t, 'all');
        expect(tax.length).toBeLessThanOrEqual(1);
        expect(tax[0]?.taxLevel ?? null).toBe(facts.taxCreditLevel);
        const fines = recordsBehind('maxFineLast36Months', rs, t, 'all');
        expect(fines.every((r) => r.fineAmount === facts.maxFineLast36Months)).toBe(true);
        expect(fines.length > 0).toBe((facts.maxFineLast36Months as number) > 0);
      }),
      { numRuns: 300 },
    );
  });

  it('fine totals: the penalties with a fine decided in the 12 months before T, whose fines add up to the fact', () => {
    fc.assert(
      fc.property(history, dayArb, scopeArb, (rs, t, scope) => {
        const facts = deriveFacts(subject, rs, t, scope);
        for (const name of SUMS) {
          const behind = recordsBehind(name, rs, t, scope);
          const sum = behind.reduce((s, r) => s + (r.fineAmount ?? 0), 0);
          expect([name, fineTotal(sum)]).toEqual([name, facts[name]]);
          for (const r of behind) expect(r.type === 'penalty' && (r.fineAmount ?? 0) > 0 && inForceAt(r, t)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('majorViolationPenaltiesLast36Months: the check fact counts exactly its records, suspensions, revocations and fines of 200万元 or more only', () => {
    fc.assert(
      fc.property(history, dayArb, (rs, t) => {
        const facts = deriveCheckFacts(subject, rs, t, { scenario: 'tendering', partyRole: 'bidder' });
        const behind = recordsBehind('majorViolationPenaltiesLast36Months', rs, t, 'all');
        expect(behind.length).toBe(facts.majorViolationPenaltiesLast36Months);
        expect(behind.length).toBeLessThanOrEqual(facts.penaltiesLast36Months as number);
        for (const r of behind)
          expect(
            r.penaltyTypes?.some((p) => p === 'suspension' || p === 'licence_revocation') || (r.fineAmount ?? 0) >= 200,
          ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('recordsBehind: examples', () => {
  const listing: FactRecord = {
    id: 'L1',
    type: 'list_entry',
    industry: 'general',
    listType: 'serious_dishonesty',
    decisionDate: '2025-01-01',
    status: 'active',
  };
  const red: FactRecord = { ...listing, id: 'R1', listType: 'red_list' };
  const tax = (id: string, year: number, level: FactRecord['taxLevel']): FactRecord => ({
    id,
    type: 'tax_credit',
    industry: 'tax',
    taxYear: year,
    taxLevel: level,
    decisionDate: `${year + 1}-04-20`,
    status: 'active',
  });

  it('cites the list entries, the latest tax record and the A-level run by id', () => {
    const rs = [
      listing,
      red,
      tax('T21', 2021, 'B'),
      tax('T22', 2022, 'A'),
      tax('T23', 2023, 'A'),
      tax('T24', 2024, 'A'),
    ];
    const ids = (fact: string) => recordsBehind(fact, rs, '2025-06-01', 'all').map((r) => r.id);
    expect(ids('seriousDishonestyListed')).toEqual(['L1']);
    expect(ids('redListed')).toEqual(['R1']);
    expect(ids('taxCreditLevel')).toEqual(['T24']);
    expect(ids('consecutiveTaxALevelYears')).toEqual(['T24', 'T23', 'T22']);
    expect(ids('courtDefaulterListed')).toEqual([]);
    expect(
      recordsBehind(
        'seriousDishonestyListed',
        [{ ...listing, status: 'repaired', repairedAt: '2025-05-01' }],
        '2025-06-01',
        'all',
      ),
    ).toEqual([]);
  });

  it('facts not drawn from records have none; an unknown fact or a bad date throws', () => {
    for (const f of ['subjectKind', 'yearsSinceRegistration', 'scenario', 'partyRole', 'amount', 'taxTier'])
      expect(recordsBehind(f, [listing], '2025-06-01', 'all')).toEqual([]);
    expect(() => recordsBehind('isNaughty', [], '2025-06-01', 'all')).toThrow(/unknown fact "isNaughty"/);
    expect(() => recordsBehind('redListed', [], '2025-02-30', 'all')).toThrow(/calendar date/);
  });
});
