/**
 * 1,000 overlapping evaluations per pack, staggered with setImmediate, give exactly the sequential
 * results: for the compiled evaluator, and for the json-rules-engine reference (fresh Engine per run).
 */
import { evaluatePack } from './evaluate';
import type { Evaluation } from './evaluation.types';
import { Engine } from 'json-rules-engine';
import { engineRules, evaluateWithEngine } from './reference';
import { bundledPacks } from '../testing/bundled-packs';
import { sampleFacts } from '../testing/fact-arbitrary';

const N = 1000;
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe.each(bundledPacks().map((p) => [p.pack.id, p] as const))('concurrent evaluation: %s', (_id, compiled) => {
  const inputs = sampleFacts(compiled.pack, N, 20261128);
  const sequential = inputs.map((facts) => evaluatePack(compiled, facts));

  it('compiled (synchronous: cannot interleave): 1,000 evaluations in a staggered order equal the sequential ones — no state carried between evaluations', async () => {
    const concurrent = await Promise.all(
      inputs.map(async (facts, i): Promise<Evaluation> => {
        for (let k = 0; k < i % 7; k++) await tick();
        const r = evaluatePack(compiled, facts);
        await tick();
        return r;
      }),
    );
    expect(concurrent).toEqual(sequential);
    expect(new Set(sequential.map((r) => r.tier)).size).toBeGreaterThan(1);
  });

  it('reference: 1,000 overlapping json-rules-engine runs (fresh Engine each) equal the sequential ones', async () => {
    const concurrent = await Promise.all(
      inputs.map(async (facts, i) => {
        for (let k = 0; k < i % 5; k++) await tick();
        return evaluateWithEngine(compiled, facts);
      }),
    );
    expect(concurrent).toEqual(sequential);
  });

  // json-rules-engine keeps its run status on the Engine: when one run finishes while another waits
  // on a slow (e.g. database-backed) fact, the other skips its remaining rules without an error. The slow fact is
  // one the first rules to run read (highest priority), so that rules remain to be skipped after it.
  const first = [...compiled.pack.rules].sort((x, y) => (y.priority ?? 1) - (x.priority ?? 1))[0];
  const slowFact = /"fact":"(\w+)"/.exec(JSON.stringify(first.conditions))![1];
  const judged = async (engineFor: () => Engine): Promise<number[]> =>
    Promise.all(
      inputs.map(async (facts, i) => {
        const slow = async (): Promise<unknown> => {
          for (let k = 0; k < i % 5; k++) await tick();
          return facts[slowFact];
        };
        const { results, failureResults } = await engineFor().run({ ...facts, [slowFact]: slow });
        return results.length + failureResults.length;
      }),
    );

  it('control: with a slow fact, a fresh Engine per run judges every rule of every run', async () => {
    const rules = engineRules(compiled);
    const counts = await judged(() => new Engine(rules, { allowUndefinedFacts: false }));
    expect(counts.filter((n) => n !== compiled.rules.length)).toEqual([]);
  });

  it('control: with a slow fact, ONE shared Engine silently skips rules (why the reference never shares one)', async () => {
    const shared = new Engine(engineRules(compiled), { allowUndefinedFacts: false });
    const counts = await judged(() => shared);
    expect(counts.filter((n) => n !== compiled.rules.length).length).toBeGreaterThan(0);
  });
});
