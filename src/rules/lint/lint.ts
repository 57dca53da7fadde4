/**
 * The pack linter: everything the loaders refuse (as errors) plus what a schema cannot see — rules that
 * can never fire, constant conditions, shadowed rules (lint.rules.ts), scenarios no measure covers and
 * measures no rule applies. Pure: `lintRulePacks` is the only function that reads files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { checkFactVocabulary } from '../facts/check-facts';
import { FACTS_BY_NAME } from '../shared/facts.catalogue';
import { lintRules, type LintRule } from './lint.rules';
import { industryScopeFindings } from './lint.industry';
import { asErrors, type LintFinding } from './lint.types';
import { legalBasisDocFindings, type BasisEntry } from './legal-basis-doc';
import {
  CATALOGUE_FILE,
  MEASURE_RULES_FILE,
  MEASURES_DIR,
  measureFindings,
  type MeasureLabels,
} from '../measures/measures.loader';
import type { MeasureCatalogueFile, MeasureRulesFile } from '../measures/measures.types';
import { industryFindings, packDirs, packFindings, packIdOf, PACK_FILE, type PackIndustry } from '../tiers/pack.loader';
import { readJsonFile } from '../shared/json-file';
import { resolveCondition } from '../shared/resolve';
import type { RulePackFile } from '../tiers/pack.types';
import { packSchemaFindings } from '../shared/schema-validation';

export type { LintFinding, LintSeverity, LintCode } from './lint.types';
export { formatLintFinding } from './lint.types';

const withFile = (file: string, fs: readonly Omit<LintFinding, 'file'>[]): LintFinding[] =>
  fs.map((f) => ({ file, ...f }));

/** Lint one parsed pack JSON. */
export function lintPack(json: unknown, file: string): LintFinding[] {
  const schema = packSchemaFindings(json, file);
  if (schema.length > 0) return asErrors(schema, 'schema');
  const invalid = packFindings(json, file);
  if (invalid.length > 0) return asErrors(invalid, 'invalid');
  const pack = json as RulePackFile;
  const rules: LintRule[] = pack.rules.map((r) => ({
    name: r.name,
    priority: r.priority ?? 1,
    conditions: resolveCondition(pack, r.conditions),
    eventKey: r.event.type === 'score' ? `score:${r.event.params.points}` : `${r.event.type}:${r.event.params.tier}`,
    facts: FACTS_BY_NAME,
  }));
  return [...withFile(file, lintRules(rules)), ...industryScopeFindings(pack, file)];
}

function catalogueWarnings(cat: MeasureCatalogueFile, rules: MeasureRulesFile, file: string): LintFinding[] {
  const applied = new Set(rules.rules.map((r) => r.event.params.measure));
  const out: LintFinding[] = [];
  cat.measures.forEach((m, i) => {
    if (!applied.has(m.code))
      out.push({
        file,
        measure: m.code,
        severity: 'warning',
        code: 'measure-unused',
        path: `/measures/${i}`,
        message: `no rule applies measure "${m.code}"`,
      });
  });
  cat.scenarios.forEach((s, i) => {
    const measures = cat.measures.filter((m) => m.scenarios.includes(s.code));
    if (measures.some((m) => applied.has(m.code))) return;
    const why =
      measures.length === 0
        ? 'no measure lists it'
        : `its measures (${measures.map((m) => m.code).join(', ')}) are applied by no rule`;
    out.push({
      file,
      severity: 'warning',
      code: 'scenario-uncovered',
      path: `/scenarios/${i}`,
      message: `scenario "${s.code}" is covered by no measure: ${why}`,
    });
  });
  return out;
}

