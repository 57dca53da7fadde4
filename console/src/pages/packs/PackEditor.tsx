import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import {
  bracketMatching,
  foldGutter,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
  defaultHighlightStyle,
} from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { factCompletion, type FactOption } from './fact-complete';
import { packDiagnostics, type PackDiagnostic } from './pack-lint';

export interface PackEditorHandle {
  /** Insert text at the cursor (a fact name from the catalogue). */
  insert(text: string): void;
  /** Move the cursor to a diagnostic and show it. */
  reveal(d: { from: number; to: number }): void;
}

/**
 * The draft editor (草稿编辑器): CodeMirror 6 with JSON highlighting, folding, and the diagnostics of
 * pack-lint.ts while typing (debounced: the linter runs after 600 ms without a keystroke). Loaded in its
 * own chunk (React.lazy), never on the first page.
 */
export default function PackEditor({
  initial,
  tierPack,
  facts,
  onChange,
  onDiagnostics,
  handle,
}: {
  initial: string;
  tierPack: boolean;
  /** The fact catalogue, completed in a condition's `"fact"` value. */
  facts: readonly FactOption[];
  onChange(text: string): void;
  onDiagnostics(ds: readonly PackDiagnostic[], checking: boolean): void;
  handle?: Ref<PackEditorHandle>;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onDiagnostics, facts });
  callbacks.current = { onChange, onDiagnostics, facts };

  useImperativeHandle(handle, () => ({
    insert(text) {
      const v = view.current;
      if (!v) return;
      const { from, to } = v.state.selection.main;
      v.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
      v.focus();
    },
    reveal({ from, to }) {
      const v = view.current;
      if (!v) return;
      v.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
      v.focus();
    },
  }));

  useEffect(() => {
    const source = async (v: EditorView): Promise<Diagnostic[]> => {
      callbacks.current.onDiagnostics([], true);
      try {
        const ds = await packDiagnostics(v.state, tierPack);
        callbacks.current.onDiagnostics(ds, false);
        return ds;
      } catch {
        callbacks.current.onDiagnostics([], false);
        return [];
      }
    };
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initial,
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          json(),
          linter(source, { delay: 600 }),
          autocompletion({ override: [factCompletion(() => callbacks.current.facts)] }),
          keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, ...foldKeymap, indentWithTab]),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) callbacks.current.onChange(u.state.doc.toString());
          }),
          EditorView.theme({
            '&': { height: '560px', fontSize: '13px', border: '1px solid #d9d9d9', borderRadius: '4px' },
            '.cm-tooltip-lint': { maxWidth: '640px' },
            '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is made once per draft loaded (the parent remounts it with a new key).
  }, []);

  return <div ref={host} data-testid="pack-editor" />;
}
