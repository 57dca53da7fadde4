/**
 * Golden cases (`rule-packs/<id>/cases.json`): partial fact sets, catalogue defaults filling the rest,
 * with the expected score, tier and fired rules. Validated against cases.schema.json and the pack.
 */
import { join } from 'node:path';
import { factValueProblem, FACTS_BY_NAME, withDefaults, type Facts, type FactValue } from '../shared/facts.catalogue';
import { loadCaseFile, parseCaseFile, unknownNameFindings, type CaseOf } from '../shared/cases';
import { CASES_FILE } from './pack.loader';
import type { LoadedPack } from './pack.types';
import type { PackFinding } from '../shared/rules.errors';
import { casesSchemaFindings } from '../shared/schema-validation';

export type GoldenCase = CaseOf<{ readonly tier: string; readonly score: number; readonly fired: readonly string[] }>;

export interface GoldenCaseFile {
  readonly pack: string;
  readonly cases: readonly GoldenCase[];
}

function factProblem(name: string, v: FactValue): string | undefined {
  const def = FACTS_BY_NAME.get(name);
  if (!def) return `unknown fact "${name}"`;
  const problem = factValueProblem(def, v);
  return problem && `fact "${name}" ${problem}`;
}

function semanticFindings(file: GoldenCaseFile, pack: LoadedPack, label: string): PackFinding[] {
  const out: PackFinding[] = [];
  const tiers = new Set(pack.tiers.map((t) => t.tier));
  const rules = new Set(pack.rules.map((r) => r.name));
  if (file.pack !== pack.id)
    out.push({ file: label, path: '/pack', message: `cases are for "${file.pack}", not "${pack.id}"` });
  file.cases.forEach((c, i) => {
    const p = `/cases/${i}`;
    for (const [name, v] of Object.entries(c.facts)) {
      const problem = factProblem(name, v);
      if (problem) out.push({ file: label, path: `${p}/facts/${name}`, message: problem });
    }
    if (!tiers.has(c.expect.tier))
      out.push({ file: label, path: `${p}/expect/tier`, message: `unknown tier "${c.expect.tier}"` });
    out.push(...unknownNameFindings(label, `${p}/expect/fired`, c.expect.fired, rules, 'rule'));
  });
  return out;
}

export function parseCases(json: unknown, pack: LoadedPack, label: string): GoldenCaseFile {
  return parseCaseFile<GoldenCaseFile>(json, label, casesSchemaFindings, (file) => semanticFindings(file, pack, label));
}

/** Load `<dir>/cases.json` for the pack. */
export function loadCases(dir: string, pack: LoadedPack): GoldenCaseFile {
  const label = join(dir, CASES_FILE);
  return loadCaseFile(label, (json) => parseCases(json, pack, label));
}

export function caseFacts(c: GoldenCase): Facts {
  return withDefaults(c.facts);
}
