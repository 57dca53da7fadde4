import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import type { Dto } from '../helpers/api-types';
import { http, startTestApp, type TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

interface Report {
  totals: { rows: number; stored: number; unchanged: number; refused: number };
  rows: Array<{ row: number; status: string; errors?: Array<{ field: string; reason: string }> }>;
}

/**
 * Issue 18, point 2: the public credit comprehensive evaluation (公共信用综合评价) as a cross-industry base. On PostgreSQL:
 * a rating delivered by the municipal platform (信用中国（重庆）) is imported as a CSV with Chinese headers, stored as a
 * `public_credit` record (the migration admits the type and requires its grade), derived as the cross-industry
 * fact `publicCreditGrade` (the latest rating stands), read by the ip pack's `ip-public-credit-low` rule (发改办财金〔2019〕885号 二: the
 * national result is the basic basis of graded supervision; the deduction a local parameter) and shown in the credit report's 信用评价结果信息. A
 * rating without its grade is refused, naming the field. The clock is pinned.
 */
describe('public credit comprehensive evaluation (公共信用综合评价) records over HTTP', () => {
  let t: TestApp;
  let db: DataSource;
  let tiering: TieringService;
  const run = randomUUID().slice(0, 8);
  const platform = `信用中国（重庆）-${run}`;

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    tiering = t.app.get(TieringService);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  const importCsv = async (csv: string) => {
    const res = await fetch(`${t.url}/api/v1/records/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'text/csv; charset=utf-8' },
      body: csv,
    });
    return { status: res.status, body: (await res.json()) as Report };
  };
  const tiers = async (id: string) => {
    const res = await http<Dto<'SubjectTiersDto'>>(t.url, 'GET', `/api/v1/subjects/${id}/tiers`);
    expect(res.status).toBe(200);
    return Object.fromEntries(res.body.tiers.map((x) => [x.industry, x]));
  };

  it('imports a rating from the platform as CSV, derives publicCreditGrade, lowers the ip tier and shows it in the credit report', async () => {
    const code = uscc();
    const name = `重庆评价测试专利代理有限公司${run}`;
    const made = await http<Dto<'SubjectResponse'>>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name,
      registeredOn: '2014-03-01',
      industryCode: 'M7520',
    });
    expect(made.status).toBe(201);
    const id = made.body.id;
    await tiering.idle();
    // A member by code only: no IP records, the local default B.
    expect((await tiers(id)).ip).toMatchObject({ tier: 'B', score: 100, fired: [{ rule: 'ip-no-history' }] });
    expect((await tiers(id)).ip.facts.publicCreditGrade).toBeNull();

    // Two yearly ratings, as the platform exports them (Chinese headers); the later one (D) stands.
    const csv = [
      '行政相对人名称,统一社会信用代码,type,decisionNumber,公共信用综合评价结果,评价日期,数据来源单位',
      `${name},${code},public_credit,GGXYPJ-2025-${run},A,2025-01-15,${platform}`,
      `${name},${code},public_credit,GGXYPJ-2026-${run},D,2026-01-15,${platform}`,
    ].join('\n');
    const imported = await importCsv(csv);
    expect(imported.status).toBe(200);
    expect(imported.body.totals).toMatchObject({ rows: 2, stored: 2, refused: 0 });
    await tiering.idle();
    const stored = await db.query<Array<{ type: string; public_credit_grade: string; industry: string }>>(
      `SELECT type, public_credit_grade, industry FROM credit_records WHERE source = $1 ORDER BY decision_date`,
      [platform],
    );
    expect(stored).toEqual([
      { type: 'public_credit', public_credit_grade: 'A', industry: 'general' },
      { type: 'public_credit', public_credit_grade: 'D', industry: 'general' },
    ]);

    const got = await tiers(id);
    // The fact is cross-industry: the tax tier sees it too (its pack does not read it).
    expect(got.tax.facts.publicCreditGrade).toBe('D');
    const ip = got.ip;
    expect(ip.facts.publicCreditGrade).toBe('D');
    expect(ip).toMatchObject({ tier: 'B', score: 90 });
    const low = ip.fired.find((f) => f.rule === 'ip-public-credit-low')!;
    expect(low).toMatchObject({ type: 'score', points: -10 });
    expect(low.reasonZh).toContain('公共信用综合评价');
    expect(low.legalBasis).toMatchObject({
      source: 'ndrc-2019-885',
      documentNumber: '发改办财金〔2019〕885号',
      article: '二',
      status: 'verified',
    });

    // Re-importing the same file changes nothing.
    expect((await importCsv(csv)).body.totals).toMatchObject({ stored: 0, unchanged: 2 });

    const report = await http<{ sections: Array<{ key: string; items: Array<Record<string, unknown>> }> }>(
      t.url,
      'GET',
      `/api/v1/subjects/${id}/credit-report`,
    );
    expect(report.status).toBe(200);
    const evaluations = report.body.sections.find((s) => s.key === 'evaluations')!;
    const ratings = evaluations.items.filter((i) => i.category === 'public_credit');
    expect(ratings.map((i) => [i.categoryZh, i.publicCreditGrade, i.department]).sort()).toEqual([
      ['公共信用综合评价结果', 'A', platform],
      ['公共信用综合评价结果', 'D', platform],
    ]);
  });

  it('refuses a rating without its grade, or with a grade outside A–D, naming the field', async () => {
    const code = uscc();
    const row = (grade: string) =>
      `评价测试有限公司${run},${code},public_credit,GGXYPJ-X${grade || 'none'}-${run},${grade},2026-02-01,${platform}`;
    const res = await importCsv(
      [
        '行政相对人名称,统一社会信用代码,type,decisionNumber,公共信用综合评价结果,评价日期,数据来源单位',
        row(''),
        row('E'),
      ].join('\n'),
    );
    expect(res.body.totals).toMatchObject({ rows: 2, stored: 0, refused: 2 });
    for (const r of res.body.rows) expect(r.errors?.map((e) => e.field)).toContain('publicCreditGrade');
  });
});
