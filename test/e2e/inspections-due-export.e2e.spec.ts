import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { Clock } from '../../src/common/clock';
import { DemoService } from '../../src/modules/demo/demo.service';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';

interface Plan {
  id: string;
  items: { id: string; subject: { kind: string } }[];
}

/**
 * GET /api/v1/inspections/due (plan items with no result yet, soonest period end first, overdue flagged)
 * and the Excel export of a plan (format=xlsx), read back with exceljs and compared cell by cell with the
 * CSV export. Other files draw plans in the same database: assertions look at this file's department.
 */
describe('inspections due and the Excel export', () => {
  let t: TestApp;
  const department = `待检测试-${randomUUID().slice(0, 8)}`;
  const plans: Plan[] = [];
  const draw = async (from: string, to: string, n: number) => {
    const res = await http<Plan>(t.url, 'POST', '/api/v1/inspection-plans', {
      department,
      industry: 'food_drug',
      region: '500110',
      period: { from, to },
      seed: `due-${department}-${n}`,
      inspectors: [1, 2, 3, 4].map((i) => ({ id: `D-${i}`, name: `检查员${i}`, department: '綦江区市场监督管理局' })),
    });
    expect(res.status).toBe(201);
    plans.push(res.body);
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    await t.app.get(DemoService).load(40);
    await draw('2026-12-01', '2026-12-31', 0);
    await draw('2026-10-01', '2026-11-15', 1); // ended before today: overdue
  });
  afterAll(async () => {
    t.app.get(Clock).pin(null);
    await t.close();
  });

  const due = (query = '') =>
    http<Dto<'DueInspectionsDto'>>(
      t.url,
      'GET',
      `/api/v1/inspections/due?department=${encodeURIComponent(department)}${query}`,
    );

  it('lists the items with no result, overdue plan first, with subject and inspectors', async () => {
    const res = await due('&limit=100');
    expect(res.status).toBe(200);
    const [dec, oct] = plans;
    expect(res.body.today).toBe('2026-11-28');
    expect(res.body.total).toBe(dec.items.length + oct.items.length);
    expect(res.body.overdue).toBe(oct.items.length);
    const items = res.body.items;
    // The first page (at most 100): the October plan's items in their order, then December's. Other files
    // load demo subjects into the same database, so a plan may hold more than a page.
    expect(items.map((i) => i.itemId)).toEqual([...oct.items, ...dec.items].map((i) => i.id).slice(0, 100));
    for (const [n, i] of items.entries())
      expect([i.planId, i.overdue]).toEqual(n < oct.items.length ? [oct.id, true] : [dec.id, false]);
    const first = items[0];
    expect(first.inspectors.length).toBeGreaterThan(0);
    for (const ins of first.inspectors) expect(ins.name).toMatch(/^检查员\d$/);
    for (const i of items)
      if (i.subject.kind === 'natural_person') {
        expect(i.subject.code).toBeNull();
        expect(i.subject.idMasked).toMatch(/\*{8}/);
      }
  });

  it('drops an item once its result is recorded', async () => {
    const oct = plans[1];
    const item = oct.items.find((i) => i.subject.kind !== 'natural_person')!;
    expect((await due('&limit=100')).body.items.map((i) => i.itemId)).toContain(item.id);
    const rec = await http(t.url, 'POST', `/api/v1/inspection-plans/${oct.id}/items/${item.id}/result`, {
      result: 'passed',
      date: '2026-11-10',
    });
    expect(rec.status).toBe(201);
    const res = await due('&limit=100');
    expect(res.body.items.map((i) => i.itemId)).not.toContain(item.id);
    expect(res.body.total).toBe(plans[0].items.length + plans[1].items.length - 1);
    expect((await due('&limit=1')).body.items).toHaveLength(1);
  });

  it('refuses bad input naming the field, and keys without inspections', async () => {
    for (const [q, field] of [
      ['industry=mining', 'industry'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
    ]) {
      const res = await http<ProblemDetails>(t.url, 'GET', `/api/v1/inspections/due?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field)).toContain(field);
    }
    const key = await t.createKey({ scopes: ['tiers'] });
    expect((await httpAs(key, t.url, 'GET', '/api/v1/inspections/due')).status).toBe(403);
  });

  it('exports a plan as Excel with Chinese column titles and the same rows as the CSV', async () => {
    const plan = plans[1]; // with the result recorded above
    const csv = await http(t.url, 'GET', `/api/v1/inspection-plans/${plan.id}/export?format=csv`);
    expect(csv.status).toBe(200);
    const csvRows: string[][] = parse(String(csv.body).replace(/^\uFEFF/, ''));
    const res = await fetch(`${t.url}/api/v1/inspection-plans/${plan.id}/export?format=xlsx`, {
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(`inspection-plan-${plan.id}.xlsx`);
    const book = new Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('抽查名单')!;
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(
        Array.from({ length: csvRows[0].length }, (_, i) =>
          values[i] === null || values[i] === undefined ? '' : String(values[i] as string | number | boolean | Date),
        ),
      );
    });
    expect(rows[0]).toEqual([
      '序号',
      '主体ID',
      '主体名称',
      '统一社会信用代码',
      '身份证号（脱敏）',
      '信用等级',
      '抽取原因',
      '检查人员1',
      '检查人员2',
      '现场检查',
      '重点项目全查',
      '检查结果',
      '结果日期',
    ]);
    expect(rows.slice(1)).toEqual(csvRows.slice(1));
    expect(rows.length).toBe(plan.items.length + 1);
    expect(rows.slice(1).some((r) => r[11] === 'passed')).toBe(true);
    expect(book.getWorksheet('计划信息')!.getCell('B2').value).toBe(department);
  });

  it('refuses an unknown format naming it', async () => {
    const res = await http<ProblemDetails>(t.url, 'GET', `/api/v1/inspection-plans/${plans[0].id}/export?format=ods`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toContain('format');
  });
});
