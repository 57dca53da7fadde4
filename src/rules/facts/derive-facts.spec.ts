import fc from 'fast-check';
import { addMonths, formatDate } from '../shared/calendar';
import { deriveFacts, inForceAt, wholeYears } from './derive-facts';
import { FACT_CATALOGUE, INDUSTRIES, SUBJECT_KINDS, TAX_CREDIT_LEVELS, type Industry } from '../shared/facts.catalogue';
import { penaltyPublicityWindow } from '../publicity/publicity';
import {
  COMMITMENT_STATUSES,
  INSPECTION_RESULTS,
  LIST_TYPES,
  PENALTY_TYPES,
  RECORD_INDUSTRIES,
  RECORD_SEVERITIES,
  RECORD_TYPES,
  type FactRecord,
  type FactSubject,
} from './record.types';

const company: FactSubject = { kind: 'legal_person', registeredOn: '2015-06-30' };
const penalty = (over: Partial<FactRecord> = {}): FactRecord => ({
  type: 'penalty',
  industry: 'food_drug',
  severity: 'general',
  decisionDate: '2025-03-10',
  publicityEnd: '2026-03-10',
  status: 'active',
  penaltyTypes: ['fine'],
  fineAmount: 2.5,
  ...over,
});
const facts = (records: FactRecord[], asOf = '2025-09-01', industry: Industry = 'food_drug') =>
  deriveFacts(company, records, asOf, industry);

