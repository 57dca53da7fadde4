import { randomInt, randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { drawInspectionPlan, type DrawInput } from '../../src/rules/draw';
import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

interface Item {
  id: string;
  subject: { id: string };
  tier: string;
  reason: string;
  inspectors: Array<{ id: string }>;
  result?: unknown;
}
/** A drawn plan as these tests read it. */
interface Plan {
  id: string;
  inputsHash: string;
  items: Item[];
  tiers: Array<{ tier: string }>;
  packVersions: Record<string, string>;
}
/** The answer to a recorded inspection result. */
interface ResultAnswer {
  subjectId: string;
  result: string;
  date: string;
  recordId: string;
}
interface Statistics {
  tiers: Array<{ tier: string; subjects: number }>;
  neverInspected: { count: number; sample: string[] };
}
const project = (items: Item[]) =>
  items.map((i) => ({
    subject: i.subject.id,
    tier: i.tier,
    reason: i.reason,
    inspectors: i.inspectors.map((x) => x.id),
  }));

describe('inspection plans (双随机、一公开) over HTTP', () => {
  let t: TestApp;
  let tiering: TieringService;
  const region = `97${String(randomInt(10_000)).padStart(4, '0')}`;
  const source = `inspections-test-${randomUUID().slice(0, 8)}`;
  const subjects: Array<{ id: string; code: string }> = [];
  let bad: Array<{ id: string; code: string }>;
  let good: Array<{ id: string; code: string }>;
  const inspectors = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `QJ-${i + 1}`,
      name: `检查员${i + 1}`,
      department: '綦江区市场监督管理局',
      conflicts: [] as string[],
    }));
  const body = (extra: Record<string, unknown> = {}) => ({
    department: '綦江区市场监督管理局',
    industry: 'food_drug',
    region,
    period: { from: '2026-11-01', to: '2026-12-31' },
    inspectors: inspectors(4),
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    tiering = t.app.get(TieringService);
    for (let i = 0; i < 8; i++) {
      const code = uscc();
      const res = await http<{ id: string }>(t.url, 'POST', '/api/v1/subjects', {
        kind: 'legal_person',
        code,
        name: `綦江抽查测试食品有限公司${code.slice(-4)}`,
        region,
        registeredOn: '2015-03-01',
      });
      expect(res.status).toBe(201);
      subjects.push({ id: res.body.id, code });
    }
    bad = subjects.slice(0, 3);
    good = subjects.slice(3);
    for (const s of bad) {
      const res = await http(t.url, 'POST', '/api/v1/records', {
        type: 'penalty',
        source,
        decisionNumber: `綦市监罚〔2026〕${randomInt(1e9)}号`,
        subjectName: '綦江抽查测试食品有限公司',
        subjectCode: s.code,
        industry: 'food_drug',
        sector: 'food',
        severity: 'serious',
        penaltyTypes: ['fine'],
        fineAmount: 2,
        decisionDate: '2026-10-01',
      });
      expect(res.status).toBe(201);
    }
    // A food business with its licence has a history in the industry: no records at all would be the pack's
    // default B, never A (issue 14).
    for (const s of good) {
      const res = await http(t.url, 'POST', '/api/v1/records', {
        type: 'licence',
        source,
        decisionNumber: `JY${randomInt(1e9)}`,
        subjectName: '綦江抽查测试食品有限公司',
        subjectCode: s.code,
        industry: 'food_drug',
        decisionDate: '2025-01-05',
        validUntil: '2030-01-05',
      });
      expect(res.status).toBe(201);
    }
    await tiering.idle();
    await tiering.recompute(
      subjects.map((s) => s.id),
      { trigger: 'test' },
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('draws per tier from the current tiers: same inputs and seed give the same plan, published so that anyone can re-run it', async () => {
    const a = await http<Plan>(
      t.url,
      'POST',
      '/api/v1/inspection-plans',
      body({ seed: 'qijiang-2026-12', leads: [good[0].code] }),
    );
    expect(a.status).toBe(201);
    const b = await http<Plan>(
      t.url,
      'POST',
      '/api/v1/inspection-plans',
      body({ seed: 'qijiang-2026-12', leads: [good[0].code] }),
    );
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body.inputsHash).toBe(a.body.inputsHash);
    expect(project(b.body.items)).toEqual(project(a.body.items));
    const tiers = Object.fromEntries(a.body.tiers.map((x) => [x.tier, x]));
    expect(tiers.A).toMatchObject({ population: 5, samplingRatio: 0.02, lead: 1 });
    expect(tiers.C).toMatchObject({ population: 3, drawn: 3 });
    const reasons = Object.fromEntries(a.body.items.map((i) => [i.subject.id, i.reason]));
    expect(reasons[good[0].id]).toBe('lead');
    for (const s of bad) expect(reasons[s.id]).toBeDefined();
    expect(a.body.packVersions.food_drug).toMatch(/^\d+\.\d+\.\d+/);

    const exported = await http<{ inputs: unknown }>(
      t.url,
      'GET',
      `/api/v1/inspection-plans/${a.body.id}/export?format=json`,
    );
    expect(exported.status).toBe(200);
    const rerun = drawInspectionPlan(exported.body.inputs as DrawInput);
    expect(
      rerun.items.map((i) => ({ subject: i.subjectId, tier: i.tier, reason: i.reason, inspectors: [...i.inspectors] })),
    ).toEqual(project(a.body.items));
    const csv = await http<string>(t.url, 'GET', `/api/v1/inspection-plans/${a.body.id}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(String(csv.body).split('\r\n').filter(Boolean)).toHaveLength(a.body.items.length + 1);
  });

  it('never pairs an inspector with a subject it conflicts with (by id or by code)', async () => {
    const pool = inspectors(4);
    pool[0].conflicts = [bad[0].code];
    pool[1].conflicts = [bad[0].id];
    const res = await http<Plan>(
      t.url,
      'POST',
      '/api/v1/inspection-plans',
      body({ inspectors: pool, seed: randomUUID() }),
    );
    expect(res.status).toBe(201);
    const item = res.body.items.find((i) => i.subject.id === bad[0].id);
    expect(item?.inspectors.map((i) => i.id).sort()).toEqual(['QJ-3', 'QJ-4']);
  });

  it('refuses an impossible request with a problem naming what is short', async () => {
    const pool = inspectors(3);
    pool[0].conflicts = [bad[1].code];
    pool[2].conflicts = [bad[1].code];
    const res = await http<ProblemDetails>(t.url, 'POST', '/api/v1/inspection-plans', body({ inspectors: pool }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'INSPECTION_SUBJECT_UNSTAFFABLE',
      subjectId: bad[1].id,
      eligible: 1,
      needed: 2,
    });
    expect(res.body.detail).toContain(bad[1].id);
    const one = await http<ProblemDetails>(
      t.url,
      'POST',
      '/api/v1/inspection-plans',
      body({ inspectors: inspectors(1) }),
    );
    expect(one.status).toBe(422);
    expect(one.body).toMatchObject({ code: 'INSPECTION_TOO_FEW_INSPECTORS', eligible: 1, needed: 2 });
    const empty = await http(
      t.url,
      'POST',
      '/api/v1/inspection-plans',
      body({ region: '979999' === region ? '979998' : '979999' }),
    );
    expect(empty.status).toBe(422);
    const badPeriod = await http<ProblemDetails>(
      t.url,
      'POST',
      '/api/v1/inspection-plans',
      body({ period: { from: '2026-12-31', to: '2026-12-01' } }),
    );
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.errors?.[0].field).toBe('period.to');
    const tiersOnly = await t.createKey({ scopes: ['tiers'] });
    expect((await httpAs(tiersOnly, t.url, 'POST', '/api/v1/inspection-plans', body())).status).toBe(403);
  });

  it('a failed inspection is filed as a credit record: the next tiering lowers the tier, with the reason', async () => {
    const target = good[1];
    const plan = await http<Plan>(t.url, 'POST', '/api/v1/inspection-plans', body({ leads: [target.id] }));
    expect(plan.status).toBe(201);
    const item = plan.body.items.find((i) => i.subject.id === target.id);
    expect(item?.reason).toBe('lead');
    const path = `/api/v1/inspection-plans/${plan.body.id}/items/${item?.id}/result`;
    const res = await http<ResultAnswer>(t.url, 'POST', path, {
      result: 'failed',
      date: '2026-11-20',
      findings: '冷藏柜温度记录缺失',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ subjectId: target.id, result: 'failed', recordId: expect.any(String) });
    expect((await http(t.url, 'POST', path, { result: 'passed', date: '2026-11-21' })).status).toBe(409);
    await tiering.idle();

    const tiers = await http<Dto<'SubjectTiersDto'>>(t.url, 'GET', `/api/v1/subjects/${target.id}/tiers`);
    const food = tiers.body.tiers.find((x) => x.industry === 'food_drug');
    expect(food?.tier).toBe('B');
    expect(food?.fired.map((f) => f.rule)).toContain('food-inspection-failure');
    const audit = await http<{ items: { response: unknown }[] }>(
      t.url,
      'GET',
      `/api/v1/audit/entries?kind=inspection.result&subjectId=${target.id}`,
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].response).toMatchObject({ itemId: item?.id, result: 'failed' });
    const again = await http<Plan>(t.url, 'GET', `/api/v1/inspection-plans/${plan.body.id}`);
    expect(again.body.items.find((i) => i.id === item?.id)!.result).toMatchObject({
      result: 'failed',
      date: '2026-11-20',
    });
  });

  it('statistics: tier distribution, planned share against the promised ratio, subjects never inspected', async () => {
    const res = await http<Statistics>(
      t.url,
      'GET',
      `/api/v1/inspections/statistics?industry=food_drug&region=${region}`,
    );
    expect(res.status).toBe(200);
    const tiers = Object.fromEntries(res.body.tiers.map((x) => [x.tier, x]));
    expect(Object.values(tiers).reduce((n, x) => n + x.subjects, 0)).toBe(subjects.length);
    expect(tiers.C).toMatchObject({ subjects: 3, samplingRatio: 1, planned: 3, plannedShare: 1 });
    expect(tiers.B).toMatchObject({ subjects: 1, planned: 1, inspected: 1 }); // the subject whose inspection failed
    expect(res.body.neverInspected.count).toBe(subjects.length - 1);
    expect(res.body.neverInspected.sample).not.toContain(good[1].id);
    expect((await http(t.url, 'GET', '/api/v1/inspections/statistics?industry=nope')).status).toBe(400);
  });

  it('two results sent at once for one item: one is recorded, the other refused, and the credit record agrees', async () => {
    const target = good[2];
    const plan = await http<Plan>(t.url, 'POST', '/api/v1/inspection-plans', body({ leads: [target.id] }));
    const item = plan.body.items.find((i) => i.subject.id === target.id);
    const path = `/api/v1/inspection-plans/${plan.body.id}/items/${item?.id}/result`;
    const [a, b] = await Promise.all([
      http<ResultAnswer>(t.url, 'POST', path, { result: 'passed', date: '2026-11-21' }),
      http<ResultAnswer>(t.url, 'POST', path, { result: 'failed', date: '2026-11-22' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const winner = a.status === 201 ? a.body : b.body;
    const record = await http<unknown>(t.url, 'GET', `/api/v1/records/${winner.recordId}`);
    expect(record.body).toMatchObject({
      type: 'inspection',
      inspectionResult: winner.result,
      decisionDate: winner.date,
    });
  });

  it('inspections recorded in plans count toward the frequency even when they change no tier', async () => {
    const target = bad[2]; // C: at least 2 inspections a year
    for (const date of ['2026-11-10', '2026-11-12']) {
      const plan = await http<Plan>(t.url, 'POST', '/api/v1/inspection-plans', body());
      const item = plan.body.items.find((i) => i.subject.id === target.id);
      expect(item?.reason).toBe('due');
      expect(
        (
          await http(t.url, 'POST', `/api/v1/inspection-plans/${plan.body.id}/items/${item?.id}/result`, {
            result: 'passed',
            date,
          })
        ).status,
      ).toBe(201);
    }
    await tiering.idle();
    const next = await http<Plan>(t.url, 'POST', '/api/v1/inspection-plans', body());
    const reasons = Object.fromEntries(next.body.items.map((i) => [i.subject.id, i.reason]));
    expect(reasons[target.id]).toBe('ratio'); // C draws 100%, no longer as due
    expect(reasons[bad[0].id]).toBe('due');
  });
});
