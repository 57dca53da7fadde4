import { api, unwrap } from '../../api/client';
import type { EditorState } from '@codemirror/state';
import { pointerRange } from './json-pointer';
import { schemaDiagnostics, syntaxDiagnostic, type PackDiagnostic } from './pack-schema';

export type { PackDiagnostic } from './pack-schema';

/**
 * The diagnostics of a pack draft while it is typed: JSON syntax, then the pack's JSON Schema (both in the
 * browser, pack-schema.ts), then the pack linter of the service (POST /api/v1/packs/validate: what the
 * loader refuses and what a schema cannot see). The lint call is made only for content the schema accepts,
 * so one problem is not reported twice.
 */
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