describe('deriveFacts: examples', () => {
  it('produces every catalogue fact with its type, defaults for an empty history', () => {
    const f = facts([]);
    for (const def of FACT_CATALOGUE) {
      expect(def.name in f).toBe(true);
      const v = f[def.name];
      if (v === null) expect(def.nullable).toBe(true);
      else expect(typeof v).toBe(def.type);
    }
    expect(f).toMatchObject({
      subjectKind: 'legal_person',
      yearsSinceRegistration: 10,
      penaltiesLast36Months: 0,
      taxCreditLevel: null,
      redListed: false,
    });
  });

  it('counts a penalty inside its window and the 12/36-month look-backs', () => {
    const r = penalty({ severity: 'serious', penaltyTypes: ['fine', 'licence_suspension'], fineAmount: 12 });
    expect(facts([r])).toMatchObject({
      penaltiesLast12Months: 1,
      penaltiesLast36Months: 1,
      seriousPenaltiesLast36Months: 1,
      generalPenaltiesLast36Months: 0,
      licenceRevocationsLast36Months: 1,
      maxFineLast36Months: 12,
      industryPenaltiesLast12Months: 1,
      industrySeriousPenaltiesLast36Months: 1,
    });
    expect(facts([r], '2025-09-01', 'tax')).toMatchObject({
      industryPenaltiesLast12Months: 0,
      penaltiesLast12Months: 1,
    });
    expect(facts([r], '2025-03-09').penaltiesLast36Months).toBe(0); // before the decision
    expect(facts([r], '2026-03-09').penaltiesLast36Months).toBe(1); // last day of publicity
    expect(facts([r], '2026-03-10').penaltiesLast36Months).toBe(0); // publicity end is exclusive
    const long = penalty({ decisionDate: '2024-01-15', publicityEnd: '2027-01-15' });
    expect(facts([long], '2025-01-14')).toMatchObject({ penaltiesLast12Months: 1 });
    expect(facts([long], '2025-01-15')).toMatchObject({ penaltiesLast12Months: 0, penaltiesLast36Months: 1 });
  });

  it('stops counting on the repair / revocation / end date, not before (as-of answers are reproducible)', () => {
    for (const key of ['repairedAt', 'revokedAt', 'endedAt'] as const) {
      const status = { repairedAt: 'repaired', revokedAt: 'revoked', endedAt: 'ended' }[key] as FactRecord['status'];
      const r = penalty({ status, [key]: '2025-06-01' });
      expect(facts([r], '2025-05-31').penaltiesLast12Months).toBe(1);
      expect(facts([r], '2025-06-01').penaltiesLast12Months).toBe(0);
    }
    expect(inForceAt(penalty({ status: 'revoked', revokedAt: null }), '2025-05-01')).toBe(false);
  });

  it('reads list entries, including open-ended ones', () => {
    const lists: FactRecord[] = LIST_TYPES.map((l) => ({
      type: 'list_entry',
      industry: 'general',
      listType: l,
      severity: 'serious',
      decisionDate: '2024-01-01',
      publicityEnd: null,
      status: 'active',
    }));
    expect(facts(lists, '2030-01-01')).toMatchObject({
      seriousDishonestyListed: true,
      courtDefaulterListed: true,
      majorTaxViolationListed: true,
      procurementDishonestyListed: true,
      abnormalOperationListed: true,
      redListed: true,
    });
    expect(facts(lists, '2023-12-31').courtDefaulterListed).toBe(false);
  });

  it('takes the latest evaluation year published by T and counts consecutive A years', () => {
    const tax = (year: number, level: FactRecord['taxLevel'], published = `${year + 1}-04-20`): FactRecord => ({
      type: 'tax_credit',
      industry: 'tax',
      taxYear: year,
      taxLevel: level,
      decisionDate: published,
      status: 'active',
    });
    const history = [tax(2020, 'B'), tax(2021, 'A'), tax(2022, 'A'), tax(2023, 'A')];
    expect(facts(history, '2024-05-01')).toMatchObject({ taxCreditLevel: 'A', consecutiveTaxALevelYears: 3 });
    expect(facts(history, '2024-04-19')).toMatchObject({ taxCreditLevel: 'A', consecutiveTaxALevelYears: 2 });
    expect(facts([...history, tax(2023, 'C', '2024-08-01')], '2024-09-01')).toMatchObject({
      taxCreditLevel: 'C',
      consecutiveTaxALevelYears: 0,
    });
    expect(facts([tax(2021, 'A'), tax(2023, 'A')], '2024-05-01').consecutiveTaxALevelYears).toBe(1); // a gap breaks the run
  });

  it('counts commitments by their status date and inspections by result and industry', () => {
    const c = (status: FactRecord['commitmentStatus'], date: string | null): FactRecord => ({
      type: 'commitment',
      industry: 'construction',
      decisionDate: '2024-02-01',
      status: 'active',
      commitmentStatus: status,
      commitmentStatusDate: date,
    });
    const rs = [
      c('breached', '2024-06-01'),
      c('fulfilled', '2024-03-01'),
      c('pending', null),
      c('fulfilled', '2025-01-01'),
    ];
    expect(facts(rs, '2024-12-31')).toMatchObject({ commitmentsBreachedLast36Months: 1, commitmentsFulfilled: 1 });
    expect(facts(rs, '2024-05-31')).toMatchObject({ commitmentsBreachedLast36Months: 0 });
    expect(facts(rs, '2027-06-01')).toMatchObject({ commitmentsBreachedLast36Months: 0, commitmentsFulfilled: 2 });
    const insp = (result: FactRecord['inspectionResult'], industry: FactRecord['industry']): FactRecord => ({
      type: 'inspection',
      industry,
      decisionDate: '2025-02-01',
      status: 'active',
      inspectionResult: result,
    });
    expect(facts([insp('passed', 'food_drug'), insp('failed', 'food_drug'), insp('failed', 'general')])).toMatchObject({
      inspectionsLast12Months: 3,
      inspectionFailuresLast12Months: 2,
      industryInspectionFailuresLast12Months: 1,
    });
  });

  it('counts licences valid at T by their validity, not a publicity end', () => {
    const lic: FactRecord = {
      type: 'licence',
      industry: 'food_drug',
      decisionDate: '2022-01-01',
      validUntil: '2027-01-01',
      publicityEnd: '2022-04-01',
      status: 'active',
    };
    expect(facts([lic, { ...lic, validUntil: null }], '2026-12-31').validLicences).toBe(2);
    expect(facts([lic], '2027-01-01').validLicences).toBe(0);
  });

  it('computes whole years with calendar anniversaries', () => {
    expect(wholeYears('2024-02-29', '2025-02-27')).toBe(0);
    expect(wholeYears('2024-02-29', '2025-02-28')).toBe(1);
    expect(wholeYears('2020-06-30', '2020-01-01')).toBe(0);
    expect(facts([], '2025-06-29').yearsSinceRegistration).toBe(9);
    expect(
      deriveFacts({ kind: 'natural_person', registeredOn: null }, [], '2025-01-01', 'tax').yearsSinceRegistration,
    ).toBeNull();
  });
});

// --- properties -------------------------------------------------------------------------------------
const dayArb = fc.integer({ min: 0, max: 365 * 8 }).map((d) => {
  const t = new Date(Date.UTC(2020, 0, 1) + d * 86_400_000);
  return formatDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
});
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const recordArb: fc.Arbitrary<FactRecord> = fc
  .record({
    type: fc.constantFrom(...RECORD_TYPES),
    industry: fc.constantFrom(...RECORD_INDUSTRIES),
    severity: maybe(fc.constantFrom(...RECORD_SEVERITIES)),
    listType: maybe(fc.constantFrom(...LIST_TYPES)),
    taxLevel: maybe(fc.constantFrom(...TAX_CREDIT_LEVELS)),
    taxYear: maybe(fc.integer({ min: 2018, max: 2027 })),
    decisionDate: dayArb,
    months: maybe(fc.integer({ min: 1, max: 40 })),
    penaltyTypes: fc.subarray([...PENALTY_TYPES]),
    fineAmount: maybe(fc.double({ min: 0, max: 500, noNaN: true })),
    commitmentStatus: maybe(fc.constantFrom(...COMMITMENT_STATUSES)),
    statusLag: fc.integer({ min: 0, max: 30 }),
    inspectionResult: maybe(fc.constantFrom(...INSPECTION_RESULTS)),
  })
  .map(({ months, statusLag, ...r }) => {
    const end = months === null ? null : addMonths(r.decisionDate, months);
    return {
      ...r,
      status: 'active' as const,
      publicityEnd: end,
      validUntil: end,
      commitmentStatusDate: addMonths(r.decisionDate, statusLag),
    };
  });
