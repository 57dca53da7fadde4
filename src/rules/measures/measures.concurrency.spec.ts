/**
 * 1,000 overlapping checks, staggered with setImmediate, give exactly the sequential results: for the
 * compiled evaluator and for the json-rules-engine reference (a fresh Engine per check).
 */
import { evaluateMeasures } from './measures.evaluate';
import { loadMeasures } from './measures.loader';
import { evaluateMeasuresWithEngine } from './measures.reference';
import type { MeasureEvaluation } from './measures.types';
import { RULE_PACKS_DIR } from '../testing/bundled-packs';
import { sampleCheckFacts } from '../testing/measures-arbitrary';

const N = 1000;
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const { rules: compiled } = loadMeasures(RULE_PACKS_DIR);
const inputs = sampleCheckFacts(compiled, N, 20261201);
const sequential = inputs.map((facts) => evaluateMeasures(compiled, facts));

describe('concurrent checks (bundled measure rules)', () => {
  it('the sample is varied: every verdict occurs', () => {
    expect(new Set(sequential.map((r) => r.verdict)).size).toBe(5);
  });

  it('compiled (synchronous: cannot interleave): 1,000 evaluations in a staggered order equal the sequential ones — no state carried between evaluations', async () => {
    const concurrent = await Promise.all(
      inputs.map(async (facts, i): Promise<MeasureEvaluation> => {
        for (let k = 0; k < i % 7; k++) await tick();
        const r = evaluateMeasures(compiled, facts);
        await tick();
        return r;
      }),
    );
    expect(concurrent).toEqual(sequential);
  });

  it('reference: 1,000 overlapping json-rules-engine runs (fresh Engine each) equal the sequential ones', async () => {
    const concurrent = await Promise.all(
      inputs.map(async (facts, i) => {
        for (let k = 0; k < i % 5; k++) await tick();
        return evaluateMeasuresWithEngine(compiled, facts);
      }),
    );
    expect(concurrent).toEqual(sequential);
  });
});
