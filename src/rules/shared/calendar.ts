/**
 * Calendar dates as 'YYYY-MM-DD' strings (no time zone, no clock): validation and calendar-month
 * arithmetic that clamps to the month's end (2024-01-31 + 1 month = 2024-02-29).
 */
import { InvalidDateError } from './rules.errors';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days of a month (1-based) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year))
    return new Date(Date.UTC(year, month, 0)).getUTCDate(); // month is 1-based: day 0 of the next month
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

export function parseDate(s: string): { year: number; month: number; day: number } {
  const m = DATE.exec(s);
  if (!m) throw new InvalidDateError(s);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new InvalidDateError(s);
  return { year, month, day };
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

export function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * addMonths is pure and its arguments repeat (a batch run asks for the 12 and 36 months after every record's decision
 * date, and records cluster on few dates): its answers are remembered, a bounded map per number of months. Only a
 * valid date is remembered (an invalid one throws before), so a remembered answer is what the arithmetic gives.
 */
const MONTHS_MEMO_MAX = 50_000;
const monthsMemo = new Map<number, Map<string, string>>();

/** Add whole calendar months (may be 0 or negative), clamping the day to the target month's length. */
export function addMonths(date: string, months: number): string {
  let memo = monthsMemo.get(months);
  const known = memo?.get(date);
  if (known !== undefined) return known;
  const out = addMonthsOnce(date, months);
  if (!memo) {
    if (monthsMemo.size >= 1_000) monthsMemo.clear();
    monthsMemo.set(months, (memo = new Map<string, string>()));
  }
  if (memo.size >= MONTHS_MEMO_MAX) memo.clear();
  memo.set(date, out);
  return out;
}

function addMonthsOnce(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Valid 'YYYY-MM-DD' strings compare correctly as strings; this also validates both. */
export function compareDates(a: string, b: string): number {
  parseDate(a);
  parseDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
