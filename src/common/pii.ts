/**
 * Personal information guards. A natural person's resident ID number (GB 11643) never leaves the
 * service in full: responses show it masked, logs and audit entries never carry it.
 *
 * Digits are recognised in any form: ASCII, full-width (０-９, Ｘ/ｘ), every other Unicode decimal digit
 * (\p{Nd}), whatever NFKC folds to one (mathematical, superscript, circled…) and any of these spelled as
 * URL %XX escapes (a path or query logged as received). Matching runs on a folded view of the text (one
 * character per character), and positions map back to the original; the masked form is written in
 * ASCII (１１０１０５…００２Ｘ becomes 110105********002X).
 *
 * Two reaches:
 * - `scrubIdNumbers` / `scrubDeep`: 18-character numbers (second generation). Safe on stored data and
 *   record text (a 15-digit business registration number, 注册号, is left alone).
 * - `scrubAllIdNumbers` / `scrubDeepAll`: also 15-digit first-generation numbers (6-digit region starting
 *   1-9, YYMMDD a real date in 19YY, 3-digit sequence, no check character) standing alone, that is, not
 *   next to another digit or a Latin letter (hex hashes and codes stay intact). Over-masking a 注册号 is
 *   harmless where this is used: log lines, problem details and audit entries.
 */
import { isFirstGenerationId } from './identifiers/resident-id';

const ID18 = String.raw`(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9])`;
const ID15 = String.raw`(?<![0-9A-Za-z])[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])`;
const SECOND_GENERATION = new RegExp(ID18, 'g');
const BOTH_GENERATIONS = new RegExp(`${ID18}|${ID15}`, 'g');
// eslint-disable-next-line no-control-regex -- the ASCII range itself
const ASCII_ONLY = /^[\u0000-\u007f]*$/;
/** ASCII without '%': nothing to fold, no %XX escape to decode. */
// eslint-disable-next-line no-control-regex -- the ASCII range itself
const PLAIN = /^[\u0000-\u0024\u0026-\u007f]*$/;
const HEX_BYTE = /^%[0-9A-Fa-f]{2}$/;
const FIFTEEN_DIGITS = /\d{15}/;
/** Every character that can stand for a digit is a number (\p{N}: Nd, and No like ① or ¹) or starts a %XX escape. */
const NUMBERISH = /[\p{N}%]/gu;
/**
 * Every character folding changes a match by: a non-ASCII number (\p{N}), a %XX escape, or a form of X (the
 * 36 non-ASCII code points NFKC writes as X or x; pii.spec.ts checks the list against every code point).
 * A text without one matches on itself, unfolded: the common case of Chinese text with ASCII digits.
 */
const FOLDS_TO_ID_CHARACTER =
  /%|(?!\p{ASCII})\p{N}|[\u02E3\u2093\u24CD\u24E7\uFF38\uFF58\u{1CCED}\u{1D400}-\u{1D7FF}\u{1F147}]/u;
const ND = /^\p{Nd}$/u;

const foldCache = new Map<string, string>();

/** The value of a decimal digit of any script: Nd digits come in runs of ten from 0 (Unicode stability policy). */
function ndDigit(cp: number): string {
  let start = cp;
  while (start > 0 && ND.test(String.fromCodePoint(start - 1))) start--;
  return String((cp - start) % 10);
}

/** One code point as the single ASCII character it stands for, or '_' when it stands for none. */
function foldChar(ch: string): string {
  if (ch.length === 1 && ch.charCodeAt(0) < 0x80) return ch;
  let out = foldCache.get(ch);
  if (out === undefined) {
    const n = ch.normalize('NFKC');
    out = n.length === 1 && n.charCodeAt(0) < 0x80 ? n : ND.test(ch) ? ndDigit(ch.codePointAt(0) as number) : '_';
    if (foldCache.size < 4096) foldCache.set(ch, out);
  }
  return out;
}

