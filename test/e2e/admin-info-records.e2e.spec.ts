import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, startTestApp, type TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

interface Report {
  totals: { rows: number; stored: number; unchanged: number; refused: number };
  rows: Array<{ row: number; status: string; errors?: Array<{ field: string; reason: string }> }>;
}
type Item = Record<string, unknown>;

/**
 * Issue 18, item 3: the five other kinds of administrative information (行政管理信息: 行政强制、行政奖励、行政确认、
 * 行政裁决、行政监督检查) on PostgreSQL. Imported by JSON and by CSV with Chinese headers and values; counted in the
 * quality statistics (合规率、及时率, narrowed with ?recordGroup=admin_info) until every refused row is corrected and
 * the 合规率 is the district plan's 100 %; shown in the credit report's 行政管理信息 with a local publicity end; never
 * a tier fact. Imported on Friday 2026-11-27 (clock pinned): N = 7 working days.
 */
describe('administrative information records (行政管理信息) over HTTP', () => {
  let t: TestApp;
  let db: DataSource;
  let tiering: TieringService;
  const run = randomUUID().slice(0, 8);
  const dept = `行政管理信息-区市场监管局-${run}`;
  const code = uscc();
  const name = `綦江行政管理信息测试有限公司${run}`;
  const base = { source: dept, subjectName: name, subjectCode: code };
  const legalBasis = '《中华人民共和国行政强制法》第九条';

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-27T04:00:00Z');
    tiering = t.app.get(TieringService);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  const importJson = async (records: unknown[]) => {
    const res = await http<Report>(t.url, 'POST', '/api/v1/records/import', { records });
    expect(res.status).toBe(200);
    return res.body;
  };
  const importCsv = async (csv: string) => {
    const res = await fetch(`${t.url}/api/v1/records/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'text/csv; charset=utf-8' },
      body: csv,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Report;
  };
  const stats = async (group = 'admin_info') => {
    const res = await http<Dto<'QualityStatisticsDto'>>(
      t.url,
      'GET',
      `/api/v1/quality/statistics?from=2026-09-01&to=2026-11-30&recordGroup=${group}&department=${encodeURIComponent(dept)}`,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const tiers = async (id: string) => {
    const res = await http<Dto<'SubjectTiersDto'>>(t.url, 'GET', `/api/v1/subjects/${id}/tiers`);
    expect(res.status).toBe(200);
    return res.body.tiers.map((x) => [x.industry, x.tier, x.score, x.fired.map((f) => f.rule).sort()]);
  };
  const adjudication = (n: string, over: Item = {}) => ({
    ...base,
    type: 'admin_adjudication',
    decisionNumber: `CJ-${n}-${run}`,
    content: '裁决双方林木权属争议，确认归申请人所有',
    decisionDate: '2026-11-24',
    ...over,
  });
  const CSV_HEADER =
    '行政相对人名称,统一社会信用代码,type,决定文书号,行政强制类别,强制依据,content,奖励名称,奖励级别,决定日期,数据来源单位';
  const csvRow = (cells: string[]) => [name, code, ...cells, dept].join(',');

  it('imports each kind by JSON and CSV, counts them in 合规率 and 及时率, shows them in the credit report, never in a tier', async () => {
    const made = await http<Dto<'SubjectResponse'>>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name,
      registeredOn: '2012-05-01',
      industryCode: 'C1391',
    });
    expect(made.status).toBe(201);
    const id = made.body.id;
    await tiering.idle();
    const before = await tiers(id);

    const json = await importJson([
      {
        ...base,
        type: 'admin_enforcement',
        decisionNumber: `QZ-1-${run}`,
        enforcementMeasure: 'sealing',
        legalBasis,
        content: '查封不合格生产设备3台',
        decisionDate: '2026-11-20',
      },
      {
        ...base,
        type: 'admin_reward',
        decisionNumber: `JL-1-${run}`,
        awardName: '重庆市守合同重信用企业',
        awardLevel: 'municipal',
        content: '通报表扬',
        decisionDate: '2026-11-18', // exactly on the 7-working-day deadline
      },
      {
        ...base,
        type: 'admin_confirmation',
        decisionNumber: `QR-1-${run}`,
        content: '确认高新技术企业资格',
        legalBasis: '《高新技术企业认定管理办法》',
        decisionDate: '2026-09-15', // late
      },
      adjudication('1', { legalBasis: undefined }), // refused: 裁决依据 missing
      {
        ...base,
        type: 'admin_supervision',
        decisionNumber: `JC-1-${run}`,
        content: '双随机抽查，未发现问题',
        decisionDate: '2026-11-25',
      },
    ]);
    expect(json.totals).toMatchObject({ rows: 5, stored: 4, refused: 1 });
    expect(json.rows.find((r) => r.status === 'refused')?.errors?.map((e) => e.field)).toEqual(['legalBasis']);

    const csv = [
      CSV_HEADER,
      csvRow(['admin_enforcement', `QZ-2-${run}`, '扣押财物', legalBasis, '扣押不合格产品120件', '', '', '2026/11/23']),
      csvRow(['admin_reward', `JL-2-${run}`, '', '', '授予称号', '诚信示范企业', '区县级', '2026年11月23日']),
      csvRow(['admin_reward', `JL-3-${run}`, '', '', '授予称号', '诚信示范企业', '', '2026-11-23']), // refused: no level
    ].join('\n');
    const fromCsv = await importCsv(csv);
    expect(fromCsv.totals).toMatchObject({ rows: 3, stored: 2, refused: 1 });
    expect(fromCsv.rows[2].errors?.map((e) => e.field)).toEqual(['awardLevel']);
    expect((await importCsv(csv)).totals).toMatchObject({ stored: 0, unchanged: 2, refused: 1 });

    const stored = await db.query<Array<Item>>(
      `SELECT type, to_char(publicity_end, 'YYYY-MM-DD') AS end, details->>'enforcementMeasure' AS measure, details->>'awardLevel' AS level
       FROM credit_records WHERE source = $1 ORDER BY decision_number`,
      [dept],
    );
    expect(stored).toEqual([
      { type: 'admin_supervision', end: '2027-11-25', measure: null, level: null },
      { type: 'admin_reward', end: '2029-11-18', measure: null, level: 'municipal' },
      { type: 'admin_reward', end: '2029-11-23', measure: null, level: 'county' },
      { type: 'admin_confirmation', end: '2027-09-15', measure: null, level: null },
      { type: 'admin_enforcement', end: '2027-11-20', measure: 'sealing', level: null },
      { type: 'admin_enforcement', end: '2027-11-23', measure: 'seizure', level: null },
    ]);

    // 合规率 6 of 8, 及时率 5 of 6 (the confirmation of 15 September is late).
    const s = await stats();
    expect(s.parameters.recordTypes).toEqual([
      'admin_enforcement',
      'admin_reward',
      'admin_confirmation',
      'admin_adjudication',
      'admin_supervision',
    ]);
    expect(s.parameters.timelyWorkingDaysSource).toContain('local parameter');
    expect(s.departments).toMatchObject([
      {
        department: dept,
        accepted: 6,
        refused: 2,
        compliant: { rate: 0.75, count: 6, of: 8 },
        timely: { rate: 0.8333, count: 5, of: 6, late: 1 },
      },
    ]);
    // The 双公示 group alone holds none of them.
    expect((await stats('shuang_gongshi')).departments).toEqual([]);
    const failures = await http<{ items: Item[] }>(
      t.url,
      'GET',
      `/api/v1/quality/failures?from=2026-09-01&to=2026-11-30&recordGroup=admin_info&department=${encodeURIComponent(dept)}`,
    );
    expect(
      failures.body.items.map((f) => [
        f.kind,
        f.recordType,
        (f.errors as Array<{ field: string }> | undefined)?.map((e) => e.field) ?? null,
      ]),
    ).toEqual([
      ['refused', 'admin_adjudication', ['legalBasis']],
      ['refused', 'admin_reward', ['awardLevel']],
      ['late', 'admin_confirmation', null],
    ]);

    // Corrected and sent again, every row is accepted: the 合规率 the district plan asks (100 %).
    expect((await importJson([adjudication('1', { legalBasis: '《森林法》第二十二条' })])).totals).toMatchObject({
      stored: 1,
    });
    await importCsv(
      [
        CSV_HEADER,
        csvRow(['admin_reward', `JL-3-${run}`, '', '', '授予称号', '诚信示范企业', '区县级', '2026-11-23']),
      ].join('\n'),
    );
    expect((await stats()).departments).toMatchObject([{ accepted: 8, refused: 0, compliant: { rate: 1 } }]);

    // The credit report shows them in 行政管理信息 (administrative), with their own fields.
    const report = await http<{ sections: Array<{ key: string; items: Item[] }> }>(
      t.url,
      'GET',
      `/api/v1/subjects/${id}/credit-report`,
    );
    expect(report.status).toBe(200);
    const admin = report.body.sections.find((s) => s.key === 'administrative')!;
    const shown = admin.items
      .filter((i) => String(i.category).startsWith('admin_'))
      .map((i) => [
        i.categoryZh,
        i.decisionNumber,
        (i.details as Item).enforcementMeasure ?? (i.details as Item).awardLevel ?? null,
        i.department,
      ])
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(shown).toEqual([
      ['行政裁决', `CJ-1-${run}`, null, dept],
      ['行政监督检查', `JC-1-${run}`, null, dept],
      ['行政奖励', `JL-1-${run}`, 'municipal', dept],
      ['行政奖励', `JL-2-${run}`, 'county', dept],
      ['行政奖励', `JL-3-${run}`, 'county', dept],
      ['行政确认', `QR-1-${run}`, null, dept],
      ['行政强制', `QZ-1-${run}`, 'sealing', dept],
      ['行政强制', `QZ-2-${run}`, 'seizure', dept],
    ]);
    const award = admin.items.find((i) => i.decisionNumber === `JL-1-${run}`)!;
    expect(award).toMatchObject({
      publicityEnd: '2029-11-18',
      details: { awardName: '重庆市守合同重信用企业', awardLevel: 'municipal', content: '通报表扬' },
    });

    // No tier moves: the kinds are shown, never read by a pack.
    await tiering.idle();
    expect(await tiers(id)).toEqual(before);
  });

  it('refuses a single record without its kind fields, naming each field (RFC 9457)', async () => {
    const res = await http<ProblemDetails>(t.url, 'POST', '/api/v1/records', {
      ...base,
      type: 'admin_enforcement',
      decisionNumber: `QZ-X-${run}`,
      decisionDate: '2026-11-20',
      awardName: '不属于行政强制的字段',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field).sort()).toEqual([
      'awardName',
      'content',
      'enforcementMeasure',
      'legalBasis',
    ]);
  });
});
