/** Golden cases of the bundled measure rules (rule-packs/measures/cases.json), through both evaluators. */
import { loadMeasureCases, measureCaseFacts } from './measures.cases';
import { evaluateMeasures } from './measures.evaluate';
import { loadMeasures } from './measures.loader';
import { evaluateMeasuresWithEngine } from './measures.reference';
import { RULE_PACKS_DIR } from '../testing/bundled-packs';
import { VERDICTS } from './verdict';

const { rules: compiled } = loadMeasures(RULE_PACKS_DIR);
const file = loadMeasureCases(RULE_PACKS_DIR, compiled);
const sorted = (xs: readonly string[]): string[] => [...new Set(xs)].sort();

describe('golden cases of the bundled measure rules', () => {
  it.each(file.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const facts = measureCaseFacts(c, compiled);
    const r = evaluateMeasures(compiled, facts);
    const expected = { verdict: c.expect.verdict, measures: sorted(c.expect.measures), rules: sorted(c.expect.rules) };
    expect({
      verdict: r.verdict,
      measures: sorted(r.measures.map((m) => m.code)),
      rules: sorted(r.measures.map((m) => m.rule)),
    }).toEqual(expected);
    expect(await evaluateMeasuresWithEngine(compiled, facts)).toEqual(r);
  });

  it('the cases trigger every rule, apply every measure and reach every verdict', () => {
    expect(file.cases.length).toBeGreaterThanOrEqual(8);
    const rules = new Set(file.cases.flatMap((c) => c.expect.rules));
    const measures = new Set(file.cases.flatMap((c) => c.expect.measures));
    const verdicts = new Set(file.cases.map((c) => c.expect.verdict));
    expect(compiled.rules.map((r) => r.name).filter((n) => !rules.has(n))).toEqual([]);
    expect(compiled.catalogue.measures.map((m) => m.code).filter((m) => !measures.has(m))).toEqual([]);
    expect(VERDICTS.filter((v) => !verdicts.has(v))).toEqual([]);
  });
});
