import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompletionContext } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import { diffLines } from 'diff';
import { unifiedLines } from '../../console/src/pages/packs/diff-lines';
import { factCompletion } from '../../console/src/pages/packs/fact-complete';
import { pointerRange, pointerSegments } from '../../console/src/pages/packs/json-pointer';
import { packText } from '../../console/src/pages/packs/pack-format';
import { schemaDiagnostics, syntaxDiagnostic } from '../../console/src/pages/packs/pack-schema';

/** The rule author's editor logic (console/src/pages/packs): pointers onto text, schema findings, the diff. */
const tax = JSON.parse(readFileSync(join(__dirname, '..', '..', 'rule-packs', 'tax', 'pack.json'), 'utf8')) as {
  version: string;
  rules: { name: string }[];
};

function stateOf(text: string): EditorState {
  return EditorState.create({ doc: text, extensions: [json()] });
}

describe('console: JSON pointers onto the editor text', () => {
  it('reads RFC 6901 escapes', () => {
    expect(pointerSegments('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
    expect(pointerSegments('')).toEqual([]);
  });

  it('marks the named property (its name and value), array items included', () => {
    const text = packText(tax);
    const state = stateOf(text);
    const at = (p: string) => {
      const r = pointerRange(state, p);
      return text.slice(r.from, r.to);
    };
    expect(at('/version')).toBe(`"version": "${tax.version}"`);
    expect(at('/rules/2/name')).toBe(`"name": "${tax.rules[2]!.name}"`);
    // A pointer past what exists marks the deepest part that does (the object lacking a property).
    expect(at('/rules/2/nothing')).toBe('{');
  });
});

describe('console: schema and syntax findings in the browser', () => {
  it('finds a version that is not a string at /version, on its text', () => {
    const bad = packText({ ...tax, version: 3 });
    const state = stateOf(bad);
    const ds = schemaDiagnostics(state, JSON.parse(bad));
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
    const v = ds.find((d) => d.pointer === '/version')!;
    expect(bad.slice(v.from, v.to)).toBe('"version": 3');
    expect(schemaDiagnostics(stateOf(packText(tax)), tax)).toEqual([]);
  });

  it('places a syntax error where the JSON breaks', () => {
    const text = '{\n  "id": "tax",\n  "version" "1"\n}';
    const d = syntaxDiagnostic(stateOf(text), text)!;
    expect(d.code).toBe('syntax');
    expect(d.from).toBeGreaterThan(text.indexOf('"version"'));
    expect(syntaxDiagnostic(stateOf('{}'), '{}')).toBeNull();
  });
});

describe('console: version diff lines', () => {
  it('keeps every change, numbers both sides and folds long unchanged runs', () => {
    const a = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    const b = [...a];
    b[15] = 'changed';
    const lines = unifiedLines(diffLines(a.join('\n') + '\n', b.join('\n') + '\n'));
    expect(lines.filter((l) => l.kind === '-')).toEqual([{ kind: '-', text: 'line 15', a: 16 }]);
    expect(lines.filter((l) => l.kind === '+')).toEqual([{ kind: '+', text: 'changed', b: 16 }]);
    expect(lines.filter((l) => l.kind === '…').map((l) => l.text)).toEqual(['12', '11']);
    expect(lines.filter((l) => l.kind === ' ')).toHaveLength(6);
    // Two changes 7 lines apart: the one line between the contexts is shown, not folded.
    b[23] = 'changed too';
    const close = unifiedLines(diffLines(a.join('\n') + '\n', b.join('\n') + '\n'));
    expect(close.filter((l) => l.kind === '…').map((l) => l.text)).toEqual(['12', '3']);
    expect(close.filter((l) => l.kind === ' ').map((l) => l.text)).toContain('line 19');
  });
});

describe('console: pack text in the authors’ order', () => {
  it('puts id, industry and version before the rules, the name first in each rule, and loses nothing', () => {
    const shuffled = Object.fromEntries(Object.entries(tax).reverse());
    const text = packText(shuffled);
    expect(JSON.parse(text)).toEqual(tax);
    expect(Object.keys(JSON.parse(text) as object).slice(0, 2)).toEqual(['$schema', 'id'].filter((k) => k in tax));
    expect(text.indexOf('"version"')).toBeLessThan(text.indexOf('"rules"'));
    expect(Object.keys((JSON.parse(text) as typeof tax).rules[0]!)[0]).toBe('name');
  });
});

describe('console: fact names completed in the editor', () => {
  const facts = [
    { name: 'industryPenaltiesLast12Months', label: '本行业近12个月有效行政处罚数', type: 'number' },
    { name: 'redListed', label: '列入守信红名单', type: 'boolean' },
  ];
  const complete = (text: string, pos: number) =>
    factCompletion(() => facts)(new CompletionContext(stateOf(text), pos, false));

  it('offers the catalogue inside a "fact" value, replacing what is typed', () => {
    const text = '{"all": [{"fact": "indu", "operator": "equal", "value": 1}]}';
    const pos = text.indexOf('indu') + 4;
    const r = complete(text, pos)!;
    expect(r.options.map((o) => o.label)).toEqual(facts.map((f) => f.name));
    expect(r.options[1]!.detail).toBe('boolean · 列入守信红名单');
    expect(text.slice(r.from, r.to)).toBe('indu');
    // Still being typed: no closing quote yet, the rest of the word after the cursor replaced too.
    const open = '{"all": [{"fact": "industryPen';
    expect(open.slice(complete(open, open.length)!.from)).toBe('industryPen');
    const mid = '{"fact": "redXX", "value": 1}';
    const m = complete(mid, mid.indexOf('XX'))!;
    expect(mid.slice(m.from, m.to)).toBe('redXX');
  });

  it('offers nothing in another property or a property name', () => {
    const text = '{"operator": "equal", "fact": "x"}';
    expect(complete(text, text.indexOf('equal') + 2)).toBeNull();
    expect(complete(text, text.indexOf('"fact"') + 3)).toBeNull();
  });
});
