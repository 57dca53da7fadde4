import type { GoldenCase } from '../tiers/cases';
import { compilePack } from '../tiers/compile';
import { measuresCoverage, packCoverage } from './coverage';
import { formatCoverage } from './coverage.format';
import { rulePacksCoverage } from './coverage.run';
import type { MeasureCase } from '../measures/measures.cases';
import { parseMeasures } from '../measures/measures.loader';
import { parsePack } from '../tiers/pack.loader';
import { RULE_PACKS_DIR } from '../testing/bundled-packs';
import { validCatalogueJson, validMeasureRulesJson } from '../testing/measures-fixture';
import { validPackJson, type MutablePack } from '../testing/pack-fixture';
import { INDUSTRIES } from '../shared/industries';

const gc = (name: string, facts: GoldenCase['facts'], tier: string, score: number, fired: string[]): GoldenCase => ({ name, facts, expect: { tier, score, fired } });
const CASES: GoldenCase[] = [
  gc('clean', { taxCreditLevel: 'A' }, 'A', 100, []),
  gc('penalties', { taxCreditLevel: 'A', penaltiesLast12Months: 2 }, 'B', 70, ['penalties']),
  gc('never assessed', {}, 'C', 100, ['listed']),
  gc('new', { taxCreditLevel: 'A', yearsSinceRegistration: 0 }, 'N', 100, ['new']),
  gc('all failed', { taxCreditLevel: 'A', inspectionsLast12Months: 1, inspectionFailuresLast12Months: 1 }, 'B', 75, ['all-failed']),
];
const compiled = (edit: (p: MutablePack) => void = () => undefined) => {
  const p = validPackJson();
  edit(p);
  return compilePack(parsePack(p, 'fixture/pack.json'));
};
const file = (cases: GoldenCase[]) => ({ pack: 'fixture', cases });

describe('packCoverage', () => {
  it('counts passed cases, every rule fired and every tier reached', () => {
    const c = packCoverage(compiled(), file(CASES));
    expect(c).toMatchObject({ id: 'fixture', passed: 5, failed: [], rules: { fired: 4, total: 4, ratio: 1, unreached: [] }, minRules: 1, ok: true });
    expect(c.outcomes).toEqual([{ kind: 'tiers', reached: ['A', 'N', 'B', 'C'], unreached: [] }]);
  });

  it('fails under the default threshold of 1 and names what no case reaches', () => {
    const c = packCoverage(compiled(), file(CASES.slice(0, 3)));
    expect(c.rules).toEqual({ fired: 2, total: 4, ratio: 0.5, unreached: ['new', 'all-failed'] });
    expect(c.outcomes[0].unreached).toEqual(['N']);
    expect(c.ok).toBe(false);
    expect(formatCoverage(c).join('\n')).toContain('rule coverage 50.0% is under the threshold 100.0% (coverage.minRules)');
  });

  it('takes coverage.minRules from the pack', () => {
    const pack = compiled((p) => (p.coverage = { minRules: 0.5 }));
    expect(packCoverage(pack, file(CASES.slice(0, 3)))).toMatchObject({ minRules: 0.5, ok: true });
    expect(packCoverage(pack, file(CASES.slice(0, 2)))).toMatchObject({ rules: { ratio: 0.25 }, ok: false });
  });

  it('refuses a threshold outside 0..1 (schema)', () => {
    expect(() => compiled((p) => (p.coverage = { minRules: 1.5 }))).toThrow(/coverage\/minRules/);
  });

  it('counts what the evaluator fires, not what a case expects, and fails a wrong case', () => {
    const wrong = gc('wrong', { taxCreditLevel: 'A', yearsSinceRegistration: 0 }, 'A', 100, ['penalties']);
    const c = packCoverage(compiled(), file([...CASES.slice(0, 3), wrong]));
    expect(c.passed).toBe(3);
    expect(c.failed).toEqual([{ name: 'wrong', expected: { tier: 'A', score: 100, fired: ['penalties'] }, actual: { tier: 'N', score: 100, fired: ['new'] } }]);
    expect(c.rules.unreached).toEqual(['all-failed']);
    expect(c.ok).toBe(false);
  });
});

describe('measuresCoverage', () => {
  const { rules } = parseMeasures(validCatalogueJson(), validMeasureRulesJson());
  const mc = (name: string, facts: MeasureCase['facts'], verdict: MeasureCase['expect']['verdict'], measures: string[], rs: string[]): MeasureCase => ({ name, facts, expect: { verdict, measures, rules: rs } });

  it('reports rules fired, measures and verdicts reached', () => {
    const cases = [
      mc('listed supplier', { scenario: 'procurement', partyRole: 'supplier', courtDefaulterListed: true }, 'block', ['exclude'], ['listed']),
      mc('clean', { scenario: 'land' }, 'pass', [], []),
    ];
    const c = measuresCoverage(rules, { rules: 'fixture-measures', cases });
    expect(c).toMatchObject({ passed: 2, rules: { fired: 1, total: 5, ratio: 0.2 }, ok: false });
    expect(c.rules.unreached).toEqual(['big-fine', 'tier-d', 'amount-and-scenario', 'red']);
    expect(c.outcomes).toEqual([
      { kind: 'measures', reached: ['exclude'], unreached: ['limit', 'review', 'prefer'] },
      { kind: 'verdicts', reached: ['block', 'pass'], unreached: ['restrict', 'scrutinise', 'reward'] },
    ]);
    expect(measuresCoverage(rules, { rules: 'fixture-measures', cases }, 0.2).ok).toBe(true);
  });
});

describe('the bundled packs', () => {
  it('pass every golden case with full rule coverage', () => {
    const all = rulePacksCoverage(RULE_PACKS_DIR);
    expect(all.map((c) => c.id)).toEqual([...[...INDUSTRIES].sort(), 'measures']);
    expect(all.filter((c) => !c.ok).flatMap(formatCoverage)).toEqual([]);
  });
});
