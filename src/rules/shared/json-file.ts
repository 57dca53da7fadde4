/** Reading a rule file (a pack, the measures catalogue or rules, golden cases): every failure is a finding. */
import { readFileSync } from 'node:fs';
import { nestedDeeperThan } from './json-depth';
import type { PackFinding } from './rules.errors';

/** Read a JSON file; a syntax error becomes a finding. */
export function readJsonFile(file: string): { json?: unknown; findings: PackFinding[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { findings: [{ file, path: '', message: `cannot read file: ${(e as Error).message}` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (e) {
    return { findings: [{ file, path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  // The schema validator and the condition resolver recurse: a file nested thousands deep would
  // overflow the stack and stop the whole run instead of being one finding.
  if (nestedDeeperThan(json, MAX_JSON_DEPTH))
    return { findings: [{ file, path: '', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }] };
  return { json, findings: [] };
}

/** Deepest nesting of objects and arrays a rule file may have. */
export const MAX_JSON_DEPTH = 64;