const subjectArb = fc.record({ kind: fc.constantFrom(...SUBJECT_KINDS), registeredOn: maybe(dayArb) });
const industryArb = fc.constantFrom(...INDUSTRIES);

describe('deriveFacts: properties', () => {
  it('a record decided after T does not affect the facts at T', () => {
    fc.assert(
      fc.property(
        subjectArb,
        fc.array(recordArb, { maxLength: 12 }),
        recordArb,
        dayArb,
        industryArb,
        (s, rs, extra, t, ind) => {
          fc.pre(extra.decisionDate > t);
          expect(deriveFacts(s, [...rs, extra], t, ind)).toEqual(deriveFacts(s, rs, t, ind));
        },
      ),
    );
  });

  it('a repair at R removes the record from T ≥ R only', () => {
    fc.assert(
      fc.property(
        subjectArb,
        fc.array(recordArb, { maxLength: 10 }),
        recordArb,
        dayArb,
        dayArb,
        industryArb,
        (s, rs, r, repairAt, t, ind) => {
          const repaired: FactRecord = { ...r, status: 'repaired', repairedAt: repairAt };
          const expected = t >= repairAt ? deriveFacts(s, rs, t, ind) : deriveFacts(s, [...rs, r], t, ind);
          expect(deriveFacts(s, [...rs, repaired], t, ind)).toEqual(expected);
        },
      ),
    );
  });

  it('counts are monotone in the window and in the filter', () => {
    fc.assert(
      fc.property(subjectArb, fc.array(recordArb, { maxLength: 25 }), dayArb, industryArb, (s, rs, t, ind) => {
        const f = deriveFacts(s, rs, t, ind) as Record<string, number>;
        expect(f.penaltiesLast12Months).toBeLessThanOrEqual(f.penaltiesLast36Months);
        expect(f.generalPenaltiesLast36Months + f.seriousPenaltiesLast36Months).toBeLessThanOrEqual(
          f.penaltiesLast36Months,
        );
        expect(f.industryPenaltiesLast12Months).toBeLessThanOrEqual(f.penaltiesLast12Months);
        expect(f.industrySeriousPenaltiesLast36Months).toBeLessThanOrEqual(f.seriousPenaltiesLast36Months);
        expect(f.licenceRevocationsLast36Months).toBeLessThanOrEqual(f.penaltiesLast36Months);
        expect(f.inspectionFailuresLast12Months).toBeLessThanOrEqual(f.inspectionsLast12Months);
        expect(f.industryInspectionFailuresLast12Months).toBeLessThanOrEqual(f.inspectionFailuresLast12Months);
        expect(f.maxFineLast36Months).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('adding a record never lowers a count; order does not matter', () => {
    const counts = FACT_CATALOGUE.filter(
      (d) => d.type === 'number' && d.name !== 'yearsSinceRegistration' && d.name !== 'consecutiveTaxALevelYears',
    ).map((d) => d.name);
    fc.assert(
      fc.property(
        subjectArb,
        fc.array(recordArb, { maxLength: 15 }),
        recordArb,
        dayArb,
        industryArb,
        (s, rs, extra, t, ind) => {
          fc.pre(extra.type !== 'tax_credit');
          const before = deriveFacts(s, rs, t, ind);
          const after = deriveFacts(s, [extra, ...rs], t, ind);
          for (const name of counts) expect(after[name] as number).toBeGreaterThanOrEqual(before[name] as number);
          expect(deriveFacts(s, [...rs].reverse(), t, ind)).toEqual(before);
        },
      ),
    );
  });

  it('a penalty stored with its computed publicity window counts exactly inside it', () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.constantFrom(...RECORD_SEVERITIES),
        fc.constantFrom('food', 'fire', 'other'),
        dayArb,
        (d, severity, sector, t) => {
          const w = penaltyPublicityWindow({ decisionDate: d, severity, sector });
          const r = penalty({ decisionDate: d, severity, publicityEnd: w.maxEnd });
          expect(facts([r], t).penaltiesLast36Months).toBe(d <= t && t < w.maxEnd ? 1 : 0);
        },
      ),
    );
  });
});
