/**
 * Differential property test: for thousands of random fact sets per pack (biased around thresholds,
 * with some wrong-typed values), the compiled evaluator gives exactly json-rules-engine's result.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { evaluatePack } from './evaluate';
import type { Facts } from '../shared/facts.catalogue';
import { evaluateWithEngine, engineRules } from './reference';
import { bundledPacks } from '../testing/bundled-packs';
import { factsArbitrary } from '../testing/fact-arbitrary';

const RUNS = Number(process.env.DIFF_RUNS ?? 2000);

describe.each(bundledPacks().map((p) => [p.pack.id, p] as const))(
  'compiled == json-rules-engine: %s',
  (_id, compiled) => {
    const rules = engineRules(compiled);
    // Cheap comparison on the hot path; the full diff only for a counterexample.
    const agree = async (facts: Facts): Promise<void> => {
      const [mine, theirs] = [evaluatePack(compiled, facts), await evaluateWithEngine(compiled, facts, rules)];
      if (!isDeepStrictEqual(mine, theirs)) expect(mine).toEqual(theirs);
    };

    it(`agrees on ${RUNS} typed fact sets`, async () => {
      await fc.assert(
        fc.asyncProperty(factsArbitrary(compiled.pack), async (facts) => agree(facts)),
        { numRuns: RUNS },
      );
    });

    it(`agrees on ${RUNS / 2} fact sets with wrong-typed values`, async () => {
      await fc.assert(
        fc.asyncProperty(factsArbitrary(compiled.pack, { hostile: true }), async (facts) => agree(facts)),
        { numRuns: RUNS / 2 },
      );
    });

    it('exercises both outcomes of every rule', () => {
      const samples = fc.sample(factsArbitrary(compiled.pack), { numRuns: 2000, seed: 7 });
      const fires = new Map(compiled.rules.map((r) => [r.name, 0]));
      for (const facts of samples)
        for (const r of compiled.rules)
          if (r.test(compiled.readFacts(facts))) fires.set(r.name, (fires.get(r.name) ?? 0) + 1);
      const oneSided = [...fires].filter(([, n]) => n === 0 || n === samples.length).map(([name]) => name);
      expect(oneSided).toEqual([]);
    });
  },
);
