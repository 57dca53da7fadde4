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
/** A NUL or any surrogate: only then can UNSTORABLE match (a test far cheaper than its replace on every string). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this pattern is for
const MAYBE_UNSTORABLE = /[\u0000\uD800-\uDFFF]/;
const storable = (s: string): string => (MAYBE_UNSTORABLE.test(s) ? s.replace(UNSTORABLE, '\uFFFD') : s);

/**
 * Audit strings repeat: a measure's name, description and legal basis are in every check that applies it. The
 * reduced form of a longer string is remembered (a string is a value: the same text always reduces the same).
 */
const STRING_MEMO_MIN = 24;
const STRING_MEMO_MAX = 20_000;
const stringMemo = new Map<string, string>();

/**
 * A string that jsonb stores and returns unchanged, with every ID-number-shaped run masked, 15-digit
 * first-generation numbers included (over-masking the content of an audit entry is harmless).
 */
export function auditString(s: string): string {
  if (s.length < STRING_MEMO_MIN) return scrubAllIdNumbers(storable(s));
  let out = stringMemo.get(s);
  if (out === undefined) {
    out = scrubAllIdNumbers(storable(s));
    if (stringMemo.size >= STRING_MEMO_MAX) stringMemo.clear();
    stringMemo.set(s, out);
  }
  return out;
}

/**
 * As auditString for a value the trail is searched by, verbatim (caller, idempotency key): 18-character
 * numbers only. Masking a 15-digit run there could make two different idempotency keys one, and answer a
 * check with another check's entry.
 */
export function auditIdentifier(s: string): string {
  return scrubIdNumbers(storable(s));
}

/**
 * An object frozen all the way down cannot change: its audit form and its canonical text are computed once (the
 * measures' legal bases, departments and facts, shared by every check that applies them, are frozen when the
 * rules compile). `mutableSeen` tells a frozen object's reduction whether anything below it was not frozen.
 */
const auditMemo = new WeakMap<
  object,
  { readonly value: JsonValue; readonly depth: number; readonly sorted: boolean }
>();
const canonicalMemo = new WeakMap<object, string>();
let mutableSeen = false;
/**
 * toAuditJson inserts every object's keys in sorted order, so that the result's own order is the canonical one and
 * JSON.stringify writes its canonical text (natively, ≈ 3× faster than member by member). It cannot where a key is
 * one JavaScript lists first whatever its place (an array index: "0", "17") or where masking keys changed their order:
 * `unsortedSeen` tells the reduction that happened below; a whole result without it joins `sortedResults`.
 * toAuditJson's results are never changed afterwards.
 */
let unsortedSeen = false;
const sortedResults = new WeakSet<object>();
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

/**
 * Plain JSON of any value, as JSON.stringify would see it (toJSON, undefined dropped, non-finite
 * numbers null), with every string and key passed through `auditString` at every depth. The result of an
 * input frozen all the way down is frozen too (and shared).
 */
export function toAuditJson(value: unknown): JsonValue {
  const outer = unsortedSeen;
  unsortedSeen = false;
  const out = reduce(value, 0);
  if (!unsortedSeen && out !== null && typeof out === 'object') sortedResults.add(out);
  unsortedSeen = outer || unsortedSeen;
  return out;
}

function reduce(value: unknown, depth: number): JsonValue {
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
  const obj = value;
  if (!Object.isFrozen(obj)) {
    mutableSeen = true;
    return reduceObject(obj, depth);
  }
  const known = auditMemo.get(obj);
  // Kept only if it was not cut by the depth limit, and reused only where it would not be.
  if (known !== undefined && depth + known.depth <= MAX_DEPTH) {
    if (!known.sorted) unsortedSeen = true;
    return known.value;
  }
  const outer = mutableSeen;
  const outerUnsorted = unsortedSeen;
  mutableSeen = false;
  unsortedSeen = false;
  const out = reduceObject(obj, depth);
  const below = depthOf(out);
  if (!mutableSeen && depth + below <= MAX_DEPTH)
    auditMemo.set(obj, { value: deepFreeze(out), depth: below, sorted: !unsortedSeen });
  mutableSeen = outer || mutableSeen;
  unsortedSeen = outerUnsorted || unsortedSeen;
  return out;
}

function reduceObject(value: object, depth: number): JsonValue {
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    mutableSeen = true; // what toJSON answers may change with the object (a Date)
    return reduce((withToJson.toJSON as () => unknown).call(value), depth + 1);
  }
  if (Array.isArray(value)) {
    const arr: JsonValue[] = new Array<JsonValue>(value.length);
    for (let i = 0; i < value.length; i++) arr[i] = reduce(value[i], depth + 1);
    return arr;
  }
  const out: Record<string, JsonValue> = {};
  // Keys in sorted order: the result's own order is then the canonical one (see unsortedSeen).
  const keys = Object.keys(value).sort();
  let last: string | undefined;
  for (let i = 0; i < keys.length; i++) {
    const v = (value as Record<string, unknown>)[keys[i]];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    const k = auditString(keys[i]);
    // A masked key may sort elsewhere or meet another; an array-index key is listed first wherever it was put.
    if ((last !== undefined && !(last < k)) || (k.charCodeAt(0) <= 57 && ARRAY_INDEX.test(k))) unsortedSeen = true;
    last = k;
    // defineProperty: a "__proto__" key stays a plain key, as JSON.parse would make it.
    if (k === '__proto__')
      Object.defineProperty(out, k, {
        value: reduce(v, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[k] = reduce(v, depth + 1);
  }
  return out;
}

/** Levels of objects and arrays in a value (0 for a scalar). */
function depthOf(v: JsonValue): number {
  if (v === null || typeof v !== 'object') return 0;
  let d = 0;
  for (const x of Array.isArray(v) ? v : Object.values(v)) d = Math.max(d, depthOf(x));
  return d + 1;
}

function deepFreeze<T extends JsonValue>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    for (const x of Array.isArray(v) ? v : Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** Keys sorted recursively, no whitespace. Expects plain JSON (see `toAuditJson`). */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object' || sortedResults.has(value)) return JSON.stringify(value);
  if (!Object.isFrozen(value)) {
    mutableSeen = true;
    return writeCanonical(value);
  }
  const known = canonicalMemo.get(value);
  if (known !== undefined) return known;
  const outer = mutableSeen;
  mutableSeen = false;
  const text = writeCanonical(value);
  if (!mutableSeen) canonicalMemo.set(value, text);
  mutableSeen = outer || mutableSeen;
  return text;
}

function writeCanonical(value: JsonValue[] | { [key: string]: JsonValue }): string {
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + member(value[i]);
    return text + ']';
  }
  const keys = Object.keys(value).sort();
  text = '{';
  for (let i = 0; i < keys.length; i++) text += (i ? ',' : '') + JSON.stringify(keys[i]) + ':' + member(value[keys[i]]);
  return text + '}';
}

/** A member's text: scalars written here (most members are), objects and arrays through canonicalJson. */
function member(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null'; // as JSON.stringify writes a number
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return canonicalJson(v);
}
