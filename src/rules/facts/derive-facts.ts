/**
 * Records in force at T → the fact vocabulary (facts.catalogue.ts). Pure: same inputs, same facts.
 *
 * "Decided in the N months before T" means decisionDate ≤ T < decisionDate + N calendar months (the same
 * exclusive end as a publicity window), so a decision exactly N months before T no longer counts.
 */
import { addMonths, parseDate } from '../shared/calendar';
import {
  FACT_CATALOGUE,
  type Facts,
  type FactValue,
  type Industry,
  type TaxCreditLevel,
} from '../shared/facts.catalogue';
import type { ListKind } from '../publicity/publicity';
import { LICENCE_IMPAIRING_PENALTIES, type FactRecord, type FactSubject } from './record.types';

/** The date a record stops counting by itself (exclusive), or null when open-ended. */
export function recordEnd(r: FactRecord): string | null {
  return (r.type === 'licence' ? r.validUntil : r.publicityEnd) ?? null;
}

const given = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
const endedOnOrBefore = (date: string | null | undefined, t: string): boolean => given(date) && date <= t;

/** In force at T: decided, not past its end, not revoked / repaired / ended on or before T. */
export function inForceAt(r: FactRecord, t: string): boolean {
  if (r.decisionDate > t) return false;
  const end = recordEnd(r);
  if (end !== null && t >= end) return false;
  if (endedOnOrBefore(r.revokedAt, t) || endedOnOrBefore(r.repairedAt, t) || endedOnOrBefore(r.endedAt, t))
    return false;
  // A non-active status without its date cannot be placed in time: it is treated as ended since always.
  if (r.status === 'revoked' && !given(r.revokedAt)) return false;
  if (r.status === 'repaired' && !given(r.repairedAt)) return false;
  if (r.status === 'ended' && !given(r.endedAt)) return false;
  return true;
}

/** date ≤ T < date + months. */
export function withinMonths(date: string, t: string, months: number): boolean {
  return date <= t && addMonths(date, months) > t;
}

/** Whole years from `from` to `t` (calendar anniversaries, 29 Feb → 28 Feb); 0 when `t` is earlier. */
export function wholeYears(from: string, t: string): number {
  if (t < from) return 0;
  let years = parseDate(t).year - parseDate(from).year;
  while (years > 0 && addMonths(from, 12 * years) > t) years--;
  return years;
}

const TAX_LEVEL_RANK: Readonly<Record<TaxCreditLevel, number>> = { A: 0, B: 1, M: 2, C: 3, D: 4 };

/**
 * The record that gives each evaluation year its level; a later publication for the same year (复评,
 * correction) replaces an earlier one. Pass the tax_credit records in force.
 */
export function taxRecordsByYear(records: readonly FactRecord[]): Map<number, FactRecord> {
  const best = new Map<number, FactRecord>();
  for (const r of records) {
    if (!given(r.taxYear) || !given(r.taxLevel)) continue;
    const prev = best.get(r.taxYear);
    const later =
      !prev ||
      r.decisionDate > prev.decisionDate ||
      (r.decisionDate === prev.decisionDate && TAX_LEVEL_RANK[r.taxLevel] > TAX_LEVEL_RANK[prev.taxLevel!]);
    if (later) best.set(r.taxYear, r);
  }
  return best;
}

function taxLevelsByYear(records: readonly FactRecord[]): Map<number, TaxCreditLevel> {
  return new Map([...taxRecordsByYear(records)].map(([year, r]) => [year, r.taxLevel!]));
}

function taxFacts(records: readonly FactRecord[]): {
  taxCreditLevel: TaxCreditLevel | null;
  consecutiveTaxALevelYears: number;
} {
  const levels = taxLevelsByYear(records);
  if (levels.size === 0) return { taxCreditLevel: null, consecutiveTaxALevelYears: 0 };
  const latest = Math.max(...levels.keys());
  let run = 0;
  while (levels.get(latest - run) === 'A') run++;
  return { taxCreditLevel: levels.get(latest)!, consecutiveTaxALevelYears: run };
}

