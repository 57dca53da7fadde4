/**
 * A unified social credit code or resident ID number as it is validated, compared and hashed: NFKC
 * (full-width ０-９, Ａ-Ｚ, ｘ and the other compatibility forms become ASCII, as 全角转半角 does in
 * government systems), without surrounding blanks, upper case (a typed 'x' is an 'X'). The same person
 * typed in full width or half width is one subject (one HMAC).
 */
export function normaliseIdentifier<T>(v: T): T | string {
  return typeof v === 'string' ? v.normalize('NFKC').trim().toUpperCase() : v;
}
