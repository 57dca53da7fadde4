import { randomInt, randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

type Tiers = Dto<'SubjectTiersDto'>;
type History = Dto<'TierHistoryDto'>;

describe('tiering (信用分级) over HTTP', () => {
  let t: TestApp;
  let tiering: TieringService;
  const source = `tiering-test-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    tiering = t.app.get(TieringService);
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * A subject is tiered only in the industries that supervise it (分行业, issue 15): here by its registered
   * GB/T 4754-2017 code, and in tax as every taxpayer is.
   */
  const BUSINESSES = {
    food: { industryCode: 'C1411', name: '綦江测试食品有限公司' }, // 糕点、面包制造: food_drug
    restaurant: { industryCode: 'H6210', name: '綦江测试餐饮有限公司' }, // 正餐服务 (饭店): food_drug, fire_safety
    builder: { industryCode: 'E4710', name: '綦江测试建筑有限公司' }, // 住宅房屋建筑: construction
  } as const;

  async function register(business: keyof typeof BUSINESSES = 'food'): Promise<{ id: string; code: string }> {
    const code = uscc();
    const { industryCode, name } = BUSINESSES[business];
    const res = await http<{ id: string }>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: `${name}${code.slice(-4)}`,
      registeredOn: '2015-03-01',
      industryCode,
    });
    expect(res.status).toBe(201);
    return { id: res.body.id, code };
  }
  const tiersOf = async (id: string, query = '') => {
    const res = await http<Tiers>(t.url, 'GET', `/api/v1/subjects/${id}/tiers${query}`);
    expect(res.status).toBe(200);
    return Object.fromEntries(res.body.tiers.map((x) => [x.industry, x])) as Record<string, Tiers['tiers'][number]>;
  };

  it('never tiers a subject with no records at the top tier: tax not evaluated (N), the others their default B, explained and stored', async () => {
    // A restaurant is in food and fire safety (a public gathering place) and a builder in construction, by their
    // codes; both in tax. Between them every pack, and no tier in an industry that does not supervise them.
    const restaurant = await tiersOf((await register('restaurant')).id);
    expect(Object.keys(restaurant).sort()).toEqual(['fire_safety', 'food_drug', 'tax']);
    const builder = await tiersOf((await register('builder')).id);
    expect(Object.keys(builder).sort()).toEqual(['construction', 'tax']);
    const expected: Record<string, [string, string]> = {
      tax: ['N', 'tax-not-evaluated'], // 纳税缴费信用管理办法 (2025年第12号): no records → not evaluated
      construction: ['B', 'construction-no-history'], // local default (law silent)
      food_drug: ['B', 'food-no-history'],
      fire_safety: ['B', 'fire-no-history'],
    };
    for (const [industry, tier] of [...Object.entries(restaurant), ...Object.entries(builder)]) {
      const [id, rule] = expected[industry];
      expect(tier.tier).toBe(id);
      expect(tier.score).toBe(100);
      expect(tier.fired.map((f) => f.rule)).toEqual([rule]);
      expect(tier.inspectionPolicy).toMatchObject({ tier: id });
      expect(tier.pack.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(tier.computedAt).toBeTruthy();
    }
  });

  it('recomputes when records change: a serious food-safety penalty drops the food tier, with reasons and legal basis; history keeps the past', async () => {
    const s = await register();
    expect((await tiersOf(s.id)).food_drug.tier).toBe('B'); // no history yet: the local default
    const res = await http(t.url, 'POST', '/api/v1/records', {
      type: 'penalty',
      source,
      decisionNumber: `綦市监罚〔2026〕${randomInt(1e6)}号`,
      subjectName: '綦江测试食品有限公司',
      subjectCode: s.code,
      industry: 'food_drug',
      sector: 'food',
      severity: 'serious',
      penaltyTypes: ['fine'],
      fineAmount: 2,
      decisionDate: '2026-10-01',
    });
    expect(res.status).toBe(201);
    await tiering.idle();

    const after = await tiersOf(s.id);
    expect(after.food_drug.tier).toBe('C');
    const fired = after.food_drug.fired.map((f) => f.rule);
    expect(fired).toEqual(expect.arrayContaining(['food-serious-penalty', 'food-penalty']));
    for (const f of after.food_drug.fired) expect(f.legalBasis.title).toBeTruthy();
    expect(after.food_drug.inspectionPolicy.tier).toBe('C');
    expect(after.tax.tier).toBe('N'); // another industry's penalty does not count in tax: still no tax records

    const history = await http<History>(t.url, 'GET', `/api/v1/subjects/${s.id}/tiers/history?industry=food_drug`);
    expect(history.status).toBe(200);
    expect(history.body.items[0]).toMatchObject({ tier: 'C', previousTier: 'B' });
    expect(history.body.items[history.body.items.length - 1]).toMatchObject({ tier: 'B', previousTier: null });

    // As of a date before the decision the same subject is back at its default B: time is an input.
    const before = await tiersOf(s.id, '?asOf=2026-09-30');
    expect(before.food_drug.tier).toBe('B');
    expect(before.food_drug.computedAt).toBeNull();
  });

  it('a serious-dishonesty listing forces D in every pack that says so', async () => {
    // A restaurant (food, fire safety) and a builder (construction): every pack that forces D, each where it tiers.
    const listed = { restaurant: ['food_drug', 'fire_safety'], builder: ['construction'] } as const;
    for (const [business, industries] of Object.entries(listed) as Array<[keyof typeof listed, readonly string[]]>) {
      const s = await register(business);
      const res = await http(t.url, 'POST', '/api/v1/records', {
        type: 'list_entry',
        source,
        decisionNumber: `严重失信-${randomUUID()}`,
        subjectName: BUSINESSES[business].name,
        subjectCode: s.code,
        listType: 'serious_dishonesty',
        severity: 'serious',
        decisionDate: '2026-06-01',
      });
      expect(res.status).toBe(201);
      await tiering.idle();
      const tiers = await tiersOf(s.id);
      for (const industry of industries) {
        expect(tiers[industry].tier).toBe('D');
        expect(tiers[industry].fired.some((f) => f.type === 'force-tier')).toBe(true);
      }
    }
  });

  it('batch run tiers every subject and a second run changes nothing it already stored', async () => {
    const s = await register('restaurant'); // tiered in three industries: tax, food_drug, fire_safety
    const first = await http<Dto<'TieringRunSummaryDto'>>(t.url, 'POST', '/api/v1/tiering/runs', {});
    expect(first.status).toBe(200);
    expect(first.body.subjects).toBeGreaterThan(0);
    expect(first.body.evaluations).toBeGreaterThanOrEqual(first.body.subjects);
    const dist = await http<Dto<'TierDistributionDto'>>(t.url, 'GET', '/api/v1/tiering/distribution');
    expect(dist.status).toBe(200);
    expect(dist.body.items.length).toBeGreaterThan(0);
    const tierCounts = dist.body.items.reduce((n, x) => n + x.subjects, 0);
    expect(tierCounts).toBeGreaterThanOrEqual(first.body.subjects);

    const second = await http(t.url, 'POST', '/api/v1/tiering/runs', {});
    expect(second.status).toBe(200);
    const history = await http<History>(t.url, 'GET', `/api/v1/subjects/${s.id}/tiers/history`);
    // One entry per industry it is in: the second run wrote nothing for it.
    expect(history.body.items.map((x) => x.industry).sort()).toEqual(['fire_safety', 'food_drug', 'tax']);
  });

  it('the same tiers saved by overlapping recomputes (a batch run beside a record change) append one history row per industry', async () => {
    const s = await register('restaurant'); // tiered in three industries: tax, food_drug, fire_safety
    const results = await Promise.all(
      Array.from({ length: 6 }, () => tiering.recompute([s.id], { trigger: 'test:overlap' })),
    );
    expect(results.reduce((n, r) => n + r.changed, 0)).toBe(3);
    const history = await http<History>(t.url, 'GET', `/api/v1/subjects/${s.id}/tiers/history`);
    expect(history.body.items.map((x) => x.industry).sort()).toEqual(['fire_safety', 'food_drug', 'tax']);
  });

  it('refuses bad input with problem details naming the field', async () => {
    const s = await register();
    const badDate = await http<ProblemDetails>(t.url, 'GET', `/api/v1/subjects/${s.id}/tiers?asOf=2026-13-01`);
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors?.[0].field).toBe('asOf');
    const badId = await http<ProblemDetails>(t.url, 'GET', '/api/v1/subjects/not-a-uuid/tiers');
    expect(badId.status).toBe(400);
    expect(badId.body.errors?.[0].field).toBe('id');
    const unknown = await http(t.url, 'GET', `/api/v1/subjects/${randomUUID()}/tiers`);
    expect(unknown.status).toBe(404);
    const extra = await http<ProblemDetails>(t.url, 'POST', '/api/v1/tiering/runs', {
      asOf: '2026-11-28',
      force: true,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.errors?.[0].field).toBe('force');
    // Stored tiers are today's: a batch run as of another date would overwrite them with that date's.
    const past = await http<ProblemDetails>(t.url, 'POST', '/api/v1/tiering/runs', { asOf: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.body.errors?.[0].field).toBe('asOf');
    expect(
      (await http<Tiers>(t.url, 'GET', `/api/v1/subjects/${s.id}/tiers`)).body.tiers.every(
        (x) => x.asOf !== '2020-01-01',
      ),
    ).toBe(true);
  });
});
