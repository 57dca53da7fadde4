/**
 * Differential property test: for thousands of random check fact sets (biased around thresholds, every
 * scenario, some wrong-typed values), the compiled evaluator gives exactly json-rules-engine's result —
 * for the bundled measure rules and for the fixture (tier, amount and fact-reference conditions).
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { Facts } from '../shared/facts.catalogue';
import type { CompiledMeasures } from './measures.compile';
import { evaluateMeasures } from './measures.evaluate';
import { loadMeasures, parseMeasures } from './measures.loader';
import { evaluateMeasuresWithEngine, measureEngineRules } from './measures.reference';
import { RULE_PACKS_DIR } from '../testing/bundled-packs';
import { validCatalogueJson, validMeasureRulesJson } from '../testing/measures-fixture';
import { checkFactsArbitrary } from '../testing/measures-arbitrary';

const RUNS = Number(process.env.DIFF_RUNS ?? 1000);
const sets: [string, CompiledMeasures][] = [
  ['bundled', loadMeasures(RULE_PACKS_DIR).rules],
  ['fixture', parseMeasures(validCatalogueJson(), validMeasureRulesJson()).rules],
];

describe.each(sets)('compiled == json-rules-engine: %s measure rules', (_name, compiled) => {
  const rules = measureEngineRules(compiled);
  const agree = async (facts: Facts): Promise<void> => {
    const [mine, theirs] = [
      evaluateMeasures(compiled, facts),
      await evaluateMeasuresWithEngine(compiled, facts, rules),
    ];
    if (!isDeepStrictEqual(mine, theirs)) expect(mine).toEqual(theirs);
  };

  it(`agrees on ${RUNS} typed check fact sets`, async () => {
    await fc.assert(fc.asyncProperty(checkFactsArbitrary(compiled), agree), { numRuns: RUNS });
  });

  it(`agrees on ${RUNS / 2} check fact sets with wrong-typed values`, async () => {
    await fc.assert(fc.asyncProperty(checkFactsArbitrary(compiled, { hostile: true }), agree), { numRuns: RUNS / 2 });
  });

  it('exercises both outcomes of every rule, in its scenarios', () => {
    const samples = fc.sample(checkFactsArbitrary(compiled), { numRuns: 20000, seed: 11 });
    const fired = new Map(compiled.rules.map((r) => [r.name, 0]));
    const tried = new Map(compiled.rules.map((r) => [r.name, 0]));
    for (const facts of samples) {
      const slots = compiled.readFacts(facts);
      for (const r of compiled.byScenario.get(String(facts.scenario)) ?? []) {
        tried.set(r.name, (tried.get(r.name) ?? 0) + 1);
        if (r.test(slots)) fired.set(r.name, (fired.get(r.name) ?? 0) + 1);
      }
    }
    const oneSided = [...fired].filter(([name, n]) => n === 0 || n === tried.get(name)).map(([name]) => name);
    expect(oneSided).toEqual([]);
  });
});
