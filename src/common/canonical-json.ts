import { scrubAllIdNumbers, scrubIdNumbers } from './pii';

/**
 * JSON that hashes the same after a trip through PostgreSQL `jsonb`. `jsonb` re-orders keys, rewrites
 * numbers (1.50 -> 1.5 on the way back to JavaScript, 1e21 -> 1000000000000000000000) and refuses
 * `\u0000` and lone surrogates. So an audit value is first reduced to plain JSON that survives the trip
 * (`toAuditJson`), then written as `canonicalJson`: keys sorted recursively by UTF-16 code units, no
 * whitespace, numbers as JavaScript prints them. Re-reading the row and canonicalising again gives the
 * same string.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const MAX_DEPTH = 64;
const TOO_DEEP = '[audit: nested too deep]';
// NUL cannot be stored in jsonb; a lone surrogate is not valid Unicode: both become U+FFFD.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this pattern is for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A string that jsonb stores and returns unchanged, with every ID-number-shaped run masked, 15-digit
 * first-generation numbers included (over-masking the content of an audit entry is harmless).
 */
export function auditString(s: string): string {
  return scrubAllIdNumbers(s.replace(UNSTORABLE, '\uFFFD'));
}

/**
 * As auditString for a value the trail is searched by, verbatim (caller, idempotency key): 18-character
 * numbers only. Masking a 15-digit run there could make two different idempotency keys one, and answer a
 * check with another check's entry.
 */
export function auditIdentifier(s: string): string {
  return scrubIdNumbers(s.replace(UNSTORABLE, '\uFFFD'));
}

/**
 * Plain JSON of any value, as JSON.stringify would see it (toJSON, undefined dropped, non-finite
 * numbers null), with every string and key passed through `auditString` at every depth.
 */
export function toAuditJson(value: unknown, depth = 0): JsonValue {
  if (depth > MAX_DEPTH) return TOO_DEEP;
  if (value === null) return null;
  switch (typeof value) {
    case 'undefined':
    case 'function':
    case 'symbol':
      return null;
    case 'string':
      return auditString(value);
    case 'number':
      return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : null;
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
  }
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    return toAuditJson((withToJson.toJSON as () => unknown).call(value), depth + 1);
  }
  if (Array.isArray(value)) return value.map((v: unknown) => toAuditJson(v, depth + 1));
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    // defineProperty: a "__proto__" key stays a plain key, as JSON.parse would make it.
    Object.defineProperty(out, auditString(k), {
      value: toAuditJson(v, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Keys sorted recursively, no whitespace. Expects plain JSON (see `toAuditJson`). */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}
