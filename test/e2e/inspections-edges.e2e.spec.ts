import { randomInt, randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import type { ProblemDetails } from '../../src/common/problem';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { http, startTestApp, TestApp } from '../helpers/app';
import { DataSource } from 'typeorm';
import { idNumber, uscc, wrongCheck } from '../helpers/identifiers';

interface Item {
  id: string;
  subject: { id: string };
  reason: string;
  inspectors: Array<{ id: string }>;
  result: unknown;
}
interface Plan {
  id: string;
  items: Item[];
}

/** Edges of inspection plans a supervisor hits: results outside the plan, identifiers as typed, hostile text. */
describe('inspection plans: edges', () => {
  let t: TestApp;
  const region = `95${String(randomInt(10_000)).padStart(4, '0')}`;
  const subjects: Array<{ id: string; code: string }> = [];
  const inspectors = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `E-${i + 1}`,
      name: `检查员${i + 1}`,
      department: '綦江区市场监督管理局',
      conflicts: [] as string[],
    }));
  const body = (extra: Record<string, unknown> = {}) => ({
    department: '綦江区市场监督管理局',
    industry: 'food_drug',
    region,
    period: { from: '2026-11-01', to: '2026-11-15' },
    inspectors: inspectors(4),
    ...extra,
  });
  const plan = async (extra: Record<string, unknown> = {}) => {
    const res = await http<Plan>(t.url, 'POST', '/api/v1/inspection-plans', body(extra));
    expect(res.status).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    // Three subjects with a serious food-safety penalty: tier C, drawn at 100%.
    for (let i = 0; i < 3; i++) {
      const code = uscc();
      const res = await http<{ id: string }>(t.url, 'POST', '/api/v1/subjects', {
        kind: 'legal_person',
        code,
        name: `綦江边界测试食品有限公司${i}`,
        region,
        registeredOn: '2015-03-01',
      });
      expect(res.status).toBe(201);
      subjects.push({ id: res.body.id, code });
      const rec = await http(t.url, 'POST', '/api/v1/records', {
        type: 'penalty',
        source: `edges-${randomUUID().slice(0, 8)}`,
        decisionNumber: `綦市监罚〔2026〕${randomInt(1e9)}号`,
        subjectName: `綦江边界测试食品有限公司${i}`,
        subjectCode: code,
        industry: 'food_drug',
        sector: 'food',
        severity: 'serious',
        penaltyTypes: ['fine'],
        fineAmount: 2,
        decisionDate: '2026-10-01',
      });
      expect(rec.status).toBe(201);
    }
    const tiering = t.app.get(TieringService);
    await tiering.idle();
    await tiering.recompute(
      subjects.map((s) => s.id),
      { trigger: 'test' },
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a result dated after the plan period, and stores nothing', async () => {
    const p = await plan();
    const item = p.items[0];
    const path = `/api/v1/inspection-plans/${p.id}/items/${item.id}/result`;
    const late = await http<ProblemDetails>(t.url, 'POST', path, { result: 'passed', date: '2026-11-20' }); // after 11-15, before today (11-28)
    expect(late.status).toBe(400);
    expect(late.body.errors?.[0].field).toBe('date');
    const again = await http<Plan>(t.url, 'GET', `/api/v1/inspection-plans/${p.id}`);
    expect(again.body.items.find((i) => i.id === item.id)!.result).toBeNull();
    expect((await http(t.url, 'POST', path, { result: 'passed', date: '2026-11-15' })).status).toBe(201);
  });

  it('reads conflicts (回避) and leads typed in full width as the codes they are', async () => {
    const fullWidth = (code: string) => code.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const pool = inspectors(4);
    pool[0].conflicts = [fullWidth(subjects[0].code)];
    pool[1].conflicts = [` ${fullWidth(subjects[0].code).toLowerCase()} `];
    const p = await plan({ inspectors: pool, seed: randomUUID(), leads: [fullWidth(subjects[1].code)] });
    const item = p.items.find((i) => i.subject.id === subjects[0].id);
    expect(item?.inspectors.map((i) => i.id).sort()).toEqual(['E-3', 'E-4']);
    expect(p.items.find((i) => i.subject.id === subjects[1].id)?.reason).toBe('lead');
  });

  it('text PostgreSQL cannot store (NUL, an unpaired surrogate) is a 400 naming the field, not a 500, and stores nothing', async () => {
    const withInspector = (field: 'id' | 'name' | 'department', v: string) => ({
      inspectors: inspectors(4).map((i, at) => (at === 1 ? { ...i, [field]: v } : i)),
    });
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ seed: 'qijiang\u0000' }, /seed/],
      [{ seed: 'qijiang\uD800' }, /seed/],
      [{ department: '綦江\u0000' }, /department/],
      [withInspector('id', 'E-9\uDC00'), /inspectors.*1.*id/],
      [withInspector('name', '张\u0000伟'), /inspectors.*1.*name/],
      [withInspector('department', '\uD800綦江'), /inspectors.*1.*department/],
    ];
    for (const [extra, field] of cases) {
      const res = await http<ProblemDetails>(t.url, 'POST', '/api/v1/inspection-plans', body(extra));
      expect({ extra, status: res.status }).toEqual({ extra, status: 400 });
      expect(res.body.errors?.map((e) => e.field).join(' ')).toMatch(field);
    }
    const p = await plan();
    const item = p.items[1];
    for (const findings of ['冷藏柜\u0000温度', '冷藏柜\uDBFF温度']) {
      const res = await http<ProblemDetails>(
        t.url,
        'POST',
        `/api/v1/inspection-plans/${p.id}/items/${item.id}/result`,
        {
          result: 'failed',
          date: '2026-11-10',
          findings,
        },
      );
      expect({ findings, status: res.status }).toEqual({ findings, status: 400 });
      expect(res.body.errors?.[0].field).toBe('findings');
    }
    const again = await http<Plan>(t.url, 'GET', `/api/v1/inspection-plans/${p.id}`);
    expect(again.body.items.find((i) => i.id === item.id)!.result).toBeNull();
  });

  it('a natural person: masked in the plan and its exports; a malformed ID number for the result is a 400 on subjectIdNumber', async () => {
    const id = idNumber();
    const person = await http<{ id: string }>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'natural_person',
      idNumber: id,
      name: '王小明',
      region,
    });
    expect(person.status).toBe(201);
    // No bundled pack tiers natural persons yet: give this one a stored food tier D (drawn at 100%), as a pack would.
    await t.app.get(DataSource).query(
      `INSERT INTO credit_tiers (subject_id, industry, tier, score, pack_id, pack_version, pack_hash, fired, facts, inspection_policy, as_of, fingerprint)
       SELECT $1, industry, 'D', 0, pack_id, pack_version, pack_hash, '[]', facts, '{"samplingRatio": 1, "minInspectionsPerYear": 3, "keyItemsFull": true}', as_of, fingerprint
       FROM credit_tiers WHERE subject_id = $2 AND industry = 'food_drug'`,
      [person.body.id, subjects[0].id],
    );
    const p = await plan();
    const item = p.items.find((i) => i.subject.id === person.body.id) as Item & {
      subject: { name: string; idMasked: string };
    };
    expect(item.subject).toMatchObject({ name: '王**', idMasked: `${id.slice(0, 6)}********${id.slice(14)}` });
    const json = await http(t.url, 'GET', `/api/v1/inspection-plans/${p.id}/export?format=json`);
    const csv = await http(t.url, 'GET', `/api/v1/inspection-plans/${p.id}/export?format=csv`);
    for (const text of [JSON.stringify(json.body), String(csv.body)]) {
      expect(text).toContain('王**');
      expect(text).not.toContain('王小明');
      expect(text).not.toContain(id);
    }
    const path = `/api/v1/inspection-plans/${p.id}/items/${item.id}/result`;
    for (const bad of [wrongCheck(id, '0123456789X'), '12345']) {
      const res = await http<ProblemDetails>(t.url, 'POST', path, {
        result: 'passed',
        date: '2026-11-10',
        subjectIdNumber: bad,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field)).toEqual(['subjectIdNumber']);
      expect(JSON.stringify(res.body)).not.toContain(bad);
    }
    const ok = await http(t.url, 'POST', path, { result: 'passed', date: '2026-11-10', subjectIdNumber: id });
    expect(ok.status).toBe(201);
    expect(JSON.stringify(ok.body)).not.toContain(id);
  });
});
