import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';

export interface FactOption {
  readonly name: string;
  readonly label: string;
  readonly type: string;
}

/**
 * Completion of fact names (事实名称) in a pack draft: inside the string value of a `"fact"` property (a
 * condition's fact, or a value that names another fact), the fact catalogue's names with their Chinese label
 * and type. `facts()` is read on each request, so the catalogue may arrive after the editor is made.
 */
export function factCompletion(facts: () => readonly FactOption[]) {
  return (ctx: CompletionContext): CompletionResult | null => {
    // The text before the cursor, not the syntax tree: a string still being typed has no closing quote yet,
    // and the JSON parser reads it as an error, not a String.
    const before = ctx.matchBefore(/"fact"\s*:\s*"\w*/);
    if (!before) return null;
    const typed = /\w*$/.exec(before.text)![0];
    const after = /^\w*/.exec(ctx.state.sliceDoc(ctx.pos, ctx.pos + 80))![0];
    return {
      from: ctx.pos - typed.length,
      to: ctx.pos + after.length,
      options: facts().map((f) => ({ label: f.name, detail: `${f.type} · ${f.label}`, type: 'variable' })),
      validFor: /^\w*$/,
    };
  };
}
