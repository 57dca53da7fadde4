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
import { isAdminInfoType } from './admin-info';

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

/**
 * Of two public credit ratings (公共信用综合评价), the one that stands: the later rating date; on the same date the worse
 * grade (a platform's correction is not guessed in the subject's favour).
 */
export function laterRating(prev: FactRecord | null, r: FactRecord): FactRecord {
  if (!given(r.publicCreditGrade)) return prev ?? r;
  if (!prev || !given(prev.publicCreditGrade)) return r;
  if (r.decisionDate !== prev.decisionDate) return r.decisionDate > prev.decisionDate ? r : prev;
  return r.publicCreditGrade > prev.publicCreditGrade ? r : prev;
}

/** Industry scope of the `industry*` facts: one pack industry, or 'all' (every record, as in a check). */
export type IndustryScope = Industry | 'all';

/** Does a record fall in the industry scope? */
export const inIndustryScope = (r: FactRecord, industry: IndustryScope): boolean =>
  industry === 'all' || r.industry === industry;

/** What the facts count of the records of one industry (or of all records), in force at T. */
interface Counts {
  p12: number;
  p36: number;
  serious12: number;
  /** Sum of the fines (万元) of the penalties decided in the 12 months before T. */
  fines12: number;
  general36: number;
  serious36: number;
  licenceImpaired36: number;
  maxFine36: number;
  breached36: number;
  inspections12: number;
  failed12: number;
  licences: number;
  live: number;
}

const zeroCounts = (): Counts => ({
  p12: 0,
  p36: 0,
  serious12: 0,
  fines12: 0,
  general36: 0,
  serious36: 0,
  licenceImpaired36: 0,
  maxFine36: 0,
  breached36: 0,
  inspections12: 0,
  failed12: 0,
  licences: 0,
  live: 0,
});
const NO_COUNTS: Readonly<Counts> = Object.freeze(zeroCounts());

/**
 * One pass over a subject's records at T: the counts of every record in force and, apart, of each record
 * industry's. The facts of any industry scope are read from it (factsFor), so a subject tiered in several
 * industries has its records walked once, not once per pack.
 */
export interface FactSummary {
  readonly subject: FactSubject;
  readonly asOf: string;
  readonly yearsSinceRegistration: number | null;
  readonly all: Readonly<Counts>;
  readonly byIndustry: ReadonlyMap<string, Readonly<Counts>>;
  readonly lists: ReadonlySet<string>;
  readonly tax: { taxCreditLevel: TaxCreditLevel | null; consecutiveTaxALevelYears: number };
  /** The latest public credit rating in force (公共信用综合评价), or null. */
  readonly publicCredit: FactRecord | null;
  readonly breachedUnrepaired: number;
  readonly fulfilled: number;
}

/** Count one record in force into `c`; `in12` / `in36`: decided (a breached commitment: breached) in the 12 / 36 months before T. */
function add(c: Counts, r: FactRecord, in12: boolean, in36: boolean, impaired: boolean): void {
  c.live++;
  if (r.type === 'penalty') {
    if (!in36) return;
    c.p36++;
    if (in12) {
      c.p12++;
      if (r.severity === 'serious') c.serious12++;
      c.fines12 += r.fineAmount ?? 0;
    }
    if (r.severity === 'general') c.general36++;
    else if (r.severity === 'serious') c.serious36++;
    if (impaired) c.licenceImpaired36++;
    c.maxFine36 = Math.max(c.maxFine36, r.fineAmount ?? 0);
  } else if (r.type === 'commitment') {
    if (in36) c.breached36++;
  } else if (r.type === 'inspection') {
    if (!in12) return;
    c.inspections12++;
    if (r.inspectionResult === 'failed') c.failed12++;
  } else if (r.type === 'licence') c.licences++;
}

/** The one pass of FactSummary: records in force at `asOf` ('YYYY-MM-DD'), counted overall and per industry. */
export function summariseRecords(subject: FactSubject, records: readonly FactRecord[], asOf: string): FactSummary {
  parseDate(asOf);
  const statusDate = (r: FactRecord): string => r.commitmentStatusDate ?? r.decisionDate;
  const all = zeroCounts();
  const byIndustry = new Map<string, Counts>();
  const lists = new Set<string>();
  const taxRecords: FactRecord[] = [];
  let publicCredit: FactRecord | null = null;
  let breachedUnrepaired = 0;
  let fulfilled = 0;
  for (const r of records) {
    // 行政管理信息 (行政强制、行政奖励 …, admin-info.ts) is shown, never counted: no source reads it into a tier.
    if (isAdminInfoType(r.type) || !inForceAt(r, asOf)) continue;
    let in12 = false;
    let in36 = false;
    let impaired = false;
    if (r.type === 'penalty') {
      in36 = withinMonths(r.decisionDate, asOf, 36);
      // decided in the 12 months before T ⇒ in the 36 months before T (addMonths grows with the months)
      in12 = in36 && withinMonths(r.decisionDate, asOf, 12);
      impaired = in36 && (r.penaltyTypes ?? []).some((t) => LICENCE_IMPAIRING_PENALTIES.includes(t));
    } else if (r.type === 'inspection') in12 = withinMonths(r.decisionDate, asOf, 12);
    else if (r.type === 'commitment') in36 = r.commitmentStatus === 'breached' && withinMonths(statusDate(r), asOf, 36);
    add(all, r, in12, in36, impaired);
    let mine = byIndustry.get(r.industry);
    if (!mine) byIndustry.set(r.industry, (mine = zeroCounts()));
    add(mine, r, in12, in36, impaired);
    if (r.type === 'list_entry') {
      if (r.listType) lists.add(r.listType);
    } else if (r.type === 'tax_credit') taxRecords.push(r);
    else if (r.type === 'public_credit') publicCredit = laterRating(publicCredit, r);
    else if (r.type === 'commitment' && statusDate(r) <= asOf) {
      if (r.commitmentStatus === 'breached') breachedUnrepaired++;
      else if (r.commitmentStatus === 'fulfilled') fulfilled++;
    }
  }
  return {
    subject,
    asOf,
    yearsSinceRegistration: subject.registeredOn ? wholeYears(subject.registeredOn, asOf) : null,
    all,
    byIndustry,
    lists,
    tax: taxFacts(taxRecords),
    publicCredit,
    breachedUnrepaired,
    fulfilled,
  };
}