/** Lint the parsed measures catalogue and measure rules together. */
export function lintMeasures(
  catalogueJson: unknown,
  rulesJson: unknown,
  labels: MeasureLabels = { catalogue: CATALOGUE_FILE, rules: MEASURE_RULES_FILE },
): LintFinding[] {
  const invalid = measureFindings(catalogueJson, rulesJson, labels);
  if (invalid.length > 0) return asErrors(invalid, 'invalid');
  const cat = catalogueJson as MeasureCatalogueFile;
  const file = rulesJson as MeasureRulesFile;
  const scenariosOf = new Map(cat.measures.map((m) => [m.code, m.scenarios] as const));
  const rules: LintRule[] = file.rules.map((r) => ({
    name: r.name,
    priority: r.priority ?? 1,
    conditions: resolveCondition(file, r.conditions),
    eventKey: `measure:${r.event.params.measure}`,
    // A rule is tried only in its measure's scenarios.
    facts: checkFactVocabulary(scenariosOf.get(r.event.params.measure) ?? []),
  }));
  return [...catalogueWarnings(cat, file, labels.catalogue), ...withFile(labels.rules, lintRules(rules))];
}

/** The findings of `<dir>/pack.json`, and its id and industry when it loads. */
function lintPackDir(dir: string): { findings: LintFinding[]; pack?: PackIndustry & { file: string } } {
  const file = join(dir, PACK_FILE);
  const { json, findings } = readJsonFile(file);
  if (findings.length > 0) return { findings: asErrors(findings, 'schema') };
  const out = lintPack(json, file);
  const id = packIdOf(json);
  if (typeof id === 'string' && id !== basename(resolve(dir))) {
    out.unshift({
      file,
      severity: 'error',
      code: 'invalid',
      path: '/id',
      message: `pack id "${id}" must equal its directory name "${basename(resolve(dir))}"`,
    });
  }
  const loads = !out.some((f) => f.code === 'schema' || f.code === 'invalid');
  return loads
    ? { findings: out, pack: { id: id as string, industry: (json as RulePackFile).industry, file } }
    : { findings: out };
}

/** Lint every `<rootDir>/<id>/pack.json` (one pack per industry) and, when present, `<rootDir>/measures/`. */
/**
 * Lint every pack of `rootDir` and the measures. With `legalBasisDoc` (the path of docs/legal-basis.md),
 * also fail on a catalogue measure or tier rule without its row there (issue 14).
 */
export function lintRulePacks(rootDir: string, legalBasisDoc?: string): LintFinding[] {
  const linted = packDirs(rootDir).map((d) => lintPackDir(join(rootDir, d)));
  const out = linted.flatMap((l) => l.findings);
  out.push(...asErrors(industryFindings(linted.flatMap((l) => (l.pack ? [l.pack] : []))), 'invalid'));
  const labels = {
    catalogue: join(rootDir, MEASURES_DIR, CATALOGUE_FILE),
    rules: join(rootDir, MEASURES_DIR, MEASURE_RULES_FILE),
  };
  const entries: BasisEntry[] = [];
  for (const d of packDirs(rootDir)) {
    const file = join(rootDir, d, PACK_FILE);
    const { json } = readJsonFile(file);
    const rules = (json as { rules?: unknown } | undefined)?.rules;
    if (Array.isArray(rules))
      for (const r of rules as { name?: unknown }[])
        if (typeof r?.name === 'string') entries.push({ kind: 'rule', pack: d, id: r.name, file });
  }
  if (existsSync(labels.catalogue) || existsSync(labels.rules)) {
    const cat = readJsonFile(labels.catalogue);
    const rules = readJsonFile(labels.rules);
    const unreadable = [...cat.findings, ...rules.findings];
    out.push(...(unreadable.length > 0 ? asErrors(unreadable, 'schema') : lintMeasures(cat.json, rules.json, labels)));
    const measures = (cat.json as { measures?: unknown } | undefined)?.measures;
    if (Array.isArray(measures))
      for (const m of measures as { code?: unknown }[])
        if (typeof m?.code === 'string')
          entries.push({ kind: 'measure', pack: MEASURES_DIR, id: m.code, file: labels.catalogue });
  }
  if (legalBasisDoc !== undefined) {
    const doc = existsSync(legalBasisDoc) ? readFileSync(legalBasisDoc, 'utf8') : null;
    out.push(...legalBasisDocFindings(doc, legalBasisDoc, entries));
  }
  return out;
}
