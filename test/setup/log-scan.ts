import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isFirstGenerationId, isValidResidentId } from '../../src/common/identifiers/resident-id';
import { maskIdNumber } from '../../src/common/pii';

/** First key of the marker line each test file writes into its worker's log (see log-capture.ts). */
export const SPEC_MARKER = '__spec';

export interface IdLeak {
  readonly file: string;
  readonly line: number;
  readonly spec: string;
  /** The offending number, masked the way the service masks it (never the number itself). */
  readonly masked: string;
}

/**
 * A hex digest standing alone (SM3/SHA-256 of the audit chain, an HMAC, a content hash): 32 or more hex
 * characters with at least one letter. A random 64-character digest holds a run of 18 decimal digits that
 * passes GB 11643's date and check character about once in a million: an audit export of thousands of
 * entries (two digests each) then failed a test now and then for a number that is no one's.
 */
const DIGEST =
  /(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])[0-9a-f]{32,}(?![0-9A-Za-z])|(?<![0-9A-Za-z])(?=[0-9A-F]*[A-F])[0-9A-F]{32,}(?![0-9A-Za-z])/g;

/** A JSON `\uXXXX` escape: a line may spell a character that way. */
const ESCAPE = /\\u([0-9a-fA-F]{4})/g;
const HAS_ESCAPE = /\\u[0-9a-fA-F]{4}/;

/** A run of URL %XX escapes decoded (a logged path or query), as it is when it does not decode. */
function urlDecoded(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    return run;
  }
}

/**
 * Digits of any form as ASCII, independently of the service's own folding (src/common/pii.ts): NFKC
 * (full-width, mathematical, circled…), then every other decimal digit (\p{Nd} come in runs of ten from 0).
 */
function asciiDigits(text: string): string {
  return text.normalize('NFKC').replace(/[^\0-\x7f]/gu, (ch) => {
    if (!/\p{Nd}/u.test(ch)) return ch;
    let zero = ch.codePointAt(0) as number;
    while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    return String(((ch.codePointAt(0) as number) - zero) % 10);
  });
}

/**
 * Every resident ID number in a text, written in ASCII: every valid second-generation one (GB 11643: a
 * real birth date and a matching check character) wherever it stands — inside a longer run of digits or
 * glued to letters too (stricter than the service's own masking pattern, which wants the number to
 * stand alone) — and every first-generation one (15 digits, region starting 1-9, a real date 19YYMMDD)
 * not next to another digit or a Latin letter (as the service masks them). Digits count in any form (full-width ０-９ and Ｘ, other Unicode
 * digits, JSON `\uXXXX` escapes and URL %XX escapes of them).
 */
export function residentIdsIn(text: string): string[] {
  const out = new Set<string>();
  const views = [asciiDigits(text)];
  if (HAS_ESCAPE.test(text))
    views.push(asciiDigits(text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))));
  if (/%[0-9A-Fa-f]{2}/.test(text)) views.push(asciiDigits(text.replace(/(?:%[0-9A-Fa-f]{2})+/g, urlDecoded)));
  for (const view of views.map((v) => v.replace(DIGEST, '#'))) {
    for (const m of view.matchAll(/\d{17}[\dXx]*/g)) {
      const run = m[0].toUpperCase();
      for (let i = 0; i + 18 <= run.length; i++) {
        const candidate = run.slice(i, i + 18);
        if (!/^\d{17}[\dX]$/.test(candidate)) continue;
        if (isValidResidentId(candidate)) out.add(candidate);
      }
    }
    // Next to a Latin letter is not counted: 15 digits in a row inside a hex hash would fail the run at random.
    for (const m of view.matchAll(/(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g))
      if (isFirstGenerationId(m[0])) out.add(m[0]);
  }
  return [...out];
}

/** The number masked the way the service masks it (region and what follows the birth date kept). */
export const maskForReport = (id: string): string => maskIdNumber(id);

/** An API key in full (`cse_<prefix>_<secret>`, src/modules/auth/api-key.secret.ts), wherever it stands. */
const API_KEY = /cse_([0-9a-f]{8})_[A-Za-z0-9_-]{43}/g;

/** Every API key in a text, shown by its public prefix only (`cse_1a2b3c4d_…`). */
export function apiKeysIn(text: string): string[] {
  return [...new Set([...text.matchAll(API_KEY)].map((m) => `cse_${m[1]}_…`))];
}

/** Every line of every `*.log` under `dir` that carries a valid resident ID number (`leaks`) or an API key in full (`keyLeaks`). */
export function scanLogDir(dir: string): { files: number; lines: number; leaks: IdLeak[]; keyLeaks: IdLeak[] } {
  let files = 0;
  let lines = 0;
  const leaks: IdLeak[] = [];
  const keyLeaks: IdLeak[] = [];
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.log'))
      .sort();
  } catch {
    return { files: 0, lines: 0, leaks, keyLeaks };
  }
  for (const name of names) {
    files++;
    const file = join(dir, name);
    let spec = 'unknown';
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (text.startsWith(`{"${SPEC_MARKER}":`)) {
          spec = (JSON.parse(text) as Record<string, string>)[SPEC_MARKER];
          return;
        }
        if (!text) return;
        lines++;
        for (const id of residentIdsIn(text)) leaks.push({ file, line: i + 1, spec, masked: maskForReport(id) });
        for (const key of apiKeysIn(text)) keyLeaks.push({ file, line: i + 1, spec, masked: key });
      });
  }
  return { files, lines, leaks, keyLeaks };
}
