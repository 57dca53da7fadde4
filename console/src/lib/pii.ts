/**
 * A natural person's resident ID number (公民身份号码) never leaves the one field it is typed into except
 * in a request body; the screen shows it masked like the service does: first 6, last 4 (`110105********002X`).
 */
const ID_NUMBER = /^\d{17}[\dXx]$/;
const ID_NUMBER_15 = /^\d{15}$/;

export function looksLikeIdNumber(s: string): boolean {
  const v = s.trim();
  return ID_NUMBER.test(v) || ID_NUMBER_15.test(v);
}

export function maskIdNumber(s: string): string {
  const v = s.trim().toUpperCase();
  if (v.length < 10) return '*'.repeat(v.length);
  return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4);
}

/** GB 11643 check character of an 18-digit ID number, so an obvious typo is shown before sending. */
export function idNumberCheckOk(s: string): boolean {
  const v = s.trim().toUpperCase();
  if (!ID_NUMBER.test(v)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
}

/** GB 32100 unified social credit code: 18 characters of 0-9 A-H J-N P-R T-U W-Y with a check character. */
export function creditCodeOk(s: string): boolean {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const v = s.trim().toUpperCase();
  if (v.length !== 18) return false;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const n = alphabet.indexOf(v[i]);
    if (n < 0) return false;
    sum += n * weights[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return alphabet[check] === v[17];
}
