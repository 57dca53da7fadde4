/** The compiled operators agree with json-rules-engine's own default operators on a matrix of values. */
import defaultOperators from 'json-rules-engine/dist/engine-default-operators';
import { factLeaf, literalLeaf } from './compile.leaf';
import { OPERATOR_NAMES, OPERATORS, isNumeric } from './operators';

const engineOps = new Map(defaultOperators.map((o) => [o.name, o]));

const SCALARS: unknown[] = [
  0,
  1,
  2,
  -1,
  0.5,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  '1',
  '2',
  ' 3',
  '0x10',
  'abc',
  '1e3',
  true,
  false,
  null,
  undefined,
];
const LISTS: unknown[] = [[], [1, 2], ['1', 'A'], [null], [Number.NaN], [true, 0]];

describe('operators have json-rules-engine 7.3 semantics', () => {
  it('declares exactly the engine default operators', () => {
    expect([...OPERATOR_NAMES].sort()).toEqual([...engineOps.keys()].sort());
  });

  it.each(OPERATOR_NAMES.map((n) => [n]))('%s', (name) => {
    const mine = OPERATORS[name].evaluate;
    const theirs = engineOps.get(name)!;
    const rights = OPERATORS[name].valueKind === 'list' ? LISTS : SCALARS;
    const lefts = name === 'contains' || name === 'doesNotContain' ? [...SCALARS, ...LISTS] : SCALARS;
    const differ: string[] = [];
    for (const a of lefts) {
      for (const b of rights) {
        const expected = theirs.evaluate(a, b);
        // the operator itself, and the compiled leaf closures (literal value, and value from another fact)
        const got = [mine(a, b), literalLeaf(name, 0, b)([a as never]), factLeaf(name, 1, 0)([b as never, a as never])];
        if (got.some((g) => g !== expected))
          differ.push(`${String(a)} ${name} ${String(b)}: ${got.join('/')} vs ${expected}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('numeric validation matches Number.parseFloat(v).toString() !== "NaN"', () => {
    for (const v of SCALARS) expect(isNumeric(v)).toBe(Number.parseFloat(v as string).toString() !== 'NaN');
  });
});
