/**
 * Golden cases (`rule-packs/<id>/cases.json`): partial fact sets, catalogue defaults filling the rest,
 * with the expected score, tier and fired rules. Validated against cases.schema.json and the pack.
 */
import { join } from 'node:path';
import { factValueProblem, FACTS_BY_NAME, withDefaults, type Facts, type FactValue } from '../shared/facts.catalogue';
import { CASES_FILE, readJsonFile } from './pack.loader';
import type { LoadedPack } from './pack.types';
import { CasesValidationError, type PackFinding } from '../shared/rules.errors';
import { casesSchemaFindings } from '../shared/schema-validation';

export interface GoldenCase {
  readonly name: string;
  readonly description?: string;
  readonly facts: Readonly<Record<string, FactValue>>;
  readonly expect: { readonly tier: string; readonly score: number; readonly fired: readonly string[] };
}

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
  if (file.pack !== pack.id) out.push({ file: label, path: '/pack', message: `cases are for "${file.pack}", not "${pack.id}"` });
  file.cases.forEach((c, i) => {
    const p = `/cases/${i}`;
    for (const [name, v] of Object.entries(c.facts)) {
      const problem = factProblem(name, v);
      if (problem) out.push({ file: label, path: `${p}/facts/${name}`, message: problem });
    }
    if (!tiers.has(c.expect.tier)) out.push({ file: label, path: `${p}/expect/tier`, message: `unknown tier "${c.expect.tier}"` });
    c.expect.fired.forEach((r, j) => {
      if (!rules.has(r)) out.push({ file: label, path: `${p}/expect/fired/${j}`, message: `unknown rule "${r}"` });
    });
  });
  return out;
}

export function parseCases(json: unknown, pack: LoadedPack, label: string): GoldenCaseFile {
  const schema = casesSchemaFindings(json, label);
  const findings = schema.length > 0 ? schema : semanticFindings(json as GoldenCaseFile, pack, label);
  if (findings.length > 0) throw new CasesValidationError(findings);
  return json as GoldenCaseFile;
}

/** Load `<dir>/cases.json` for the pack. */
export function loadCases(dir: string, pack: LoadedPack): GoldenCaseFile {
  const label = join(dir, CASES_FILE);
  const { json, findings } = readJsonFile(label);
  if (findings.length > 0) throw new CasesValidationError(findings);
  return parseCases(json, pack, label);
}

export function caseFacts(c: GoldenCase): Facts {
  return withDefaults(c.facts);
}
