/**
 * The records behind a fact (事实来源): which records in force at T make a fact what it is, so a check
 * can cite them (record ids) beside a measure. The selections are those of derive-facts.ts (same
 * helpers: inForceAt, withinMonths, taxRecordsByYear), and a property test holds them to it:
 * for a count fact, `recordsBehind(f).length === facts[f]`; for a list fact, non-empty iff true.
 *
 * - list facts (`*Listed`): the list entries of that list in force;
 * - count facts: the records counted;
 * - maxFineLast36Months: the penalties with that largest fine (none when it is 0);
 * - fineTotalLast12Months: the penalties with a fine whose fines add up to it;
 * - taxCreditLevel: the record that gives the latest evaluation year its level;
 * - publicCreditGrade: the rating that stands (laterRating);
 *   consecutiveTaxALevelYears: the records of the years of the run, latest first;
 * - facts not drawn from records (subjectKind, yearsSinceRegistration, the transaction and tier facts):
 *   none (a tier is explained by the tiering evaluation's fired rules).
 */
import { parseDate } from '../shared/calendar';
import {
  inForceAt,
  inIndustryScope,
  laterRating,
  taxRecordsByYear,
  withinMonths,
  type IndustryScope,
} from './derive-facts';
import type { ListKind } from '../publicity/publicity';
import { LICENCE_IMPAIRING_PENALTIES, type FactRecord, type PenaltyType } from './record.types';
import { isAdminInfoType } from './admin-info';
import { LARGE_FINE_WAN_YUAN } from '../publicity/severity';
import { INDUSTRY_DEFINITIONS } from '../shared/industries';

/** Penalty types of 政府采购法实施条例 Art. 19 (besides a relatively large fine): 责令停产停业, 吊销许可证或者执照. */
export const MAJOR_VIOLATION_PENALTIES: readonly PenaltyType[] = ['suspension', 'licence_revocation'];

/** A major violation record (实施条例 Art. 19): suspension, licence revocation, or a fine ≥ 200万元 (财库〔2022〕3号). */
const isMajorViolation = (r: FactRecord): boolean =>
  r.type === 'penalty' &&
  ((r.penaltyTypes ?? []).some((t) => MAJOR_VIOLATION_PENALTIES.includes(t)) ||
    (r.fineAmount ?? 0) >= LARGE_FINE_WAN_YUAN);

const goneBy = (date: string | null | undefined, t: string): boolean =>
  date !== null && date !== undefined && date <= t;

/**
 * 政府采购法 Art. 22(1)(5): major violation records of the 3 years before T — decided in the 36 months before T,
 * not revoked and not repaired by T (a repaired record lifts its measures, 令第36号), **whether or not still
 * published**: the procurement law's 3-year look-back is its own term, not the record's publicity window (a
 * 200万元 fine graded general stops being published after a year but stays a major violation record for 3).
 * `records` may hold records past their publicity end (the checks load them for this fact).
 */
export function procurementMajorViolations(records: readonly FactRecord[], asOf: string): FactRecord[] {
  parseDate(asOf);
  const seen = new Set<string>();
  return records.filter((r) => {
    if (r.id !== undefined) {
      if (seen.has(r.id)) return false;
      seen.add(r.id);
    }
    if (!isMajorViolation(r) || !withinMonths(r.decisionDate, asOf, 36)) return false;
    if (goneBy(r.revokedAt, asOf) || goneBy(r.repairedAt, asOf)) return false;
    return !((r.status === 'revoked' && !r.revokedAt) || (r.status === 'repaired' && !r.repairedAt));
  });
}

interface Scope {
  readonly live: readonly FactRecord[];
  readonly asOf: string;
  readonly industry: IndustryScope;
}
type Selector = (s: Scope) => FactRecord[];

const of = (s: Scope, type: FactRecord['type']): FactRecord[] => s.live.filter((r) => r.type === type);
const penalties =
  (months: number) =>
  (s: Scope): FactRecord[] =>
    of(s, 'penalty').filter((r) => withinMonths(r.decisionDate, s.asOf, months));
const p12 = penalties(12);
const p36 = penalties(36);
const hasType =
  (types: readonly PenaltyType[]) =>
  (r: FactRecord): boolean =>
    (r.penaltyTypes ?? []).some((t) => types.includes(t));
const listed =
  (list: ListKind): Selector =>
  (s) =>
    of(s, 'list_entry').filter((r) => r.listType === list);
const statusDate = (r: FactRecord): string => r.commitmentStatusDate ?? r.decisionDate;
const inspections12: Selector = (s) => of(s, 'inspection').filter((r) => withinMonths(r.decisionDate, s.asOf, 12));
const failed12: Selector = (s) => inspections12(s).filter((r) => r.inspectionResult === 'failed');
const inIndustry =
  (sel: Selector): Selector =>
  (s) =>
    sel(s).filter((r) => inIndustryScope(r, s.industry));

const largestFines =
  (sel: Selector): Selector =>
  (s) => {
    const ps = sel(s);
    const max = ps.reduce((m, r) => Math.max(m, r.fineAmount ?? 0), 0);
    return max > 0 ? ps.filter((r) => (r.fineAmount ?? 0) === max) : [];
  };

function taxByYear(s: Scope): { years: Map<number, FactRecord>; latest: number | undefined } {
  const years = taxRecordsByYear(of(s, 'tax_credit'));
  return { years, latest: years.size > 0 ? Math.max(...years.keys()) : undefined };
}

