import { dirname } from 'node:path';
import { caseFacts, loadCases } from './cases';
import { evaluatePack } from './evaluate';
import { bundledPacks } from '../testing/bundled-packs';

const packs = bundledPacks();
const table = packs.flatMap((compiled) => {
  const file = loadCases(dirname(compiled.pack.file), compiled.pack);
  return file.cases.map((c) => ({ pack: compiled.pack.id, name: c.name, compiled, c }));
});

describe('golden cases of the bundled packs', () => {
  it('bundles the four industry packs', () => {
    expect(packs.map((p) => p.pack.industry).sort()).toEqual(['construction', 'fire_safety', 'food_drug', 'tax']);
  });

  it.each(table)('$pack: $name', ({ compiled, c }) => {
    const r = evaluatePack(compiled, caseFacts(c));
    expect({ tier: r.tier, score: r.score, fired: r.fired.map((f) => f.rule).sort() }).toEqual({
      tier: c.expect.tier,
      score: c.expect.score,
      fired: [...c.expect.fired].sort(),
    });
  });

  it.each(packs.map((p) => [p.pack.id, p] as const))(
    '%s: cases fire every rule and reach every tier, at least 8 cases',
    (_id, compiled) => {
      const cases = table.filter((t) => t.compiled === compiled);
      expect(cases.length).toBeGreaterThanOrEqual(8);
      const fired = new Set(cases.flatMap((t) => t.c.expect.fired));
      const tiers = new Set(cases.map((t) => t.c.expect.tier));
      expect(compiled.pack.rules.map((r) => r.name).filter((n) => !fired.has(n))).toEqual([]);
      expect(compiled.pack.tiers.map((t) => t.tier).filter((t) => !tiers.has(t))).toEqual([]);
    },
  );
});
