import { Validator, type OutputUnit } from '@cfworker/json-schema';
import type { Diagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import packSchema from '../../../../src/rules/pack.schema.json';
import { pointerRange } from './json-pointer';

/**
 * What the browser checks itself in a pack draft: JSON syntax, then the pack's JSON Schema
 * (src/rules/pack.schema.json, bundled in the editor's chunk; @cfworker/json-schema needs no eval, which
 * the console's Content-Security-Policy forbids). Each finding is placed on the text its JSON pointer names.
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
