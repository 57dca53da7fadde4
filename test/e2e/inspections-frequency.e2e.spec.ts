import { randomInt, randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { http, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

interface Item {
  subject: { id: string };
  tier: string;
  reason: string;
  onSite: boolean;
}
/** What these tests read of a drawn plan. */
interface Plan {
  items: Item[];
  tiers: Array<{ tier: string }>;
}

/**
 * Inspection frequency (检查频次) of a tier, judged against the inspections of the plan's industry: a
 * food-safety frequency is not met by a fire inspection. Today is pinned at 2026-11-28.
 */
describe('inspection plans: due by frequency', () => {
  let t: TestApp;
  const region = `94${String(randomInt(10_000)).padStart(4, '0')}`;
  const source = `frequency-test-${randomUUID().slice(0, 8)}`;
  const subject: Record<string, string> = {};
  const body = (extra: Record<string, unknown> = {}) => ({
    department: '綦江区市场监督管理局',
    industry: 'food_drug',
    region,
    period: { from: '2026-12-01', to: '2026-12-31' },
    inspectors: Array.from({ length: 4 }, (_, i) => ({
      id: `F-${i + 1}`,
      name: `检查员${i + 1}`,
      department: '綦江区市场监督管理局',
    })),
    ...extra,
  });
  const inspection = (name: string, industry: string, decisionDate: string) =>
    http(t.url, 'POST', '/api/v1/records', {
      type: 'inspection',
      source,
      decisionNumber: `检查-${randomUUID()}`,
      subjectName: name,
      subjectCode: subject[name],
      industry,
      inspectionResult: 'passed',
      decisionDate,
    });

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    // 新店: a restaurant (正餐服务, industry code H6210: the food pack's member) in business since June (food tier B:
    // at least once a year), inspected by the fire service only.
    // 老店, 近查, 久查: tier A (once in two years, 令第49号's floor): never inspected, inspected 18 and 26 months ago.
    // The other three are food members by their food records (a licence, inspections).
    for (const [name, registeredOn, industryCode] of [
      ['新店', '2026-06-01', 'H6210'],
      ['老店', '2015-03-01', undefined],
      ['近查', '2015-03-01', undefined],
      ['久查', '2015-03-01', undefined],
    ] as const) {
      const code = uscc();
      const res = await http<{ id: string }>(t.url, 'POST', '/api/v1/subjects', {
        kind: 'legal_person',
        code,
        name: `綦江频次测试${name}`,
        region,
        registeredOn,
        ...(industryCode === undefined ? {} : { industryCode }),
      });
      expect(res.status).toBe(201);
      subject[name] = code;
      subject[`${name}:id`] = res.body.id;
    }
    expect((await inspection('新店', 'fire_safety', '2026-10-01')).status).toBe(201);
    expect((await inspection('近查', 'food_drug', '2025-05-20')).status).toBe(201);
    expect((await inspection('久查', 'food_drug', '2024-09-20')).status).toBe(201);
    // 老店 holds a food licence: a history in the industry (a subject without any record is the default B, issue 14).
    const licence = await http(t.url, 'POST', '/api/v1/records', {
      type: 'licence',
      source,
      decisionNumber: `JY-${randomUUID()}`,
      subjectName: '老店',
      subjectCode: subject['老店'],
      industry: 'food_drug',
      decisionDate: '2015-03-10',
    });
    expect(licence.status).toBe(201);
    const tiering = t.app.get(TieringService);
    await tiering.idle();
    await tiering.recompute(
      Object.keys(subject)
        .filter((k) => k.endsWith(':id'))
        .map((k) => subject[k]),
      { trigger: 'test' },
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it("counts only the plan industry's inspections: a fire inspection does not meet a food-safety frequency", async () => {
    const plan = await http<Plan>(t.url, 'POST', '/api/v1/inspection-plans', body({ seed: 'frequency' }));
    expect(plan.status).toBe(201);
    const item = plan.body.items.find((i) => i.subject.id === subject['新店:id']);
    expect(item).toMatchObject({ tier: 'B', reason: 'due' });

    const stats = await http<{ neverInspected: { sample: string[] } }>(
      t.url,
      'GET',
      `/api/v1/inspections/statistics?industry=food_drug&region=${region}`,
    );
    expect(stats.body.neverInspected.sample).toContain(subject['新店:id']);
  });

  it('judges a frequency below once a year: tier A (once in two years) is due without an inspection of the industry in 24 months', async () => {
    const plan = await http<Plan>(t.url, 'POST', '/api/v1/inspection-plans', body({ seed: 'frequency-a' }));
    expect(plan.status).toBe(201);
    const a = plan.body.tiers.find((x) => x.tier === 'A');
    expect(a).toMatchObject({ population: 3, target: 0, due: 2, drawn: 2 });
    const items = new Map(plan.body.items.map((i) => [i.subject.id, i]));
    for (const name of ['老店', '久查'])
      expect(items.get(subject[`${name}:id`])).toMatchObject({ tier: 'A', reason: 'due', onSite: false });
    expect(items.has(subject['近查:id'])).toBe(false);
  });
});