function latestTax(s: Scope): FactRecord[] {
  const { years, latest } = taxByYear(s);
  return latest === undefined ? [] : [years.get(latest)!];
}

function taxARun(s: Scope): FactRecord[] {
  const { years, latest } = taxByYear(s);
  const out: FactRecord[] = [];
  for (let y = latest; y !== undefined && years.get(y)?.taxLevel === 'A'; y--) out.push(years.get(y)!);
  return out;
}

const NONE: Selector = () => [];

const SELECTORS: Readonly<Record<string, Selector>> = {
  subjectKind: NONE,
  yearsSinceRegistration: NONE,
  penaltiesLast12Months: p12,
  penaltiesLast36Months: p36,
  generalPenaltiesLast36Months: (s) => p36(s).filter((r) => r.severity === 'general'),
  seriousPenaltiesLast36Months: (s) => p36(s).filter((r) => r.severity === 'serious'),
  licenceRevocationsLast36Months: (s) => p36(s).filter(hasType(LICENCE_IMPAIRING_PENALTIES)),
  majorViolationPenaltiesLast36Months: (s) => procurementMajorViolations(s.live, s.asOf),
  maxFineLast36Months: largestFines(p36),
  seriousPenaltiesLast12Months: (s) => p12(s).filter((r) => r.severity === 'serious'),
  fineTotalLast12Months: (s) => p12(s).filter((r) => (r.fineAmount ?? 0) > 0),
  industryPenaltiesLast12Months: inIndustry(p12),
  industryPenaltiesLast36Months: inIndustry(p36),
  industryGeneralPenaltiesLast36Months: inIndustry((s) => p36(s).filter((r) => r.severity === 'general')),
  industrySeriousPenaltiesLast36Months: inIndustry((s) => p36(s).filter((r) => r.severity === 'serious')),
  industryLicenceRevocationsLast36Months: inIndustry((s) => p36(s).filter(hasType(LICENCE_IMPAIRING_PENALTIES))),
  industryMaxFineLast36Months: largestFines(inIndustry(p36)),
  industrySeriousPenaltiesLast12Months: inIndustry((s) => p12(s).filter((r) => r.severity === 'serious')),
  industryFineTotalLast12Months: inIndustry((s) => p12(s).filter((r) => (r.fineAmount ?? 0) > 0)),
  seriousDishonestyListed: listed('serious_dishonesty'),
  courtDefaulterListed: listed('court_defaulter'),
  majorTaxViolationListed: listed('major_tax_violation'),
  procurementDishonestyListed: listed('procurement_dishonesty'),
  abnormalOperationListed: listed('abnormal_operation'),
  keyAttentionListed: listed('key_attention'),
  redListed: listed('red_list'),
  taxCreditLevel: latestTax,
  publicCreditGrade: (s) => {
    const r = of(s, 'public_credit').reduce<FactRecord | null>(laterRating, null);
    return r && r.publicCreditGrade ? [r] : [];
  },
  consecutiveTaxALevelYears: taxARun,
  commitmentsBreachedLast36Months: (s) =>
    of(s, 'commitment').filter((r) => r.commitmentStatus === 'breached' && withinMonths(statusDate(r), s.asOf, 36)),
  industryCommitmentsBreachedLast36Months: inIndustry((s) =>
    of(s, 'commitment').filter((r) => r.commitmentStatus === 'breached' && withinMonths(statusDate(r), s.asOf, 36)),
  ),
  commitmentsBreachedUnrepaired: (s) =>
    of(s, 'commitment').filter((r) => r.commitmentStatus === 'breached' && statusDate(r) <= s.asOf),
  commitmentsFulfilled: (s) =>
    of(s, 'commitment').filter((r) => r.commitmentStatus === 'fulfilled' && statusDate(r) <= s.asOf),
  inspectionsLast12Months: inspections12,
  inspectionFailuresLast12Months: failed12,
  industryInspectionsLast12Months: inIndustry(inspections12),
  industryInspectionFailuresLast12Months: inIndustry(failed12),
  validLicences: (s) => of(s, 'licence'),
  industryValidLicences: inIndustry((s) => of(s, 'licence')),
  recordsInForce: (s) => [...s.live],
  industryRecordsInForce: inIndustry((s) => [...s.live]),
  scenario: NONE,
  partyRole: NONE,
  amount: NONE,
  // The tier facts, one per industry (shared/industries.ts): a tier is explained by its fired rules.
  ...Object.fromEntries(INDUSTRY_DEFINITIONS.map((d) => [d.tierFact, NONE])),
};

/** Fact names recordsBehind knows (every check fact). */
export const SOURCED_FACTS: readonly string[] = Object.keys(SELECTORS);

/**
 * The records in force at `asOf` that make `factName` what it is, in input order (tax runs latest first).
 * `industry` scopes the `industry*` facts ('all' in a check). Throws on a fact it does not know.
 */
export function recordsBehind(
  factName: string,
  records: readonly FactRecord[],
  asOf: string,
  industry: IndustryScope,
): FactRecord[] {
  const select = Object.hasOwn(SELECTORS, factName) ? SELECTORS[factName] : undefined;
  if (!select) throw new Error(`recordsBehind: unknown fact "${factName}"`);
  parseDate(asOf);
  return select({ live: records.filter((r) => !isAdminInfoType(r.type) && inForceAt(r, asOf)), asOf, industry });
}
