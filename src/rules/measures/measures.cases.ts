/**
 * Golden cases of the measure rules (`rule-packs/measures/cases.json`): partial check fact sets (scenario
 * required, check-fact defaults for the rest) with the expected verdict, measure codes and triggering
 * rules. Validated against measure-cases.schema.json and the loaded measures.
 */
import { join } from 'node:path';
import { checkFactProblems, withCheckDefaults } from '../facts/check-facts';
import type { Facts } from '../shared/facts.catalogue';
import type { CompiledMeasures } from './measures.compile';
import { MEASURE_CASES_FILE, MEASURES_DIR } from './measures.loader';
import casesSchema from '../measure-cases.schema.json';
import { loadCaseFile, parseCaseFile, unknownNameFindings, type CaseOf } from '../shared/cases';
import type { PackFinding } from '../shared/rules.errors';
import { schemaValidator } from '../shared/schema-validation';
import type { Verdict } from './verdict';

export type MeasureCase = CaseOf<{
  readonly verdict: Verdict;
  readonly measures: readonly string[];
  readonly rules: readonly string[];
}>;

export interface MeasureCaseFile {
  readonly rules: string;
  readonly cases: readonly MeasureCase[];
}

const schemaFindings = schemaValidator(casesSchema, () => ({}));

function semanticFindings(file: MeasureCaseFile, compiled: CompiledMeasures, label: string): PackFinding[] {
  const out: PackFinding[] = [];
  const measures = new Set(compiled.catalogue.measures.map((m) => m.code));
  const rules = new Set(compiled.rules.map((r) => r.name));
  if (file.rules !== compiled.id)
    out.push({ file: label, path: '/rules', message: `cases are for "${file.rules}", not "${compiled.id}"` });
  file.cases.forEach((c, i) => {
    const p = `/cases/${i}`;
    for (const problem of checkFactProblems(c.facts, compiled.vocabulary)) {
      out.push({ file: label, path: `${p}/facts/${problem.fact}`, message: `"${problem.fact}" ${problem.message}` });
    }
    out.push(...unknownNameFindings(label, `${p}/expect/measures`, c.expect.measures, measures, 'measure'));
    out.push(...unknownNameFindings(label, `${p}/expect/rules`, c.expect.rules, rules, 'rule'));
  });
  return out;
}

export function parseMeasureCases(json: unknown, compiled: CompiledMeasures, label: string): MeasureCaseFile {
  return parseCaseFile<MeasureCaseFile>(json, label, schemaFindings, (file) => semanticFindings(file, compiled, label));
}

/** Load `<rootDir>/measures/cases.json` (rootDir: the rule-packs directory). */
export function loadMeasureCases(rootDir: string, compiled: CompiledMeasures): MeasureCaseFile {
  const label = join(rootDir, MEASURES_DIR, MEASURE_CASES_FILE);
  return loadCaseFile(label, (json) => parseMeasureCases(json, compiled, label));
}

export function measureCaseFacts(c: MeasureCase, compiled: CompiledMeasures): Facts {
  return withCheckDefaults(c.facts, compiled.vocabulary);
}
