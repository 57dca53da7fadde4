import fc from 'fast-check';
import { MEASURE_EFFECTS, type MeasureEffect } from './measure-kinds';
import { VERDICTS, verdictOf, verdictRank } from './verdict';

const of = (...effects: MeasureEffect[]) => verdictOf(effects.map((effect) => ({ effect })));

describe('verdictOf', () => {
  it('nothing applies: pass', () => {
    expect(of()).toBe('pass');
  });

  it('block > restrict > scrutinise > reward > pass', () => {
    expect(of('facilitate', 'scrutinise', 'block', 'restrict')).toBe('block');
    expect(of('facilitate', 'scrutinise', 'restrict')).toBe('restrict');
    expect(of('facilitate', 'scrutinise')).toBe('scrutinise');
    expect(of('facilitate', 'facilitate')).toBe('reward');
    expect(VERDICTS.map(verdictRank)).toEqual([0, 1, 2, 3, 4]);
  });

  it('is the strongest single verdict, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MEASURE_EFFECTS), { maxLength: 8 }), (effects) => {
        const v = of(...effects);
        const singles = effects.map((e) => of(e));
        expect(verdictRank(v)).toBe(Math.min(4, ...singles.map(verdictRank)));
        expect(of(...[...effects].reverse())).toBe(v);
      }),
    );
  });
});
