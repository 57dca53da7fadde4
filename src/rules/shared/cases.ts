/**
 * Golden cases, as both pipelines keep them (`rule-packs/<id>/cases.json`, `rule-packs/measures/cases.json`):
 * named partial fact sets with what the evaluation must give. A case file is checked whole: its JSON
 * Schema first, then (when the shape is sound) against the loaded pack or rules; any finding throws a
 * CasesValidationError naming the file and the field.
 */
import type { FactValue } from './facts.catalogue';
import { readJsonFile } from './json-file';
import { CasesValidationError, type PackFinding } from './rules.errors';

/** One case: partial facts (defaults fill the rest) and the expected outcome. */
export interface CaseOf<Expect> {
  readonly name: string;
  readonly description?: string;
  readonly facts: Readonly<Record<string, FactValue>>;
  readonly expect: Expect;
}

/** The case file, or CasesValidationError with the schema's findings, else the semantic ones. */
export function parseCaseFile<F>(
  json: unknown,
  label: string,
  schemaFindings: (json: unknown, file: string) => PackFinding[],
  semanticFindings: (file: F) => PackFinding[],
): F {
  const schema = schemaFindings(json, label);
  const findings = schema.length > 0 ? schema : semanticFindings(json as F);
  if (findings.length > 0) throw new CasesValidationError(findings);
  return json as F;
}

/** Read the case file at `label` and parse it; an unreadable file is a CasesValidationError. */
export function loadCaseFile<F>(label: string, parse: (json: unknown) => F): F {
  const { json, findings } = readJsonFile(label);
  if (findings.length > 0) throw new CasesValidationError(findings);
  return parse(json);
}

/** A finding for each of `names` (at `<path>/<j>`) that `known` does not hold: `unknown <what> "<name>"`. */
export function unknownNameFindings(
  label: string,
  path: string,
  names: readonly string[],
  known: ReadonlySet<string>,
  what: string,
): PackFinding[] {
  const out: PackFinding[] = [];
  names.forEach((n, j) => {
    if (!known.has(n)) out.push({ file: label, path: `${path}/${j}`, message: `unknown ${what} "${n}"` });
  });
  return out;
}
