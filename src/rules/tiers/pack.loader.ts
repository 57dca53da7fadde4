/**
 * Reads and validates rule packs. A pack is accepted whole or not at all: JSON Schema first, then the
 * semantic checks a schema cannot make; any finding throws a PackValidationError that names the file,
 * the rule and the field (JSON pointer).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { LoadedPack, RulePackFile } from './pack.types';
import { resolvePack } from './pack.resolve';
import { PackValidationError, type PackFinding } from '../shared/rules.errors';
import { packSchemaFindings } from '../shared/schema-validation';
import { FACTS_BY_NAME } from '../shared/facts.catalogue';
import { ruleConditionFindings } from '../shared/semantics.conditions';
import { referenceFindings } from './semantics.references';
import { tierFindings } from './semantics.tiers';
import { readJsonFile } from '../shared/json-file';

export const PACK_FILE = 'pack.json';
export const CASES_FILE = 'cases.json';

/** Validate findings of an already parsed pack JSON; [] means the pack is sound. */
export function packFindings(json: unknown, file: string): PackFinding[] {
  const schema = packSchemaFindings(json, file);
  if (schema.length > 0) return schema; // the semantic checks rely on the schema's shape
  const pack = json as RulePackFile;
  return [
    ...referenceFindings(pack, file),
    ...tierFindings(pack, file),
    ...scoreFindings(pack, file),
    ...conditionFindings(pack, file),
  ];
}

/** The rules' conditions against the fact catalogue and the pack's parameters. */
function conditionFindings(pack: RulePackFile, file: string): PackFinding[] {
  return ruleConditionFindings(
    pack.rules,
    { facts: FACTS_BY_NAME, vocabulary: 'the fact catalogue', parameters: pack.parameters },
    file,
  );
}

/** The largest score a stored tier holds: credit_tiers.score is numeric(10,2). */
export const MAX_STORED_SCORE = 99_999_999.99;

/**
 * Every score the pack can give must fit a stored tier (two decimals, |score| ≤ MAX_STORED_SCORE): a pack
 * giving others would be published and then fail every tier save (or store a score its tier was not
 * computed from). Points are integers, so base, min and max decide the decimals.
 */
function scoreFindings(pack: RulePackFile, file: string): PackFinding[] {
  const out: PackFinding[] = [];
  const { base, min, max } = pack.scoring;
  for (const [key, v] of [
    ['base', base],
    ['min', min],
    ['max', max],
  ] as const) {
    if (v !== undefined && Math.round(v * 100) / 100 !== v)
      out.push({ file, path: `/scoring/${key}`, message: `${v} has more than two decimals: a stored score keeps two` });
  }
  const points = pack.rules.flatMap((r) => (r.event.type === 'score' ? [r.event.params.points] : []));
  const clamp = (x: number): number => Math.max(min ?? -Infinity, Math.min(max ?? Infinity, x));
  const lowest = clamp(points.reduce((s, p) => s + Math.min(p, 0), base));
  const highest = clamp(points.reduce((s, p) => s + Math.max(p, 0), base));
  const reach = [
    highest > MAX_STORED_SCORE || Number.isNaN(highest) ? `up to ${highest}` : '',
    lowest < -MAX_STORED_SCORE || Number.isNaN(lowest) ? `down to ${lowest}` : '',
  ].filter(Boolean);
  if (reach.length > 0) {
    out.push({
      file,
      path: '/scoring',
      message: `the rules give scores ${reach.join(' and ')}: a stored tier holds a score of at most ${MAX_STORED_SCORE} either way (set scoring.min / scoring.max)`,
    });
  }
  return out;
}

/** Validate parsed JSON and return the loaded (resolved, frozen) pack, or throw PackValidationError. */
export function parsePack(json: unknown, fileLabel: string): LoadedPack {
  const findings = packFindings(json, fileLabel);
  if (findings.length > 0) throw new PackValidationError(findings);
  return resolvePack(json as RulePackFile, fileLabel);
}

/** The `id` of parsed pack JSON, or undefined when it is not an object (`null`, an array, a number…). */
export function packIdOf(json: unknown): unknown {
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as { id?: unknown }).id : undefined;
}

/** The pack folders under `rootDir` (those holding a pack.json), sorted. */
export function packDirs(rootDir: string): string[] {
  return readdirSync(rootDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(rootDir, d.name, PACK_FILE)))
    .map((d) => d.name)
    .sort();
}

function packInDir(dir: string): { pack?: LoadedPack; findings: PackFinding[] } {
  const file = join(dir, PACK_FILE);
  const { json, findings } = readJsonFile(file);
  if (findings.length > 0) return { findings };
  const all = packFindings(json, file);
  const id = packIdOf(json);
  if (all.length === 0 && id !== basename(resolve(dir))) {
    all.push({
      file,
      path: '/id',
      message: `pack id "${String(id)}" must equal its directory name "${basename(resolve(dir))}"`,
    });
  }
  return all.length > 0 ? { findings: all } : { pack: resolvePack(json as RulePackFile, file), findings: [] };
}

/** A pack's id and the industry it tiers. */
export interface PackIndustry {
  readonly id: string;
  readonly industry: string;
}

/**
 * One pack per industry: tiers are kept per subject and industry, so two packs tiering one industry would
 * overwrite each other's tiers (or fail to store them at all). A finding for every pack of `packs` whose
 * industry one of `others` or an earlier pack of `packs` already tiers.
 */
export function industryFindings(
  packs: readonly (PackIndustry & { readonly file: string })[],
  others: readonly PackIndustry[] = [],
): PackFinding[] {
  const holders = new Map(others.map((o) => [o.industry, o.id] as const));
  const out: PackFinding[] = [];
  for (const p of packs) {
    const holder = holders.get(p.industry);
    if (holder !== undefined && holder !== p.id) {
      out.push({
        file: p.file,
        path: '/industry',
        message: `industry "${p.industry}" is already tiered by pack "${holder}": one pack per industry`,
      });
    } else holders.set(p.industry, p.id);
  }
  return out;
}

/** Load `<dir>/pack.json`; the pack id must equal the directory name. */
export function loadPack(dir: string): LoadedPack {
  const { pack, findings } = packInDir(dir);
  if (!pack) throw new PackValidationError(findings);
  return pack;
}

/** Load every `<rootDir>/<id>/pack.json`, sorted by id; one bad pack (or two tiering one industry) refuses them all. */
export function loadPacks(rootDir: string): LoadedPack[] {
  const dirs = packDirs(rootDir);
  const packs: LoadedPack[] = [];
  const findings: PackFinding[] = [];
  for (const name of dirs) {
    const r = packInDir(join(rootDir, name));
    if (r.pack) packs.push(r.pack);
    findings.push(...r.findings);
  }
  if (findings.length === 0) findings.push(...industryFindings(packs));
  if (findings.length > 0) throw new PackValidationError(findings);
  return packs;
}