/** The text with every digit form written as its ASCII digit (and Ｘ as X), one character per code point. */
export function foldDigits(text: string): string {
  if (ASCII_ONLY.test(text)) return text;
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** 110105********002X (18), 110105******002 (15): region code and the characters after the birth date kept. */
export function maskIdNumber(id: string): string {
  // Digits of any form written in ASCII; a character that is no digit or letter form is kept as it is.
  const chars = [...id].map((ch) => (foldChar(ch) === '_' ? ch : foldChar(ch)));
  const kept = (from: number, stars: number, rest: number) =>
    `${chars.slice(0, from).join('')}${'*'.repeat(stars)}${chars.slice(rest).join('')}`;
  if (chars.length === 18) return kept(6, 8, 14);
  if (chars.length === 15 && /^\d{15}$/.test(chars.join(''))) return kept(6, 6, 12);
  return '*'.repeat(chars.length);
}

/** The character the %XX escapes at `i` spell (one UTF-8 sequence, as in a URL) and their length; null when none. */
function escapedChar(text: string, i: number): [string, number] | null {
  const byte = (k: number): number =>
    HEX_BYTE.test(text.slice(i + 3 * k, i + 3 * k + 3)) ? parseInt(text.slice(i + 3 * k + 1, i + 3 * k + 3), 16) : -1;
  const b0 = byte(0);
  const n = b0 < 0 ? 0 : b0 < 0x80 ? 1 : b0 >= 0xf0 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc0 ? 2 : 0;
  const bytes = [b0];
  for (let k = 1; k < n; k++) bytes.push(byte(k));
  if (!n || bytes.slice(1).some((b) => b < 0 || (b & 0xc0) !== 0x80)) return null;
  const ch = Buffer.from(bytes).toString('utf8');
  return [...ch].length === 1 && ch !== '\uFFFD' ? [ch, 3 * n] : null;
}

/** True when `text` has at least `n` characters that may stand for a digit (a cheap test before folding). */
function holdsDigits(text: string, n: number): boolean {
  NUMBERISH.lastIndex = 0;
  for (let seen = 0; NUMBERISH.exec(text);) if (++seen >= n) return true;
  return false;
}

function scrub(text: string, pattern: RegExp): string {
  // A 15-digit run is masked only when its birth date is real (isFirstGenerationId); null: left as it is.
  // An ID number takes 15 characters at least, however written; in plain ASCII, a run of 15 digits.
  if (text.length < 15) return text;
  const masked = (m: string): string | null => (m.length === 15 && !isFirstGenerationId(m) ? null : maskIdNumber(m));
  if (PLAIN.test(text)) return FIFTEEN_DIGITS.test(text) ? text.replace(pattern, (m) => masked(m) ?? m) : text;
  if (!holdsDigits(text, 15)) return text;
  if (!FOLDS_TO_ID_CHARACTER.test(text)) return text.replace(pattern, (m) => masked(m) ?? m);
  // The folded view has one character per character of `text` (a code point, or the UTF-8 sequence of %XX
  // escapes spelling one, as a URL writes a full-width digit): offsets[i] is where character i starts.
  let view = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length;) {
    offsets.push(i);
    const escaped = text.charCodeAt(i) === 0x25 ? escapedChar(text, i) : null;
    const ch = escaped ? escaped[0] : String.fromCodePoint(text.codePointAt(i) as number);
    view += foldChar(ch);
    i += escaped ? escaped[1] : ch.length;
  }
  offsets.push(text.length);
  let out = '';
  let last = 0;
  for (const m of view.matchAll(pattern)) {
    const [start, end] = [offsets[m.index], offsets[m.index + m[0].length]];
    const mask = masked(m[0]);
    if (mask === null) continue;
    out += text.slice(last, start) + mask;
    last = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Replace every second-generation (18-character) ID-number-shaped run in free text by its masked form. */
export function scrubIdNumbers(text: string): string {
  return scrub(text, SECOND_GENERATION);
}

/** As scrubIdNumbers, and also first-generation 15-digit numbers: for logs, problem details and audit entries. */
export function scrubAllIdNumbers(text: string): string {
  return scrub(text, BOTH_GENERATIONS);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function deep<T>(value: T, scrubText: (s: string) => string, depth: number): T {
  if (depth > 8) return value;
  if (typeof value === 'string') return scrubText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => deep(v, scrubText, depth + 1)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = deep(v, scrubText, depth + 1);
    return out as T;
  }
  return value;
}

/** Copy of a JSON-like value with every string scrubbed; class instances (sockets, errors) pass as they are. */
export function scrubDeep<T>(value: T): T {
  return deep(value, scrubIdNumbers, 0);
}

/** As scrubDeep with scrubAllIdNumbers (15-digit numbers too): for log objects and problem details. */
export function scrubDeepAll<T>(value: T): T {
  return deep(value, scrubAllIdNumbers, 0);
}
