/**
 * Reads and validates the measures catalogue and the measure rules (`rule-packs/measures/`). Both are
 * accepted together or not at all: JSON Schema first, then the semantic checks (measures.semantics.ts);
 * any finding throws a PackValidationError whose findings name the file, the measure or rule, and the
 * field (JSON pointer).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { compileMeasures, type CompiledMeasures } from './measures.compile';
import catalogueSchema from '../measures.schema.json';
import rulesSchema from '../measure-rules.schema.json';
import { catalogueFindings, measureRulesFindings } from './measures.semantics';
import type { LoadedMeasureRules, MeasureCatalogue, MeasureCatalogueFile, MeasureRulesFile } from './measures.types';
import { readJsonFile } from '../shared/json-file';
import { deepFreeze, resolveCondition } from '../shared/resolve';
import type { TopLevelCondition } from '../shared/rule.types';
import { PackValidationError, type PackFinding } from '../shared/rules.errors';
import { schemaValidator, type FindingAnnotator } from '../shared/schema-validation';

export const MEASURES_DIR = 'measures';
export const CATALOGUE_FILE = 'catalogue.json';
export const MEASURE_RULES_FILE = 'rules.json';
export const MEASURE_CASES_FILE = 'cases.json';

/** Names the measure a pointer such as `/measures/3/legalBasis` points into. */
const measureAnnotator: FindingAnnotator = (json, pointer) => {
  const m = /^\/measures\/(\d+)(\/|$)/.exec(pointer);
  const measures = typeof json === 'object' && json !== null ? (json as { measures?: unknown }).measures : undefined;
  const measure: unknown = m && Array.isArray(measures) ? measures[Number(m[1])] : undefined;
  if (!m || typeof measure !== 'object' || measure === null) return {};
  const code = (measure as { code?: unknown }).code;
  return { measure: typeof code === 'string' ? code : `#${m[1]}` };
};

const catalogueSchemaFindings = schemaValidator(catalogueSchema, measureAnnotator);
const rulesSchemaFindings = schemaValidator(rulesSchema);

/** A missing legal basis of a penalty says why it matters. */
function explainMissingBasis(json: unknown, f: PackFinding): PackFinding {
  if (f.measure === undefined || f.message !== 'missing required property "legalBasis"') return f;
  const measures = (json as { measures: { kind?: unknown }[] }).measures;
  const kind = measures[Number(f.path.split('/')[2])]?.kind;
  const why =
    kind === 'penalty'
      ? 'a penalty measure without a legal basis does not load: it must cite a law, regulation or central policy document (国办发〔2020〕49号)'
      : 'every measure names its legal basis (rewards: 国发〔2016〕33号 or the incentive source)';
  return { ...f, message: `${f.message}: ${why}` };
}

export interface MeasureLabels {
  readonly catalogue: string;
  readonly rules: string;
}

/** Findings of the catalogue and rules JSON; [] means both are sound. */
export function measureFindings(catalogueJson: unknown, rulesJson: unknown, labels: MeasureLabels): PackFinding[] {
  const catSchema = catalogueSchemaFindings(catalogueJson, labels.catalogue).map((f) =>
    explainMissingBasis(catalogueJson, f),
  );
  const ruleSchema = rulesSchemaFindings(rulesJson, labels.rules);
  const cat = catalogueJson as MeasureCatalogueFile;
  const catSemantic = catSchema.length === 0 ? catalogueFindings(cat, labels.catalogue) : [];
  // The rules are checked against the catalogue only when its shape is sound.
  const ruleSemantic =
    catSchema.length === 0 && ruleSchema.length === 0
      ? measureRulesFindings(rulesJson as MeasureRulesFile, cat, labels.rules)
      : [];
  return [...catSchema, ...catSemantic, ...ruleSchema, ...ruleSemantic];
}

export interface LoadedMeasures {
  readonly catalogue: MeasureCatalogue;
  /** The compiled measure rules: pass to evaluateMeasures. */
  readonly rules: CompiledMeasures;
  /** The rules' version (semver). */
  readonly version: string;
  /** SHA-256 of the catalogue and the rules as parsed: identifies the exact content a check was made with. */
  readonly contentHash: string;
}

function resolveRules(file: MeasureRulesFile, label: string): LoadedMeasureRules {
  const { $schema: _schema, rules, ...rest } = structuredClone(file);
  return deepFreeze({
    ...rest,
    file: label,
    rules: rules.map((r) => ({ ...r, conditions: resolveCondition(file, r.conditions) as TopLevelCondition })),
  });
}

/** Validate parsed JSON and return the loaded, compiled measures, or throw PackValidationError. */
export function parseMeasures(
  catalogueJson: unknown,
  rulesJson: unknown,
  labels: MeasureLabels = { catalogue: CATALOGUE_FILE, rules: MEASURE_RULES_FILE },
): LoadedMeasures {
  const findings = measureFindings(catalogueJson, rulesJson, labels);
  if (findings.length > 0) throw new PackValidationError(findings);
  const { $schema: _schema, ...cat } = structuredClone(catalogueJson as MeasureCatalogueFile);
  const catalogue: MeasureCatalogue = deepFreeze({ ...cat, file: labels.catalogue });
  const rules = compileMeasures(catalogue, resolveRules(rulesJson as MeasureRulesFile, labels.rules));
  const contentHash = createHash('sha256')
    .update(JSON.stringify([catalogueJson, rulesJson]))
    .digest('hex');
  return deepFreeze({ catalogue, rules, version: rules.version, contentHash });
}

/** Load `<rootDir>/measures/catalogue.json` and `rules.json` (rootDir: the rule-packs directory). */
export function loadMeasures(rootDir: string): LoadedMeasures {
  const labels = {
    catalogue: join(rootDir, MEASURES_DIR, CATALOGUE_FILE),
    rules: join(rootDir, MEASURES_DIR, MEASURE_RULES_FILE),
  };
  const cat = readJsonFile(labels.catalogue);
  const rules = readJsonFile(labels.rules);
  const unreadable = [...cat.findings, ...rules.findings];
  if (unreadable.length > 0) throw new PackValidationError(unreadable);
  return parseMeasures(cat.json, rules.json, labels);
}
