/**
 * JSON Schema validation of pack and golden-case files (ajv, draft-07), turning ajv's errors into
 * findings that name the file, the rule and the field.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import packSchema from '../pack.schema.json';
import casesSchema from '../cases.schema.json';
import type { PackFinding } from './rules.errors';

// strictRequired is off: the if/then discriminators test `required` of properties defined in the branches.
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
addFormats(ajv, ['date', 'uri']);

const validatePackSchema: ValidateFunction = ajv.compile(packSchema);
const validateCasesSchema: ValidateFunction = ajv.compile(casesSchema);

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return `unknown property "${String(p.additionalProperty)}"`;
  if (e.keyword === 'required' && p.missingProperty === 'not' && e.instancePath.endsWith('/conditions')) {
    return 'a condition root must be one of "all", "any" or "not"';
  }
  if (e.keyword === 'required') return `missing required property "${String(p.missingProperty)}"`;
  if (e.keyword === 'false schema') return 'not allowed here';
  if (e.keyword === 'enum') return `${e.message ?? 'invalid'}: ${JSON.stringify(p.allowedValues)}`;
  return e.message ?? `fails ${e.keyword}`;
}

/** Name of the rule a pointer such as `/rules/3/event` points into, if the JSON has one there. */
export function ruleNameAt(json: unknown, pointer: string): string | undefined {
  const m = /^\/rules\/(\d+)(\/|$)/.exec(pointer);
  if (!m || typeof json !== 'object' || json === null) return undefined;
  const rules = (json as { rules?: unknown }).rules;
  const rule: unknown = Array.isArray(rules) ? rules[Number(m[1])] : undefined;
  const name = typeof rule === 'object' && rule !== null ? (rule as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : `#${m[1]}`;
}

/** Names what a pointer points into (a rule, a measure), for findings. */
export type FindingAnnotator = (json: unknown, pointer: string) => Pick<PackFinding, 'rule' | 'measure'>;

const ruleAnnotator: FindingAnnotator = (json, pointer) => {
  const rule = ruleNameAt(json, pointer);
  return rule === undefined ? {} : { rule };
};

function toFindings(
  errors: readonly ErrorObject[] | null | undefined,
  json: unknown,
  file: string,
  annotate: FindingAnnotator,
): PackFinding[] {
  const seen = new Set<string>();
  const out: PackFinding[] = [];
  for (const e of errors ?? []) {
    // "must match then/else schema" and oneOf summaries repeat the specific errors ajv also reports.
    if (e.keyword === 'if' || e.keyword === 'oneOf') continue;
    const message = describe(e);
    const key = `${e.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file, ...annotate(json, e.instancePath), path: e.instancePath, message });
  }
  return out;
}

export function packSchemaFindings(json: unknown, file: string): PackFinding[] {
  return validatePackSchema(json) ? [] : toFindings(validatePackSchema.errors, json, file, ruleAnnotator);
}

export function casesSchemaFindings(json: unknown, file: string): PackFinding[] {
  return validateCasesSchema(json) ? [] : toFindings(validateCasesSchema.errors, json, file, ruleAnnotator);
}

/**
 * A findings-producing validator for another schema, compiled by the same ajv instance (so it may
 * `$ref` pack.schema.json's definitions by its `$id`).
 */
export function schemaValidator(
  schema: object,
  annotate: FindingAnnotator = ruleAnnotator,
): (json: unknown, file: string) => PackFinding[] {
  const validate = ajv.compile(schema);
  return (json, file) => (validate(json) ? [] : toFindings(validate.errors, json, file, annotate));
}
