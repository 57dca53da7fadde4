/** Loads every pack, the measures and their golden cases from a rule-packs directory and computes their coverage. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadCases } from '../tiers/cases';
import { compilePack } from '../tiers/compile';
import { measuresCoverage, packCoverage, type Coverage } from './coverage';
import { loadMeasureCases } from '../measures/measures.cases';
import { CATALOGUE_FILE, loadMeasures, MEASURES_DIR } from '../measures/measures.loader';
import { loadPacks } from '../tiers/pack.loader';

/** Throws PackValidationError or CasesValidationError when a file does not load. */
export function rulePacksCoverage(rootDir: string): Coverage[] {
  const out = loadPacks(rootDir).map((pack) => packCoverage(compilePack(pack), loadCases(dirname(pack.file), pack)));
  if (existsSync(join(rootDir, MEASURES_DIR, CATALOGUE_FILE))) {
    const { rules } = loadMeasures(rootDir);
    out.push(measuresCoverage(rules, loadMeasureCases(rootDir, rules)));
  }
  return out;
}
