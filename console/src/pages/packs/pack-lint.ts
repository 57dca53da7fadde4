import { Validator, type OutputUnit } from '@cfworker/json-schema';
import type { Diagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import packSchema from '../../../../src/rules/pack.schema.json';
import { api, unwrap } from '../../api/client';
import { pointerRange } from './json-pointer';

/**
 * The diagnostics of a pack draft while it is typed: JSON syntax, then the pack's JSON Schema
 * (src/rules/pack.schema.json, bundled in the editor's chunk; @cfworker/json-schema needs no eval, which
 * the console's Content-Security-Policy forbids), then the pack linter of the service (POST
 * /api/v1/packs/validate: what the loader refuses and what a schema cannot see). The lint call is made
 * only for content the schema accepts, so one problem is not reported twice.
 */
export interface PackDiagnostic extends Diagnostic {
  readonly pointer: string;
  readonly code: string;
}

const validator = new Validator(packSchema as never, '7', false);

/** Leaf errors only: cfworker also reports every enclosing keyword ("properties", "items"…) that failed. */
const WRAPPERS = new Set([
  'properties',
  'items',
  'allOf',
  'anyOf',
  'oneOf',
  '$ref',
  'if',
  'then',
  'else',
  'additionalProperties',
]);

export function syntaxDiagnostic(state: EditorState, text: string): PackDiagnostic | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    let from = pos ? Number(pos[1]) : 0;
    if (!pos && lc) {
      const line = state.doc.line(Math.min(Number(lc[1]), state.doc.lines));
      from = line.from + Number(lc[2]) - 1;
    }
    from = Math.min(from, state.doc.length);
    return {
      from,
      to: Math.min(from + 1, state.doc.length),
      severity: 'error',
      source: 'JSON',
      code: 'syntax',
      pointer: '',
      message: `JSON 语法错误 (syntax error): ${msg}`,
    };
  }
}

export function schemaDiagnostics(state: EditorState, json: unknown): PackDiagnostic[] {
  const { valid, errors } = validator.validate(json);
  if (valid) return [];
  const leaves = errors.filter(
    (e: OutputUnit) =>
      !WRAPPERS.has(e.keyword) || (e.keyword === 'additionalProperties' && !/does not match/.test(e.error)),
  );
  const seen = new Set<string>();
  const out: PackDiagnostic[] = [];
  for (const e of leaves.length > 0 ? leaves : errors) {
    const pointer = e.instanceLocation.replace(/^#/, '');
    const key = `${pointer} ${e.error}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ...pointerRange(state, pointer),
      severity: 'error',
      source: 'JSON Schema',
      code: 'schema',
      pointer,
      message: `结构校验 (schema) ${pointer || '/'}: ${e.error}`,
    });
  }
  return out;
}

export async function linterDiagnostics(state: EditorState, json: unknown): Promise<PackDiagnostic[]> {
  const report = await unwrap(api.POST('/api/v1/packs/validate', { body: json as Record<string, never> }));
  return report.findings.map((f) => ({
    ...pointerRange(state, f.path),
    severity: f.severity === 'error' ? 'error' : 'warning',
    source: '规则包校验 (lint)',
    code: f.code,
    pointer: f.path,
    message: `${f.code}${f.rule ? ` [${f.rule}]` : ''}: ${f.message}`,
  }));
}

/** Every diagnostic of the text, in order: syntax, else schema, else the service's linter. */
export async function packDiagnostics(state: EditorState, tierPack: boolean): Promise<PackDiagnostic[]> {
  const text = state.doc.toString();
  const syntax = syntaxDiagnostic(state, text);
  if (syntax) return [syntax];
  if (!tierPack) return [];
  const json = JSON.parse(text) as unknown;
  const schema = schemaDiagnostics(state, json);
  if (schema.length > 0) return schema;
  return linterDiagnostics(state, json);
}
