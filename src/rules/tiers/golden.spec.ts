import { dirname } from 'node:path';
import { expectedOutcome, loadCases, runCase } from './cases';
import { bundledPacks } from '../testing/bundled-packs';
import { INDUSTRIES } from '../shared/industries';

const packs = bundledPacks();
const table = packs.flatMap((compiled) => {
  const file = loadCases(dirname(compiled.pack.file), compiled.pack);
  return file.cases.map((c) => ({ pack: compiled.pack.id, name: c.name, compiled, c }));
});

describe('golden cases of the bundled packs', () => {
  it('bundles one pack for every declared industry (shared/industries.ts), and no other', () => {
    expect(packs.map((p) => p.pack.industry).sort()).toEqual([...INDUSTRIES].sort());
    for (const p of packs) expect(p.pack.id).toBe(p.pack.industry);
  });

  it.each(table)('$pack: $name', ({ compiled, c }) => {
    expect(runCase(compiled, c).outcome).toEqual(expectedOutcome(c));
  });

  it.each(packs.map((p) => [p.pack.id, p] as const))(
    '%s: cases fire every rule and reach every tier, at least 8 cases',
    (_id, compiled) => {
      const cases = table.filter((t) => t.compiled === compiled);
      expect(cases.length).toBeGreaterThanOrEqual(8);
      const outcomes = cases.map((t) => expectedOutcome(t.c));
      const fired = new Set(outcomes.flatMap((o) => o?.fired ?? []));
      const tiers = new Set(outcomes.flatMap((o) => (o ? [o.tier] : [])));
      expect(compiled.pack.rules.map((r) => r.name).filter((n) => !fired.has(n))).toEqual([]);
      expect(compiled.pack.tiers.map((t) => t.tier).filter((t) => !tiers.has(t))).toEqual([]);
    },
  );
});
