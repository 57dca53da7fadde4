import { randomInt, randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

type Trend = Dto<'TierTrendDto'>;

/**
 * The supervisor's overview over tier history: GET /api/v1/tiering/trend (tiers held at the end of each
 * period) and GET /api/v1/tiering/changes (latest tier moves with subject, from → to, trigger). The clock is
 * pinned to three dates so history rows carry three as_of dates; the subjects live in a region of their own
 * (other files write tiers to the same database at the same time). Both are food manufacturers (industry code
 * C1411): the food pack and the tax pack tier them; construction and fire safety do not supervise them.
 */
describe('tier trend and recent changes (监管总览)', () => {
  let t: TestApp;
  let clock: Clock;
  const region = `65${randomInt(1000, 9999)}`;
  const source = `trend-test-${randomUUID().slice(0, 8)}`;
  const subjects: { id: string; code: string; name: string }[] = [];
  let xTier: string | null; // X's food tier after the two penalties of 2026-09-10
  const get = <T = unknown>(path: string) => http<T>(t.url, 'GET', path);

  async function register(): Promise<{ id: string; code: string; name: string }> {
    const code = uscc();
    const name = `趋势测试食品有限公司${code.slice(-4)}`;
    const res = await http<{ id: string }>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name,
      region,
      registeredOn: '2015-03-01',
      industryCode: 'C1411', // 糕点、面包制造 (GB/T 4754-2017): a food manufacturer, tiered by the food pack
    });
    expect(res.status).toBe(201);
    expect((await get(`/api/v1/subjects/${res.body.id}/tiers`)).status).toBe(200); // first read stores the tiers
    return { id: res.body.id, code, name };
  }

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.pin('2026-08-14T04:00:00Z');
    subjects.push(await register()); // X: B from 2026-08-14 (no records: the pack's default, never A)
    clock.pin('2026-09-10T04:00:00Z');
    // Two serious penalties on the same day: X's history may get two rows dated 2026-09-10, and the later
    // one alone counts for that day.
    for (const decisionDate of ['2026-09-01', '2026-09-02']) {
      const penalty = await http(t.url, 'POST', '/api/v1/records', {
        type: 'penalty',
        source,
        decisionNumber: `綦市监罚〔2026〕${randomInt(1e6)}号`,
        subjectName: subjects[0].name,
        subjectCode: subjects[0].code,
        industry: 'food_drug',
        sector: 'food',
        severity: 'serious',
        penaltyTypes: ['fine'],
        fineAmount: 2,
        decisionDate,
      });
      expect(penalty.status).toBe(201);
      await t.app.get(TieringService).idle();
    }
    const history = (
      await get<Dto<'TierHistoryDto'>>(`/api/v1/subjects/${subjects[0].id}/tiers/history?industry=food_drug`)
    ).body.items;
    expect(history.filter((h) => h.asOf === '2026-09-10').length).toBe(2);
    xTier = history[0].tier;
    expect(['C', 'D']).toContain(xTier);
    clock.pin('2026-10-05T04:00:00Z');
    subjects.push(await register()); // Y: B from 2026-10-05
  });
  afterAll(async () => {
    clock.pin(null);
    await t.close();
  });

  it('counts the tiers held at the end of each month, from history', async () => {
    const res = await get<Trend>(
      `/api/v1/tiering/trend?industry=food_drug&region=${region}&from=2026-07-15&to=2026-10-31&granularity=month`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: '2026-07-15',
      to: '2026-10-31',
      granularity: 'month',
      industry: 'food_drug',
      region,
      periods: ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01'],
    });
    expect(res.body.items).toEqual([
      { period: '2026-08-01', industry: 'food_drug', tier: 'B', subjects: 1 },
      { period: '2026-09-01', industry: 'food_drug', tier: xTier, subjects: 1 },
      { period: '2026-10-01', industry: 'food_drug', tier: 'B', subjects: 1 },
      { period: '2026-10-01', industry: 'food_drug', tier: xTier, subjects: 1 },
    ]);
  });

  it('counts by week (from Monday) and day, and every industry when none is named', async () => {
    const weeks = await get<Trend>(
      `/api/v1/tiering/trend?industry=food_drug&region=${region}&from=2026-09-08&to=2026-09-20&granularity=week`,
    );
    expect(weeks.status).toBe(200);
    expect(weeks.body.periods).toEqual(['2026-09-07', '2026-09-14']);
    // 2026-09-07's week ends on Sunday 09-13, after the penalty's recompute on 09-10.
    expect(weeks.body.items).toEqual([
      { period: '2026-09-07', industry: 'food_drug', tier: xTier, subjects: 1 },
      { period: '2026-09-14', industry: 'food_drug', tier: xTier, subjects: 1 },
    ]);
    const days = await get<Trend>(
      `/api/v1/tiering/trend?industry=food_drug&region=${region}&from=2026-09-09&to=2026-09-10&granularity=day`,
    );
    expect(days.body.items).toEqual([
      { period: '2026-09-09', industry: 'food_drug', tier: 'B', subjects: 1 },
      { period: '2026-09-10', industry: 'food_drug', tier: xTier, subjects: 1 },
    ]);
    const all = await get<Trend>(`/api/v1/tiering/trend?region=${region}&from=2026-10-01&to=2026-10-31`);
    const october = all.body.items;
    // Every industry that tiers them: tax and food; none of construction or fire safety (not their industries).
    expect(new Set(october.map((i) => i.industry))).toEqual(new Set(['tax', 'food_drug']));
    expect(october.find((i) => i.industry === 'tax')).toEqual({
      period: '2026-10-01',
      industry: 'tax',
      tier: 'N',
      subjects: 2,
    });
  });

  it('defaults to twelve months, twelve weeks or thirty days up to today', async () => {
    const res = await get<Trend>(`/api/v1/tiering/trend?region=${region}`);
    expect(res.status).toBe(200);
    expect(res.body.to).toBe('2026-10-05');
    expect(res.body.from).toBe('2025-11-01');
    expect(res.body.periods).toHaveLength(12);
    const weeks = await get<Trend>(`/api/v1/tiering/trend?region=${region}&granularity=week`);
    expect([weeks.body.from, weeks.body.periods.length]).toEqual(['2026-07-20', 12]); // Monday 11 weeks before 10-05's
    const days = await get<Trend>(`/api/v1/tiering/trend?region=${region}&granularity=day`);
    expect([days.body.from, days.body.periods.length]).toEqual(['2026-09-06', 30]);
  });

  it('lists the latest tier moves with subject, from → to and trigger, newest first', async () => {
    const res = await get<Dto<'TierMovesDto'>>(`/api/v1/tiering/changes?industry=food_drug&region=${region}&limit=10`);
    expect(res.status).toBe(200);
    const rows = res.body.items;
    // Y's first tier, then X's moves of 2026-09-10 (one or two: B → C, maybe C → D), then X's first tier.
    expect([rows[0].subject.name, rows[0].previousTier, rows[0].tier, rows[0].asOf]).toEqual([
      subjects[1].name,
      null,
      'B',
      '2026-10-05',
    ]);
    const last = rows[rows.length - 1];
    expect([last.subject.name, last.previousTier, last.tier, last.asOf, last.trigger]).toEqual([
      subjects[0].name,
      null,
      'B',
      '2026-08-14',
      'first-read',
    ]);
    const moves = rows.slice(1, -1);
    expect(moves.length).toBeGreaterThanOrEqual(1);
    expect(moves[0].tier).toBe(xTier);
    for (const [i, m] of moves.entries()) {
      expect([m.subject.name, m.asOf]).toEqual([subjects[0].name, '2026-09-10']);
      expect(m.trigger).toMatch(/^records:/);
      expect(m.previousTier).toBe((moves[i + 1] ?? last).tier); // each move starts where the older one ended
    }
    expect(moves[0].subject).toEqual({
      id: subjects[0].id,
      name: subjects[0].name,
      kind: 'legal_person',
      code: subjects[0].code,
      idMasked: null,
    });
    const one = await get<Dto<'TierMovesDto'>>(`/api/v1/tiering/changes?industry=food_drug&region=${region}&limit=1`);
    expect(one.body.items.map((r) => r.id)).toEqual([rows[0].id]);
  });

  it('refuses bad input with the field named, and keys without tiers', async () => {
    const cases: Array<[string, string]> = [
      ['/api/v1/tiering/trend?from=2026-10-02&to=2026-10-01', 'from'],
      ['/api/v1/tiering/trend?from=2026-02-30', 'from'],
      ['/api/v1/tiering/trend?to=2026-13-01', 'to'],
      ['/api/v1/tiering/trend?granularity=year', 'granularity'],
      ['/api/v1/tiering/trend?from=2020-01-01&to=2026-01-01&granularity=day', 'granularity'],
      ['/api/v1/tiering/trend?industry=mining', 'industry'],
      ['/api/v1/tiering/changes?limit=0', 'limit'],
      ['/api/v1/tiering/changes?region=abc', 'region'],
    ];
    for (const [path, field] of cases) {
      const res = await get<ProblemDetails>(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors?.map((e) => e.field)).toContain(field);
    }
    const clerk = await t.createKey({ scopes: ['checks'] });
    expect((await httpAs(clerk, t.url, 'GET', '/api/v1/tiering/trend')).status).toBe(403);
    expect((await httpAs(clerk, t.url, 'GET', '/api/v1/tiering/changes')).status).toBe(403);
  });
});
