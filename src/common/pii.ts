/**
 * Personal information guards. A natural person's resident ID number (GB 11643) never leaves the
 * service in full: responses show it masked, logs and audit entries never carry it.
 */
const ID_NUMBER = /(?<![0-9])([1-9]\d{5})(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}([0-9Xx])(?![0-9])/g;

/** 110105********002X: region code and the last four characters kept. */
export function maskIdNumber(id: string): string {
  if (id.length !== 18) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/** Replace every ID-number-shaped run in free text by its masked form. */
export function scrubIdNumbers(text: string): string {
  return text.replace(ID_NUMBER, (m) => maskIdNumber(m));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Copy of a JSON-like value with every string scrubbed; class instances (sockets, errors) pass as they are. */
export function scrubDeep<T>(value: T, depth = 0): T {
  if (depth > 8) return value;
  if (typeof value === 'string') return scrubIdNumbers(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, depth + 1);
    return out as T;
  }
  return value;
}
