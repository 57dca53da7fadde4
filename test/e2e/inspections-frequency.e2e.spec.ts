import { randomInt, randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { http, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

interface Item { subject: { id: string }; tier: string; reason: string }

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
    department: '綦江区市场监督管理局', industry: 'food_drug', region, period: { from: '2026-12-01', to: '2026-12-31' },
    inspectors: Array.from({ length: 4 }, (_, i) => ({ id: `F-${i + 1}`, name: `检查员${i + 1}`, department: '綦江区市场监督管理局' })), ...extra,
  });
  const inspection = (name: string, industry: string, decisionDate: string) =>
    http(t.url, 'POST', '/api/v1/records', {
      type: 'inspection', source, decisionNumber: `检查-${randomUUID()}`, subjectName: name, subjectCode: subject[name], industry, inspectionResult: 'passed', decisionDate,
    });

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    // 新店: in business since June (food tier B: at least once a year), inspected by the fire service only.
    for (const [name, registeredOn] of [['新店', '2026-06-01']] as const) {
      const code = uscc();
      const res = await http(t.url, 'POST', '/api/v1/subjects', { kind: 'legal_person', code, name: `綦江频次测试${name}`, region, registeredOn });
      expect(res.status).toBe(201);
      subject[name] = code;
      subject[`${name}:id`] = res.body.id;
    }
    expect((await inspection('新店', 'fire_safety', '2026-10-01')).status).toBe(201);
    const tiering = t.app.get(TieringService);
    await tiering.idle();
    await tiering.recompute(Object.keys(subject).filter((k) => k.endsWith(':id')).map((k) => subject[k]), { trigger: 'test' });
  });
  afterAll(async () => {
    await t.close();
  });

  it("counts only the plan industry's inspections: a fire inspection does not meet a food-safety frequency", async () => {
    const plan = await http(t.url, 'POST', '/api/v1/inspection-plans', body({ seed: 'frequency' }));
    expect(plan.status).toBe(201);
    const item = (plan.body.items as Item[]).find((i) => i.subject.id === subject['新店:id']);
    expect(item).toMatchObject({ tier: 'B', reason: 'due' });

    const stats = await http(t.url, 'GET', `/api/v1/inspections/statistics?industry=food_drug&region=${region}`);
    expect(stats.body.neverInspected.sample).toContain(subject['新店:id']);
  });
});
