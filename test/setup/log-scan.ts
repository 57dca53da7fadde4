import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidResidentId } from '../../src/common/identifiers/resident-id';

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
 * Every valid resident ID number (GB 11643: a real birth date and a matching check character) in a
 * text, wherever it stands: inside a longer run of digits or glued to letters too (stricter than the
 * service's own masking pattern, which wants the number to stand alone).
 */
export function residentIdsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d{17}[\dXx]*/g)) {
    const run = m[0].toUpperCase();
    for (let i = 0; i + 18 <= run.length; i++) {
      const candidate = run.slice(i, i + 18);
      if (!/^\d{17}[\dX]$/.test(candidate)) continue;
      if (isValidResidentId(candidate)) out.push(candidate);
    }
  }
  return out;
}

export const maskForReport = (id: string): string => `${id.slice(0, 6)}********${id.slice(14)}`;

/** Every line of every `*.log` under `dir` that carries a valid resident ID number. */
export function scanLogDir(dir: string): { files: number; lines: number; leaks: IdLeak[] } {
  let files = 0;
  let lines = 0;
  const leaks: IdLeak[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.log')).sort();
  } catch {
    return { files: 0, lines: 0, leaks };
  }
  for (const name of names) {
    files++;
    const file = join(dir, name);
    let spec = 'unknown';
    readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
      if (text.startsWith(`{"${SPEC_MARKER}":`)) {
        spec = (JSON.parse(text) as Record<string, string>)[SPEC_MARKER];
        return;
      }
      if (!text) return;
      lines++;
      for (const id of residentIdsIn(text)) leaks.push({ file, line: i + 1, spec, masked: maskForReport(id) });
    });
  }
  return { files, lines, leaks };
}
