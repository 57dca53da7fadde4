/**
 * set-tier events (直接判级, e.g. tax level M for a new business whatever its score): the set tier replaces the
 * score's tier, better or worse; force-tier caps still apply on top; the compiled evaluator and the
 * json-rules-engine reference agree.
 */
import fc from 'fast-check';
import { compilePack } from './compile';
import { evaluatePack } from './evaluate';
import { withDefaults } from '../shared/facts.catalogue';
import { PackValidationError } from '../shared/rules.errors';
import { parsePack } from './pack.loader';
import { evaluateWithEngine } from './reference';
import { factsArbitrary } from '../testing/fact-arbitrary';
import { validPackJson, type MutablePack } from '../testing/pack-fixture';

const rulesOf = (p: MutablePack): MutablePack[] => p.rules as MutablePack[];
const eventOf = (p: MutablePack, i: number): MutablePack => rulesOf(p)[i].event as MutablePack;
const paramsOf = (p: MutablePack, i: number): MutablePack => eventOf(p, i).params as MutablePack;

// Fixture (testing/pack-fixture.ts): A ≥ 80, N forced-only, B 50–<80, C < 50. Here the rule "new"
// (< 1 year) becomes set-tier N; "listed" stays force-tier C; "red" (red-listed) is set-tier B.
function setTierPack(): MutablePack {
  const json = validPackJson();
  eventOf(json, 2).type = 'set-tier';
  rulesOf(json).push({
    name: 'red',
    conditions: { all: [{ fact: 'redListed', operator: 'equal', value: true }] },
    event: { type: 'set-tier', params: { tier: 'B', reason: 'r', reasonZh: '理由', legalBasis: { source: 'src-a' } } },
  });
  return json;
}
const compiled = compilePack(parsePack(setTierPack(), 'fixture/pack.json'));
const clean = withDefaults({ taxCreditLevel: 'A', redListed: false });
const run = (partial: Record<string, number | boolean | string | null>) =>
  evaluatePack(compiled, { ...clean, ...partial });

describe('set-tier events', () => {
  it('replace a better score tier', () => {
    expect(run({ yearsSinceRegistration: 0 })).toMatchObject({ score: 100, scoreTier: 'A', tier: 'N' });
  });

  it('replace a worse score tier too (whatever the score), unlike force-tier', () => {
    const r = run({
      yearsSinceRegistration: 0,
      penaltiesLast12Months: 2,
      inspectionsLast12Months: 1,
      inspectionFailuresLast12Months: 1,
    });
    expect(r).toMatchObject({ score: 45, scoreTier: 'C', tier: 'N' });
    expect(r.fired.find((f) => f.rule === 'new')).toMatchObject({ type: 'set-tier', tier: 'N' });
  });

  it('force-tier caps still apply on top of a set tier', () => {
    expect(run({ yearsSinceRegistration: 0, seriousDishonestyListed: true })).toMatchObject({ tier: 'C' });
  });

  it('several set tiers: the worst wins', () => {
    expect(run({ yearsSinceRegistration: 0, redListed: true }).tier).toBe('B');
    expect(
      run({ redListed: true, penaltiesLast12Months: 9, inspectionsLast12Months: 1, inspectionFailuresLast12Months: 1 }),
    ).toMatchObject({ scoreTier: 'C', tier: 'B' });
  });

  it('agree with json-rules-engine', async () => {
    await fc.assert(
      fc.asyncProperty(factsArbitrary(compiled.pack, { hostile: true }), async (facts) => {
        expect(evaluatePack(compiled, facts)).toEqual(await evaluateWithEngine(compiled, facts));
      }),
      { numRuns: 500 },
    );
  });

  it('reach a forced-only tier (no "never assigned" finding); an unknown target is refused', () => {
    expect(() => parsePack(setTierPack(), 'x')).not.toThrow();
    const bad = setTierPack();
    paramsOf(bad, 2).tier = 'Z';
    let error: unknown;
    try {
      parsePack(bad, 'x');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackValidationError);
    expect((error as PackValidationError).message).toMatch(/set-tier names unknown tier "Z"/);
  });

  it('the schema refuses a set-tier event without a tier', () => {
    const bad = setTierPack();
    delete paramsOf(bad, 2).tier;
    expect(() => parsePack(bad, 'x')).toThrow(/"tier"/);
  });
});
