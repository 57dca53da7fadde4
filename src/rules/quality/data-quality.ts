/**
 * Data quality of "双公示" (administrative licences and penalties), 綦江区 plan tasks 4 and 5: 上报率、合规率、
 * 及时率 100 %, and the unified social credit code 重错率 under 1 in 10,000. Pure: no clock, no I/O.
 *
 * Definitions (the statistics route documents the same):
 * - reported (上报率) = rows received (accepted + refused) ÷ the count the department declared in its decision
 *   ledger for the same whole months; null when no month is declared (never a made-up 100 %).
 * - compliant (合规率) = accepted ÷ (accepted + refused): a refused row missed a required field or had an
 *   invalid one (wrong check character, impossible date, …).
 * - timely (及时率) = accepted rows received within N working days after the decision date ÷ accepted.
 *   N is a LOCAL PARAMETER (default 7), to be confirmed against the 双公示 rules in force.
 * - duplicate / wrong codes (重错码) = distinct codes used under several names, sharing one name with another
 *   code, or failing the GB 32100 check character ÷ distinct codes seen, per 10,000.
 */
import { formatDate, parseDate } from '../shared/calendar';

/** Default N of the timeliness rule: a local parameter, to be confirmed against the 双公示 rules in force. */
export const DEFAULT_TIMELY_WORKING_DAYS = 7;
/** The plan's target for duplicate or wrong codes: under 1 in 10,000 (重错率控制在万分之一以内). */
export const CODE_ERROR_TARGET_PER_10K = 1;

/**
 * Working days: Monday to Friday, minus `holidays` (法定节假日), plus `workdays` (调休上班的周末). Both empty
 * by default: the statutory calendar of each year is published late and is not bundled.
 */
export interface WorkingCalendar {
  readonly holidays?: ReadonlySet<string>;
  readonly workdays?: ReadonlySet<string>;
}

const DAY = 86_400_000;
const toMs = (date: string): number => {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day);
};
const fromMs = (ms: number): string => {
  const d = new Date(ms);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};
const weekend = (ms: number): boolean => {
  const wd = new Date(ms).getUTCDay();
  return wd === 0 || wd === 6;
};

export function isWorkingDay(date: string, cal: WorkingCalendar = {}): boolean {
  if (cal.workdays?.has(date)) return true;
  if (cal.holidays?.has(date)) return false;
  return !weekend(toMs(date));
}

/** The date `n` working days after `date` (the date itself is day 0). */
export function addWorkingDays(date: string, n: number, cal: WorkingCalendar = {}): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  let ms = toMs(date);
  for (let left = n; left > 0;) {
    ms += DAY;
    if (isWorkingDay(fromMs(ms), cal)) left--;
  }
  return fromMs(ms);
}

/** Working days in (from, to]: 0 when `to` is on or before `from`. Constant time for weekends; holidays by set. */
export function workingDaysBetween(from: string, to: string, cal: WorkingCalendar = {}): number {
  const a = toMs(from);
  const b = toMs(to);
  if (b <= a) return 0;
  const days = Math.round((b - a) / DAY);
  let count = Math.floor(days / 7) * 5;
  for (let i = Math.floor(days / 7) * 7 + 1; i <= days; i++) if (!weekend(a + i * DAY)) count++;
  const within = (d: string): boolean => d > from && d <= to;
  for (const h of cal.holidays ?? []) if (within(h) && !weekend(toMs(h)) && !cal.workdays?.has(h)) count--;
  for (const w of cal.workdays ?? []) if (within(w) && weekend(toMs(w))) count++;
  return count;
}

export interface Timeliness {
  /** Last day a timely receipt could fall on. */
  readonly deadline: string;
  /** Working days from the decision to the receipt. */
  readonly workingDays: number;
  readonly timely: boolean;
}

/** Was a record decided on `decisionDate` received on `receivedOn` within `allowed` working days? */
export function timelinessOf(
  decisionDate: string,
  receivedOn: string,
  allowed: number,
  cal: WorkingCalendar = {},
): Timeliness {
  const workingDays = workingDaysBetween(decisionDate, receivedOn, cal);
  return { deadline: addWorkingDays(decisionDate, allowed, cal), workingDays, timely: workingDays <= allowed };
}

/** n ÷ d rounded to 4 decimals; null when there is nothing to divide by. */
export function rate(n: number, d: number): number | null {
  return d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null;
}

/** The months (YYYY-MM) that [from, to] touches, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const a = parseDate(from);
  const b = parseDate(to);
  const out: string[] = [];
  for (let i = a.year * 12 + a.month - 1; i <= b.year * 12 + b.month - 1; i++)
    out.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

/** First and last day of a month 'YYYY-MM'. */
export function monthBounds(period: string): { from: string; to: string } {
  const from = `${period}-01`;
  const { year, month } = parseDate(from);
  return { from, to: formatDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate()) };
}

