/**
 * Dates and times as officers read them (console conventions): `YYYY-MM-DD`, and `YYYY-MM-DD HH:mm` where the
 * time matters, always in China Standard Time (UTC+8, no daylight saving) whatever the browser's own zone and
 * language. Plain arithmetic, no Intl: the same text in every browser and in the tests.
 */
export const CST_OFFSET_MS = 8 * 3600 * 1000;
export const DAY_MS = 24 * 3600 * 1000;

/** `2026-12-06T12:16:40Z` (or epoch ms) → the China time as `YYYY-MM-DDTHH:mm…`; null for no or a bad value. */
function cst(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms + CST_OFFSET_MS).toISOString() : null;
}

/** `YYYY-MM-DD` in China time; a date without a time (`2026-12-06`) stays as it is; '—' for none. */
export function cstDate(value: string | number | null | undefined): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return cst(value)?.slice(0, 10) ?? '—';
}

/** `YYYY-MM-DD HH:mm` in China time; '—' for none. */
export function cstDateTime(value: string | number | null | undefined): string {
  const s = cst(value);
  return s ? `${s.slice(0, 10)} ${s.slice(11, 16)}` : '—';
}
