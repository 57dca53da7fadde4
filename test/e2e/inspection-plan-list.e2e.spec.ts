import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { DemoService } from '../../src/modules/demo/demo.service';
import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';

type Plan = Dto<'PlanViewDto'>;
type PlanPage = Dto<'PlanPageDto'>;

/**
 * GET /api/v1/inspection-plans: past plans newest first with per-tier counts and result counts, an
 * industry filter, keyset paging that visits every plan once, and 400s naming the field. Other files may
 * draw plans in the same database at the same time: assertions look at this file's plans by id.
 */
describe('GET /api/v1/inspection-plans', () => {
  let t: TestApp;
  const run = randomUUID().slice(0, 8);
  const ids: string[] = [];
  const draw = (industry: string, n: number) =>
    http<Plan>(t.url, 'POST', '/api/v1/inspection-plans', {
      department: `列表测试-${run}`,
      industry,
      region: '500110',
      period: { from: '2026-11-01', to: '2026-12-31' },
      seed: `list-${run}-${n}`,
      inspectors: [1, 2, 3, 4].map((i) => ({ id: `L-${i}`, name: `检查员${i}`, department: '綦江区市场监督管理局' })),
    });

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    await t.app.get(DemoService).load(40);
    for (const [n, industry] of ['food_drug', 'construction', 'food_drug'].entries()) {
      const res = await draw(industry, n);
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
  });
  afterAll(() => t.close());

  it('lists plans newest first with their counts, matching each plan', async () => {
    const res = await http<PlanPage>(t.url, 'GET', '/api/v1/inspection-plans?limit=100');
    expect(res.status).toBe(200);
    const listed = res.body.items.map((p) => p.id);
    const mine = listed.filter((id) => ids.includes(id));
    expect(mine).toEqual([...ids].reverse());
    const plan = (await http<Plan>(t.url, 'GET', `/api/v1/inspection-plans/${ids[0]}`)).body;
    const summary = res.body.items.find((p) => p.id === ids[0]);
    expect(summary).toEqual({
      id: plan.id,
      department: plan.department,
      industry: 'food_drug',
      region: '500110',
      period: plan.period,
      seed: plan.seed,
      tiers: plan.tiers,
      items: plan.items.length,
      results: 0,
      caller: expect.any(String),
      createdAt: plan.createdAt,
    });
  });

  it('counts recorded results', async () => {
    const plan = (await http<Plan>(t.url, 'GET', `/api/v1/inspection-plans/${ids[1]}`)).body;
    const item = plan.items.find((i) => i.subject.kind !== 'natural_person')!;
    const rec = await http(t.url, 'POST', `/api/v1/inspection-plans/${ids[1]}/items/${item.id}/result`, {
      result: 'passed',
      date: '2026-11-20',
    });
    expect(rec.status).toBe(201);
    const res = await http<PlanPage>(t.url, 'GET', '/api/v1/inspection-plans?industry=construction&limit=100');
    expect(res.body.items.find((p) => p.id === ids[1])!.results).toBe(1);
  });

  it('filters by industry', async () => {
    const res = await http<PlanPage>(t.url, 'GET', '/api/v1/inspection-plans?industry=construction&limit=100');
    expect(res.status).toBe(200);
    expect(res.body.items.every((p) => p.industry === 'construction')).toBe(true);
    const listed = res.body.items.map((p) => p.id);
    expect(listed).toContain(ids[1]);
    expect(listed).not.toContain(ids[0]);
  });

  it('pages with nextCursor through every plan once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await http(
        t.url,
        'GET',
        `/api/v1/inspection-plans?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...res.body.items.map((p) => p.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => ids.includes(id))).toEqual([...ids].reverse());
  });

  it.each([
    ['industry=banking', 'industry'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await http<ProblemDetails>(t.url, 'GET', `/api/v1/inspection-plans?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toContain(field);
  });

  it('needs the inspections scope', async () => {
    const key = await t.createKey({ scopes: ['tiers'] });
    expect((await httpAs(key, t.url, 'GET', '/api/v1/inspection-plans')).status).toBe(403);
    const ok = await t.createKey({ scopes: ['inspections'] });
    expect((await httpAs(ok, t.url, 'GET', '/api/v1/inspection-plans')).status).toBe(200);
  });
});