/** What the store counted for one department. */
export interface DepartmentCounts {
  readonly department: string;
  /** Records accepted (licences and penalties) decided in the range. */
  readonly accepted: number;
  /** Rows refused and not accepted since under the same decision number. */
  readonly refused: number;
  /** Accepted records received late (beyond the working-day limit). */
  readonly late: number;
  /** Ledger: months declared, the counts declared, and rows received (accepted + refused) in those months. */
  readonly ledger: { readonly periods: readonly string[]; readonly declared: number; readonly received: number };
  /** Months of the range without a declaration. */
  readonly undeclaredPeriods: readonly string[];
}

export interface DepartmentQuality {
  readonly department: string;
  readonly received: number;
  readonly accepted: number;
  readonly refused: number;
  readonly reported: {
    readonly rate: number | null;
    readonly received: number;
    readonly declared: number | null;
    readonly periods: readonly string[];
    readonly undeclaredPeriods: readonly string[];
  };
  readonly compliant: { readonly rate: number | null; readonly count: number; readonly of: number };
  readonly timely: { readonly rate: number | null; readonly count: number; readonly of: number; readonly late: number };
}

export function departmentQuality(c: DepartmentCounts): DepartmentQuality {
  const received = c.accepted + c.refused;
  const declared = c.ledger.periods.length ? c.ledger.declared : null;
  return {
    department: c.department,
    received,
    accepted: c.accepted,
    refused: c.refused,
    reported: {
      rate: declared === null ? null : rate(c.ledger.received, declared),
      received: c.ledger.received,
      declared,
      periods: c.ledger.periods,
      undeclaredPeriods: c.undeclaredPeriods,
    },
    compliant: { rate: rate(c.accepted, received), count: c.accepted, of: received },
    timely: { rate: rate(c.accepted - c.late, c.accepted), count: c.accepted - c.late, of: c.accepted, late: c.late },
  };
}

/** Sum of several departments (reported only over the months each declared). */
export function totalQuality(all: readonly DepartmentCounts[]): DepartmentQuality {
  const sum = (f: (c: DepartmentCounts) => number) => all.reduce((s, c) => s + f(c), 0);
  const periods = [...new Set(all.flatMap((c) => c.ledger.periods))].sort();
  const undeclared = [...new Set(all.flatMap((c) => c.undeclaredPeriods))].sort();
  return departmentQuality({
    department: '(all)',
    accepted: sum((c) => c.accepted),
    refused: sum((c) => c.refused),
    late: sum((c) => c.late),
    ledger: { periods, declared: sum((c) => c.ledger.declared), received: sum((c) => c.ledger.received) },
    undeclaredPeriods: undeclared,
  });
}

/** Names compared as written apart from width and spacing: （） and () are the same, spaces do not count. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

export type CodeIssueReason = 'check_character' | 'code_under_several_names' | 'name_under_several_codes';

export interface CodeIssue {
  readonly code: string;
  readonly reasons: readonly CodeIssueReason[];
  /** The names seen with the code (as first written), in code-unit order. */
  readonly names: readonly string[];
  /** Other codes seen under one of these names. */
  readonly sharedNameWith: readonly string[];
}

export interface CodeQuality {
  /** Distinct codes seen (registered, reported with a record, or refused). */
  readonly codes: number;
  readonly offending: number;
  readonly per10k: number | null;
  readonly targetPer10k: number;
  readonly withinTarget: boolean | null;
  readonly items: readonly CodeIssue[];
}

/**
 * Duplicate and wrong codes (重错码). `seen`: every (code, name) pair observed (subjects, names reported with
 * records); `wrong`: codes refused for their check character. A code offends once whatever its reasons.
 */
export function codeQuality(seen: readonly { code: string; name: string }[], wrong: readonly string[]): CodeQuality {
  const namesOf = new Map<string, Map<string, string>>();
  const codesOf = new Map<string, Set<string>>();
  for (const { code, name } of seen) {
    const key = normaliseName(name);
    if (!key) continue;
    const names = namesOf.get(code) ?? new Map<string, string>();
    if (!names.has(key)) names.set(key, name.trim());
    namesOf.set(code, names);
    codesOf.set(key, (codesOf.get(key) ?? new Set<string>()).add(code));
  }
  const wrongSet = new Set(wrong);
  const all = [...new Set([...namesOf.keys(), ...wrongSet])].sort();
  const items: CodeIssue[] = [];
  for (const code of all) {
    const names = namesOf.get(code) ?? new Map<string, string>();
    const shared = new Set<string>();
    for (const key of names.keys()) for (const other of codesOf.get(key) ?? []) if (other !== code) shared.add(other);
    const reasons: CodeIssueReason[] = [];
    if (wrongSet.has(code)) reasons.push('check_character');
    if (names.size > 1) reasons.push('code_under_several_names');
    if (shared.size) reasons.push('name_under_several_codes');
    if (reasons.length)
      items.push({ code, reasons, names: [...names.values()].sort(), sharedNameWith: [...shared].sort() });
  }
  const per10k = all.length ? Math.round((items.length / all.length) * 10_000 * 100) / 100 : null;
  return {
    codes: all.length,
    offending: items.length,
    per10k,
    targetPer10k: CODE_ERROR_TARGET_PER_10K,
    withinTarget: per10k === null ? null : per10k < CODE_ERROR_TARGET_PER_10K,
    items,
  };
}
