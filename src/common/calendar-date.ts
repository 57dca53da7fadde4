import { parseDate } from '../rules/shared';

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    parseDate(v);
    return true;
  } catch {
    return false;
  }
}