/** A sum of fines in 万元, to the yuan (4 decimals): 0.1 + 0.2 is 0.3. */
export const fineTotal = (sum: number): number => Math.round(sum * 10_000) / 10_000;

let catalogueChecked = false;

/**
 * Every fact of FACT_CATALOGUE for the summarised subject. `industry` is the pack's industry: the `industry*`
 * facts count only records of that industry ('all': records of any industry, so they equal their
 * non-industry counterparts — used by checks, see check-facts.ts). The facts are written in one fixed order.
 */
export function factsFor(s: FactSummary, industry: IndustryScope): Facts {
  const a = s.all;
  const i = industry === 'all' ? a : (s.byIndustry.get(industry) ?? NO_COUNTS);
  const listed = (list: ListKind): boolean => s.lists.has(list);
  const facts: Record<string, FactValue> = {
    subjectKind: s.subject.kind,
    yearsSinceRegistration: s.yearsSinceRegistration,
    penaltiesLast12Months: a.p12,
    penaltiesLast36Months: a.p36,
    generalPenaltiesLast36Months: a.general36,
    seriousPenaltiesLast36Months: a.serious36,
    licenceRevocationsLast36Months: a.licenceImpaired36,
    maxFineLast36Months: a.maxFine36,
    seriousPenaltiesLast12Months: a.serious12,
    fineTotalLast12Months: fineTotal(a.fines12),
    industryPenaltiesLast12Months: i.p12,
    industryPenaltiesLast36Months: i.p36,
    industryGeneralPenaltiesLast36Months: i.general36,
    industrySeriousPenaltiesLast36Months: i.serious36,
    industryLicenceRevocationsLast36Months: i.licenceImpaired36,
    industryMaxFineLast36Months: i.maxFine36,
    industrySeriousPenaltiesLast12Months: i.serious12,
    industryFineTotalLast12Months: fineTotal(i.fines12),
    seriousDishonestyListed: listed('serious_dishonesty'),
    courtDefaulterListed: listed('court_defaulter'),
    majorTaxViolationListed: listed('major_tax_violation'),
    procurementDishonestyListed: listed('procurement_dishonesty'),
    abnormalOperationListed: listed('abnormal_operation'),
    keyAttentionListed: listed('key_attention'),
    redListed: listed('red_list'),
    taxCreditLevel: s.tax.taxCreditLevel,
    consecutiveTaxALevelYears: s.tax.consecutiveTaxALevelYears,
    publicCreditGrade: s.publicCredit?.publicCreditGrade ?? null,
    commitmentsBreachedLast36Months: a.breached36,
    industryCommitmentsBreachedLast36Months: i.breached36,
    commitmentsBreachedUnrepaired: s.breachedUnrepaired,
    commitmentsFulfilled: s.fulfilled,
    inspectionsLast12Months: a.inspections12,
    inspectionFailuresLast12Months: a.failed12,
    industryInspectionsLast12Months: i.inspections12,
    industryInspectionFailuresLast12Months: i.failed12,
    validLicences: a.licences,
    industryValidLicences: i.licences,
    recordsInForce: a.live,
    industryRecordsInForce: i.live,
  };
  if (!catalogueChecked) {
    for (const def of FACT_CATALOGUE) {
      if (!(def.name in facts)) throw new Error(`deriveFacts does not produce catalogue fact "${def.name}"`);
    }
    catalogueChecked = true;
  }
  return facts;
}

/**
 * Every fact of FACT_CATALOGUE for one subject at `asOf` ('YYYY-MM-DD'). `industry` is the pack's
 * industry: the `industry*` facts count only records of that industry ('all': records of any industry,
 * so they equal their non-industry counterparts — used by checks, see check-facts.ts). Several industries of
 * one subject: summariseRecords once, then factsFor each.
 */
export function deriveFacts(
  subject: FactSubject,
  records: readonly FactRecord[],
  asOf: string,
  industry: IndustryScope,
): Facts {
  return factsFor(summariseRecords(subject, records, asOf), industry);
}
