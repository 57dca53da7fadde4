/** The bundled packs (rule-packs/ at the repository root), loaded and compiled once per process. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compilePack, type CompiledPack } from '../tiers/compile';
import { loadPacks } from '../tiers/pack.loader';

/** The nearest `rule-packs/` above this file: works from src/ (ts-jest) and from dist/ (compiled bench). */
function findRulePacks(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'rule-packs'))) return join(dir, 'rule-packs');
    if (dirname(dir) === dir) throw new Error(`no rule-packs/ directory above ${from}`);
  }
}

export const RULE_PACKS_DIR = findRulePacks(__dirname);

let cache: CompiledPack[] | undefined;

export function bundledPacks(): CompiledPack[] {
  cache ??= loadPacks(RULE_PACKS_DIR).map(compilePack);
  return cache;
}
