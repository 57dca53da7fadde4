import fc from 'fast-check';
import { addMonths, daysInMonth, formatDate } from '../shared/calendar';
import {
  deriveFacts,
  factsFor,
  inForceAt,
  summariseRecords,
  taxRecordsByYear,
  wholeYears,
  withinMonths,
} from './derive-facts';
import {
  FACT_CATALOGUE,
  INDUSTRIES,
  SUBJECT_KINDS,
  TAX_CREDIT_LEVELS,
  PUBLIC_CREDIT_GRADES,
  type FactValue,
  type Facts,
} from '../shared/facts.catalogue';
import type { ListKind } from '../publicity/publicity';
import {
  COMMITMENT_STATUSES,
  INSPECTION_RESULTS,
  LICENCE_IMPAIRING_PENALTIES,
  LIST_TYPES,
  PENALTY_TYPES,
  RECORD_INDUSTRIES,
  RECORD_SEVERITIES,
  RECORD_TYPES,
  type FactRecord,
  type FactSubject,
} from './record.types';
import { fineTotal, type IndustryScope } from './derive-facts';
import { isAdminInfoType } from './admin-info';

/**
 * deriveFacts before the one-pass summary (issue 16), kept verbatim as the reference: a filter per fact, a pass
 * per industry. The summary must give the same facts, in the same key order (the fingerprint hashes their values in that order).
 */
function referenceFacts(
  subject: FactSubject,
  records: readonly FactRecord[],
  asOf: string,
  industry: IndustryScope,
): Facts {
  const count = (rs: readonly FactRecord[], p: (r: FactRecord) => boolean): number => rs.filter(p).length;
  const maxFine = (ps: readonly FactRecord[]): number => ps.reduce((max, r) => Math.max(max, r.fineAmount ?? 0), 0);
  // 行政管理信息 (admin-info.ts) is never a fact.
  const live = records.filter((r) => !isAdminInfoType(r.type) && inForceAt(r, asOf));
  const of = (type: FactRecord['type']) => live.filter((r) => r.type === type);
  const penalties = of('penalty');
  const p12 = penalties.filter((r) => withinMonths(r.decisionDate, asOf, 12));
  const p36 = penalties.filter((r) => withinMonths(r.decisionDate, asOf, 36));
  const listed = (list: ListKind): boolean => of('list_entry').some((r) => r.listType === list);
  const commitments = of('commitment');
  const statusDate = (r: FactRecord): string => r.commitmentStatusDate ?? r.decisionDate;
  const inspections12 = of('inspection').filter((r) => withinMonths(r.decisionDate, asOf, 12));
  const failed12 = inspections12.filter((r) => r.inspectionResult === 'failed');
  const inIndustry = (r: FactRecord): boolean => industry === 'all' || r.industry === industry;
  const p36Industry = p36.filter(inIndustry);
  const breached36 = (r: FactRecord): boolean =>
    r.commitmentStatus === 'breached' && withinMonths(statusDate(r), asOf, 36);
  const impaired = (r: FactRecord) => (r.penaltyTypes ?? []).some((t) => LICENCE_IMPAIRING_PENALTIES.includes(t));
  const levels = new Map([...taxRecordsByYear(of('tax_credit'))].map(([y, r]) => [y, r.taxLevel!]));
  const latest = levels.size ? Math.max(...levels.keys()) : 0;
  let run = 0;
  while (levels.size && levels.get(latest - run) === 'A') run++;
  const facts: Record<string, FactValue> = {
    subjectKind: subject.kind,
    yearsSinceRegistration: subject.registeredOn ? wholeYears(subject.registeredOn, asOf) : null,
    penaltiesLast12Months: p12.length,
    penaltiesLast36Months: p36.length,
    generalPenaltiesLast36Months: count(p36, (r) => r.severity === 'general'),
    seriousPenaltiesLast36Months: count(p36, (r) => r.severity === 'serious'),
    licenceRevocationsLast36Months: count(p36, impaired),
    maxFineLast36Months: maxFine(p36),
    seriousPenaltiesLast12Months: count(p12, (r) => r.severity === 'serious'),
    fineTotalLast12Months: fineTotal(p12.reduce((s, r) => s + (r.fineAmount ?? 0), 0)),
    industryPenaltiesLast12Months: count(p12, inIndustry),
    industryPenaltiesLast36Months: p36Industry.length,
    industryGeneralPenaltiesLast36Months: count(p36Industry, (r) => r.severity === 'general'),
    industrySeriousPenaltiesLast36Months: count(p36Industry, (r) => r.severity === 'serious'),
    industryLicenceRevocationsLast36Months: count(p36Industry, impaired),
    industryMaxFineLast36Months: maxFine(p36Industry),
    industrySeriousPenaltiesLast12Months: count(p12, (r) => inIndustry(r) && r.severity === 'serious'),
    industryFineTotalLast12Months: fineTotal(p12.filter(inIndustry).reduce((s, r) => s + (r.fineAmount ?? 0), 0)),
    seriousDishonestyListed: listed('serious_dishonesty'),
    courtDefaulterListed: listed('court_defaulter'),
    majorTaxViolationListed: listed('major_tax_violation'),
    procurementDishonestyListed: listed('procurement_dishonesty'),
    abnormalOperationListed: listed('abnormal_operation'),
    keyAttentionListed: listed('key_attention'),
    redListed: listed('red_list'),
    taxCreditLevel: levels.size ? levels.get(latest)! : null,
    consecutiveTaxALevelYears: run,
    // The latest rating in force; on the same date the worse grade (written out, not laterRating).
    publicCreditGrade:
      of('public_credit')
        .filter((r) => r.publicCreditGrade)
        .sort((x, y) =>
          x.decisionDate === y.decisionDate
            ? x.publicCreditGrade!.localeCompare(y.publicCreditGrade!)
            : x.decisionDate.localeCompare(y.decisionDate),
        )
        .pop()?.publicCreditGrade ?? null,
    commitmentsBreachedLast36Months: count(commitments, breached36),
    industryCommitmentsBreachedLast36Months: count(commitments, (r) => inIndustry(r) && breached36(r)),
    commitmentsBreachedUnrepaired: count(
      commitments,
      (r) => r.commitmentStatus === 'breached' && statusDate(r) <= asOf,
    ),
    commitmentsFulfilled: count(commitments, (r) => r.commitmentStatus === 'fulfilled' && statusDate(r) <= asOf),
    inspectionsLast12Months: inspections12.length,
    inspectionFailuresLast12Months: failed12.length,
    industryInspectionsLast12Months: count(inspections12, inIndustry),
    industryInspectionFailuresLast12Months: count(failed12, inIndustry),
    validLicences: of('licence').length,
    industryValidLicences: count(of('licence'), inIndustry),
    recordsInForce: live.length,
    industryRecordsInForce: count(live, inIndustry),
  };
  return facts;
}

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
    publicCreditGrade: maybe(fc.constantFrom(...PUBLIC_CREDIT_GRADES)),
    decisionDate: dayArb,
    months: maybe(fc.integer({ min: 1, max: 40 })),
    penaltyTypes: fc.subarray([...PENALTY_TYPES]),
    fineAmount: maybe(fc.constantFrom(0, 0.5, 1, 5, 20, 200)),
    commitmentStatus: maybe(fc.constantFrom(...COMMITMENT_STATUSES)),
    statusLag: maybe(fc.integer({ min: -3, max: 40 })),
    inspectionResult: maybe(fc.constantFrom(...INSPECTION_RESULTS)),
    status: fc.constantFrom(
      'active' as const,
      'active' as const,
      'repaired' as const,
      'revoked' as const,
      'ended' as const,
    ),
    lag: fc.integer({ min: 0, max: 24 }),
  })
  .map(({ months, statusLag, lag, ...r }) => {
    const end = months === null ? null : addMonths(r.decisionDate, months);
    const at = addMonths(r.decisionDate, lag);
    return {
      ...r,
      publicityEnd: end,
      validUntil: end,
      repairedAt: r.status === 'repaired' ? at : null,
      revokedAt: r.status === 'revoked' ? at : null,
      endedAt: r.status === 'ended' ? at : null,
      commitmentStatusDate: statusLag === null ? null : addMonths(r.decisionDate, statusLag),
    };
  });
