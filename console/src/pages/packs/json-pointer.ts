import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';

/** The JSON values of @codemirror/lang-json's syntax tree. */
const VALUE = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

const values = (n: SyntaxNode): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (VALUE.has(c.name)) out.push(c);
  return out;
};

/** `/rules/0/conditions` → ['rules', '0', 'conditions'] (RFC 6901 escapes undone). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The text range of the value a JSON pointer names in the editor's document: the deepest node the
 * pointer reaches (a finding about a missing property marks the object that lacks it). For a property's
 * value, the range covers the property's name too, so the mark is where an author looks.
 */
export function pointerRange(state: EditorState, pointer: string): { from: number; to: number } {
  // The editor parses lazily (what is in view first): a finding may point below what is parsed yet.
  const tree = ensureSyntaxTree(state, state.doc.length, 200) ?? syntaxTree(state);
  const top = values(tree.topNode)[0];
  if (!top) return { from: 0, to: Math.min(1, state.doc.length) };
  let node = top;
  let mark: { from: number; to: number } = { from: top.from, to: top.to };
  for (const seg of pointerSegments(pointer)) {
    let next: SyntaxNode | undefined;
    let range: { from: number; to: number } | undefined;
    if (node.name === 'Object') {
      for (let p = node.firstChild; p; p = p.nextSibling) {
        if (p.name !== 'Property') continue;
        const key = p.getChild('PropertyName');
        if (!key || keyOf(state.sliceDoc(key.from, key.to)) !== seg) continue;
        next = values(p)[0];
        range = { from: key.from, to: next?.to ?? key.to };
      }
    } else if (node.name === 'Array' && /^\d+$/.test(seg)) {
      next = values(node)[Number(seg)];
      if (next) range = { from: next.from, to: next.to };
    }
    if (!next || !range) break;
    node = next;
    mark = range;
  }
  // A whole object or array is a long mark: its first line says enough.
  const firstLine = state.doc.lineAt(mark.from);
  return { from: mark.from, to: Math.max(mark.from + 1, Math.min(mark.to, firstLine.to)) };
}

function keyOf(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
}