const maxFine = (penalties: readonly FactRecord[]): number =>
  penalties.reduce((max, r) => Math.max(max, r.fineAmount ?? 0), 0);

const count = (rs: readonly FactRecord[], p: (r: FactRecord) => boolean): number => rs.filter(p).length;

/** Industry scope of the `industry*` facts: one pack industry, or 'all' (every record, as in a check). */
export type IndustryScope = Industry | 'all';

/** Does a record fall in the industry scope? */
export const inIndustryScope = (r: FactRecord, industry: IndustryScope): boolean =>
  industry === 'all' || r.industry === industry;

/**
 * Every fact of FACT_CATALOGUE for one subject at `asOf` ('YYYY-MM-DD'). `industry` is the pack's
 * industry: the `industry*` facts count only records of that industry ('all': records of any industry,
 * so they equal their non-industry counterparts — used by checks, see check-facts.ts).
 */
export function deriveFacts(
  subject: FactSubject,
  records: readonly FactRecord[],
  asOf: string,
  industry: IndustryScope,
): Facts {
  parseDate(asOf);
  const live = records.filter((r) => inForceAt(r, asOf));
  const of = (type: FactRecord['type']) => live.filter((r) => r.type === type);
  const penalties = of('penalty');
  const p12 = penalties.filter((r) => withinMonths(r.decisionDate, asOf, 12));
  const p36 = penalties.filter((r) => withinMonths(r.decisionDate, asOf, 36));
  const listed = (list: ListKind): boolean => of('list_entry').some((r) => r.listType === list);
  const commitments = of('commitment');
  const statusDate = (r: FactRecord): string => r.commitmentStatusDate ?? r.decisionDate;
  const inspections12 = of('inspection').filter((r) => withinMonths(r.decisionDate, asOf, 12));
  const failed12 = inspections12.filter((r) => r.inspectionResult === 'failed');
  const inIndustry = (r: FactRecord): boolean => inIndustryScope(r, industry);
  const p36Industry = p36.filter(inIndustry);
  const breached36 = (r: FactRecord): boolean =>
    r.commitmentStatus === 'breached' && withinMonths(statusDate(r), asOf, 36);

  const facts: Record<string, FactValue> = {
    subjectKind: subject.kind,
    yearsSinceRegistration: subject.registeredOn ? wholeYears(subject.registeredOn, asOf) : null,
    penaltiesLast12Months: p12.length,
    penaltiesLast36Months: p36.length,
    generalPenaltiesLast36Months: count(p36, (r) => r.severity === 'general'),
    seriousPenaltiesLast36Months: count(p36, (r) => r.severity === 'serious'),
    licenceRevocationsLast36Months: count(p36, (r) =>
      (r.penaltyTypes ?? []).some((t) => LICENCE_IMPAIRING_PENALTIES.includes(t)),
    ),
    maxFineLast36Months: maxFine(p36),
    industryPenaltiesLast12Months: count(p12, inIndustry),
    industryPenaltiesLast36Months: p36Industry.length,
    industryGeneralPenaltiesLast36Months: count(p36Industry, (r) => r.severity === 'general'),
    industrySeriousPenaltiesLast36Months: count(p36Industry, (r) => r.severity === 'serious'),
    industryLicenceRevocationsLast36Months: count(p36Industry, (r) =>
      (r.penaltyTypes ?? []).some((t) => LICENCE_IMPAIRING_PENALTIES.includes(t)),
    ),
    industryMaxFineLast36Months: maxFine(p36Industry),
    seriousDishonestyListed: listed('serious_dishonesty'),
    courtDefaulterListed: listed('court_defaulter'),
    majorTaxViolationListed: listed('major_tax_violation'),
    procurementDishonestyListed: listed('procurement_dishonesty'),
    abnormalOperationListed: listed('abnormal_operation'),
    keyAttentionListed: listed('key_attention'),
    redListed: listed('red_list'),
    ...taxFacts(of('tax_credit')),
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
  for (const def of FACT_CATALOGUE) {
    if (!(def.name in facts)) throw new Error(`deriveFacts does not produce catalogue fact "${def.name}"`);
  }
  return facts;
}
