import fc from 'fast-check';
import { compilePack } from './compile';
import { evaluatePack } from './evaluate';
import { explainPack } from './explain';
import { withDefaults } from '../shared/facts.catalogue';
import { parsePack } from './pack.loader';
import { evaluateWithEngine } from './reference';
import { MissingFactError } from '../shared/rules.errors';
import { factsArbitrary } from '../testing/fact-arbitrary';
import { validPackJson } from '../testing/pack-fixture';

// Fixture: base 100; A ≥ 80, N forced-only, B 50–<80, C < 50. Rules: penalties ≥ 2 → −30; listed
// (seriousDishonestyListed or taxCreditLevel in [D, null]) → force C, priority 5; new (< 1 year) →
// force N; all-failed (failures ≥ inspections > 0) → −25.
const compiled = compilePack(parsePack(validPackJson(), 'fixture/pack.json'));
const clean = withDefaults({ taxCreditLevel: 'A' });
const run = (partial: Record<string, number | boolean | string | null>) =>
  evaluatePack(compiled, { ...clean, ...partial });

describe('evaluatePack semantics', () => {
  it('a clean subject keeps the base score and the best tier', () => {
    expect(run({})).toMatchObject({
      packId: 'fixture',
      version: '0.1.0',
      industry: 'food_drug',
      score: 100,
      scoreTier: 'A',
      tier: 'A',
      fired: [],
    });
  });

  it('score events add points; tiers are minScore-inclusive', () => {
    expect(run({ penaltiesLast12Months: 2 })).toMatchObject({ score: 70, tier: 'B' });
    expect(
      run({ penaltiesLast12Months: 2, inspectionsLast12Months: 1, inspectionFailuresLast12Months: 1 }),
    ).toMatchObject({ score: 45, tier: 'C' });
    expect(run({ penaltiesLast12Months: 1.99 })).toMatchObject({ score: 100, tier: 'A' });
  });

  it('scores are clamped to the scoring range', () => {
    const json = validPackJson() as { rules: Array<{ event: { params: { points: number } } }> };
    json.rules[0].event.params.points = -150;
    const r = evaluatePack(compilePack(parsePack(json, 'x')), { ...clean, penaltiesLast12Months: 5 });
    expect(r.score).toBe(0);
  });

  it('force-tier caps the tier: worst(computed, forced), so it never improves a worse score tier', () => {
    expect(run({ yearsSinceRegistration: 0 })).toMatchObject({
      score: 100,
      scoreTier: 'A',
      tier: 'N',
      tierLabelZh: '新',
    });
    expect(run({ yearsSinceRegistration: 0, penaltiesLast12Months: 3 })).toMatchObject({ scoreTier: 'B', tier: 'B' });
  });

  it('several forced tiers: the worst wins', () => {
    expect(run({ yearsSinceRegistration: 0, seriousDishonestyListed: true }).tier).toBe('C');
  });

  it('null facts follow json-rules-engine: numeric comparisons are false, in/notIn see null', () => {
    expect(run({ yearsSinceRegistration: null }).tier).toBe('A');
    expect(run({ taxCreditLevel: null }).tier).toBe('C');
  });

  it('fired rules come in priority order with resolved legal bases', () => {
    const r = run({ seriousDishonestyListed: true, penaltiesLast12Months: 2 });
    expect(r.fired.map((f) => f.rule)).toEqual(['listed', 'penalties']);
    expect(r.fired[0]).toEqual({
      rule: 'listed',
      type: 'force-tier',
      tier: 'C',
      reason: 'r',
      reasonZh: '理由',
      legalBasis: {
        source: 'src-a',
        title: 'Source A',
        documentNumber: 'A〔2020〕1号',
        article: 'Art. 9',
        status: 'verified',
        note: 'n',
      },
    });
    expect(r.fired[1]).toMatchObject({ points: -30, legalBasis: { source: 'src-a', article: 'Art. 1' } });
  });

  it('returns the inspection policy of the final tier, parameters resolved', () => {
    expect(run({}).inspectionPolicy).toEqual({
      tier: 'A',
      samplingRatio: 0.1,
      minInspectionsPerYear: 0.5,
      onSiteWithoutLead: false,
      keyItemsFull: false,
      source: { source: 'src-local', title: 'Local', status: 'local-parameter' },
    });
    expect(run({ seriousDishonestyListed: true }).inspectionPolicy).toMatchObject({
      tier: 'C',
      keyItemsFull: true,
      note: 'key items',
    });
  });

  it('refuses a fact set without a fact the pack reads, as json-rules-engine does', async () => {
    const { inspectionsLast12Months: _dropped, ...partial } = clean;
    expect(() => evaluatePack(compiled, partial)).toThrow(MissingFactError);
    expect(() => evaluatePack(compiled, partial)).toThrow(/"inspectionsLast12Months"/);
    await expect(evaluateWithEngine(compiled, partial)).rejects.toThrow(/Undefined fact: inspectionsLast12Months/);
  });

  it('results are fresh objects; the shared parts are frozen', () => {
    const a = run({ penaltiesLast12Months: 2 });
    const b = run({ penaltiesLast12Months: 2 });
    expect(a).not.toBe(b);
    expect(a.fired).not.toBe(b.fired);
    expect(Object.isFrozen(a.fired[0])).toBe(true);
  });

  it('agrees with json-rules-engine on the fixture (any, not, notIn with null, fact references)', async () => {
    await fc.assert(
      fc.asyncProperty(factsArbitrary(compiled.pack, { hostile: true }), async (facts) => {
        expect(evaluatePack(compiled, facts)).toEqual(await evaluateWithEngine(compiled, facts));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('explainPack', () => {
  it('traces every leaf with fact value, operator, expected value and outcome', () => {
    const { evaluation, rules } = explainPack(compiled, {
      ...clean,
      inspectionsLast12Months: 2,
      inspectionFailuresLast12Months: 2,
    });
    expect(evaluation.fired.map((f) => f.rule)).toEqual(['all-failed']);
    expect(rules.find((r) => r.rule === 'all-failed')).toEqual({
      rule: 'all-failed',
      fired: true,
      conditions: [
        {
          path: '/all/0',
          fact: 'inspectionFailuresLast12Months',
          factValue: 2,
          operator: 'greaterThanInclusive',
          expected: 2,
          expectedFact: 'inspectionsLast12Months',
          passed: true,
        },
        {
          path: '/all/1',
          fact: 'inspectionsLast12Months',
          factValue: 2,
          operator: 'greaterThan',
          expected: 0,
          passed: true,
        },
      ],
    });
    expect(rules.find((r) => r.rule === 'listed')?.conditions.map((c) => [c.path, c.passed])).toEqual([
      ['/any/0', false],
      ['/any/1/not', true],
    ]);
    expect(rules.find((r) => r.rule === 'penalties')?.conditions[0]).toMatchObject({
      factValue: 0,
      expected: 2,
      passed: false,
    });
  });
});
