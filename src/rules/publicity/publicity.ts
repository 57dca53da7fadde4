/**
 * Publicity windows of negative credit records (domain.md §4). Counted from the decision date.
 *
 * - NDRC 令第36号 信用修复管理办法, decisions on/after 2026-04-01: minor — in principle not published,
 *   at most 3 months; general — 3 months to 1 year; serious — 1 to 3 years.
 * - NDRC 令第58号, decisions before 2026-04-01: 3 months minimum, 3 years maximum; food, drugs, special
 *   equipment, work safety and fire: 1-year minimum.
 * - The 1-year sector minimum is 令第58号's (repealed by 令第36号): decisions from 2026-04-01 take the windows
 *   of their grade alone (a minor fire-safety penalty is published at most 3 months; a general food one may
 *   be repaired after 3 months).
 *
 * The rule version is returned so it can be stored with the record (records decided before 2026-04-01
 * keep the old windows).
 */
import { addMonths, parseDate } from '../shared/calendar';

export type RecordSeverity = 'minor' | 'general' | 'serious';
export type PublicitySector = 'food' | 'drug' | 'special_equipment' | 'work_safety' | 'fire' | 'other';
export type PublicityRuleVersion = 'NDRC-58' | 'NDRC-36';

/** Sectors with a 1-year minimum under 令第58号 (not under 令第36号). */
export const ONE_YEAR_MINIMUM_SECTORS: readonly PublicitySector[] = [
  'food',
  'drug',
  'special_equipment',
  'work_safety',
  'fire',
];
/** First decision date judged under 令第36号. */
export const NDRC_36_IN_FORCE = '2026-04-01';

export interface PenaltyRecord {
  /** Decision date, 'YYYY-MM-DD'. */
  readonly decisionDate: string;
  readonly severity: RecordSeverity;
  readonly sector: PublicitySector;
}

export interface PublicityWindow {
  readonly ruleVersion: PublicityRuleVersion;
  /** Earliest date repair may end publication (repair may be applied for from here). */
  readonly minEnd: string;
  /** Publication stops by itself on this date. */
  readonly maxEnd: string;
  /** False for minor records under 令第36号 ("in principle not published"). */
  readonly publishedByDefault: boolean;
}

/** Months [min, max] per severity under 令第36号. */
const NDRC_36_MONTHS: Readonly<Record<RecordSeverity, readonly [number, number]>> = {
  minor: [0, 3],
  general: [3, 12],
  serious: [12, 36],
};
const NDRC_58_MONTHS: readonly [number, number] = [3, 36];
const SECTOR_MINIMUM_MONTHS = 12;

export function publicityRuleVersion(decisionDate: string): PublicityRuleVersion {
  parseDate(decisionDate);
  return decisionDate >= NDRC_36_IN_FORCE ? 'NDRC-36' : 'NDRC-58';
}

/** Window of an administrative penalty (or other negative record graded minor/general/serious). */
export function penaltyPublicityWindow(record: PenaltyRecord): PublicityWindow {
  const ruleVersion = publicityRuleVersion(record.decisionDate);
  let [minMonths, maxMonths] = ruleVersion === 'NDRC-36' ? NDRC_36_MONTHS[record.severity] : NDRC_58_MONTHS;
  if (ruleVersion === 'NDRC-58' && ONE_YEAR_MINIMUM_SECTORS.includes(record.sector)) {
    minMonths = Math.max(minMonths, SECTOR_MINIMUM_MONTHS);
    maxMonths = Math.max(maxMonths, minMonths);
  }
  return {
    ruleVersion,
    minEnd: addMonths(record.decisionDate, minMonths),
    maxEnd: addMonths(record.decisionDate, maxMonths),
    publishedByDefault: !(ruleVersion === 'NDRC-36' && record.severity === 'minor'),
  };
}

export type ListKind =
  | 'court_defaulter'
  | 'serious_dishonesty'
  | 'major_tax_violation'
  | 'procurement_dishonesty'
  | 'abnormal_operation'
  | 'key_attention'
  | 'red_list';