const subjectArb = fc.record({ kind: fc.constantFrom(...SUBJECT_KINDS), registeredOn: maybe(dayArb) });

describe('the one-pass fact summary gives the facts of the filter-per-fact derivation', () => {
  it('deriveFacts and factsFor equal the reference for every industry scope, key order included', () => {
    fc.assert(
      fc.property(subjectArb, fc.array(recordArb, { maxLength: 30 }), dayArb, (s, rs, t) => {
        const summary = summariseRecords(s, rs, t);
        for (const scope of ['all', ...INDUSTRIES] as const) {
          const want = JSON.stringify(referenceFacts(s, rs, t, scope));
          expect(JSON.stringify(deriveFacts(s, rs, t, scope))).toBe(want);
          expect(JSON.stringify(factsFor(summary, scope))).toBe(want);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives every catalogue fact', () => {
    const facts = deriveFacts({ kind: SUBJECT_KINDS[0], registeredOn: null }, [], '2026-01-01', 'tax');
    expect(Object.keys(facts).sort()).toEqual(FACT_CATALOGUE.map((d) => d.name).sort());
  });

  it('daysInMonth by arithmetic equals the Date-based count for every month of years 1–3000', () => {
    for (let y = 1; y <= 3000; y++)
      for (let m = 1; m <= 12; m++)
        expect([y, m, daysInMonth(y, m)]).toEqual([y, m, new Date(Date.UTC(y, m, 0)).getUTCDate()]);
  });
});
