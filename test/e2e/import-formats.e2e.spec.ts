import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { http, startTestApp, type TestApp } from '../helpers/app';
import { encodeGbk } from '../helpers/gbk';
import { uscc } from '../helpers/identifiers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Report {
  format: string;
  totals: { rows: number; stored: number; unchanged: number; refused: number };
  rows: Array<{ row: number; line?: number; status: string; errors?: Array<{ field: string; reason: string }> }>;
}

/**
 * Imports as data officers have them (双公示 exports): a GBK-encoded CSV with the national standard's Chinese
 * column titles, Chinese penalty types and dates written 2026/3/1; an .xlsx workbook with date and number cells;
 * the template of each, downloaded and filled. Each is proved to store exactly what the same rows sent as JSON
 * store: importing the JSON afterwards finds every row "unchanged". Bad files are 400s that store nothing.
 */
describe('records import: GBK / UTF-8 CSV with Chinese headers, .xlsx, templates (导入格式)', () => {
  let t: TestApp;
  let db: DataSource;
  const source = `导入格式-${randomUUID().slice(0, 8)}`;
  const today = '2026-11-28';

  const post = async (body: Buffer | string, contentType: string) => {
    const res = await fetch(`${t.url}/api/v1/records/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': contentType },
      body,
    });
    return { status: res.status, body: (await res.json()) as Report & { code?: string; errors?: unknown[] } };
  };
  const stored = async () =>
    Number(
      (await db.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM credit_records WHERE source = $1`, [source]))[0]
        .n,
    );

  /** Two valid penalties and one whose penalty type the law does not know. */
  const penalties = () => {
    const [a, b, c] = [uscc(), uscc(), uscc()];
    const n = randomUUID().slice(0, 6);
    return {
      json: [
        {
          type: 'penalty',
          subjectName: '綦江区格式测试餐饮店',
          subjectCode: a,
          decisionNumber: `綦市监罚〔2026〕${n}1号`,
          // A grade the department chooses (令第36号 fixes warnings alone as minor: 'general' would be refused).
          penaltyTypes: ['suspension'],
          decisionDate: '2026-03-01',
          source,
          authority: '重庆市綦江区市场监督管理局',
          severity: 'general',
          industry: 'food_drug',
        },
        {
          type: 'penalty',
          subjectName: '綦江区格式测试建材公司',
          subjectCode: b,
          decisionNumber: `綦市监罚〔2026〕${n}2号`,
          penaltyTypes: ['fine', 'confiscation'],
          fineAmount: 0.5,
          confiscationAmount: 0.12,
          decisionDate: '2026-04-15',
          source,
          authority: '重庆市綦江区市场监督管理局',
          severity: 'general',
          industry: 'general',
        },
      ],
      /** The same two rows as an office export writes them, then a bad one. */
      cells: [
        [
          '1',
          '法人及非法人组织',
          '綦江区格式测试餐饮店',
          a,
          `綦市监罚〔2026〕${n}1号`,
          '责令停产停业',
          '',
          '',
          '2026/3/1',
        ],
        [
          '2',
          '法人及非法人组织',
          '綦江区格式测试建材公司',
          b,
          `綦市监罚〔2026〕${n}2号`,
          '罚款、没收违法所得',
          '0.5',
          '0.12',
          '2026年4月15日',
        ],
        ['3', '法人及非法人组织', '綦江区格式测试商行', c, `綦市监罚〔2026〕${n}3号`, '罚没', '1', '', '2026/5/6'],
      ],
      industries: ['food_drug', 'general', 'general'],
    };
  };
  const HEADER = [
    '序号',
    '行政相对人类别',
    '行政相对人名称',
    '行政相对人代码_1（统一社会信用代码）',
    '行政处罚决定书文号',
    '处罚类别',
    '罚款金额（万元）',
    '没收违法所得、没收非法财物的金额（万元）',
    '处罚决定日期',
    '处罚机关',
    '数据来源单位',
    'severity',
    'industry',
  ];
  const tail = (industry: string) => ['重庆市綦江区市场监督管理局', source, 'general', industry];

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    t.app.get(Clock).pin(`${today}T04:00:00Z`);
  });
  afterAll(() => t.close());

  it('a GBK CSV with the standard’s Chinese titles stores what the same rows as JSON store; the bad row is refused by name', async () => {
    const p = penalties();
    const csv = [HEADER, ...p.cells.map((c, i) => [...c, ...tail(p.industries[i])])]
      .map((r) => r.join(','))
      .join('\r\n');
    const res = await post(encodeGbk(csv), 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('csv');
    expect(res.body.rows.map((r) => [r.row, r.line, r.status])).toEqual([
      [1, 2, 'stored'],
      [2, 3, 'stored'],
      [3, 4, 'refused'],
    ]);
    expect(res.body.rows[2].errors?.map((e) => e.field)).toContain('penaltyTypes');
    const again = await http(t.url, 'POST', '/api/v1/records/import', { records: p.json });
    expect((again.body as Report).rows.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('UTF-8 with a BOM, and GBK declared in Content-Type, read the same', async () => {
    const p = penalties();
    const rows = [HEADER, ...p.cells.slice(0, 1).map((c) => [...c, ...tail('food_drug')])];
    const utf8 = await post(`\uFEFF${rows.map((r) => r.join(',')).join('\n')}`, 'text/csv; charset=utf-8');
    expect(utf8.body.rows.map((r) => r.status)).toEqual(['stored']);
    const q = penalties();
    const gbk = await post(
      encodeGbk([HEADER, [...q.cells[1], ...tail('general')]].map((r) => r.join(',')).join('\n')),
      'text/csv; charset=GBK',
    );
    expect(gbk.body.rows.map((r) => r.status)).toEqual(['stored']);
    const again = await http(t.url, 'POST', '/api/v1/records/import', { records: [p.json[0], q.json[1]] });
    expect((again.body as Report).rows.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('an .xlsx filled from the downloaded template (date and number cells) stores what the JSON stores', async () => {
    const res = await fetch(`${t.url}/api/v1/records/import-template?type=penalty&format=xlsx`, {
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 6)).toEqual([
      '行政相对人名称',
      '统一社会信用代码',
      '证件号码',
      '国民经济行业分类代码',
      '法定代表人',
      '行政处罚决定书文号',
    ]);
    const p = penalties();
    p.json.forEach((r, i) => {
      const byTitle: Record<string, unknown> = {
        行政相对人名称: r.subjectName,
        统一社会信用代码: r.subjectCode,
        行政处罚决定书文号: r.decisionNumber,
        处罚类别: p.cells[i][5],
        '罚款金额（万元）': r.fineAmount,
        '没收违法所得、没收非法财物的金额（万元）': r.confiscationAmount,
        处罚决定日期: new Date(`${r.decisionDate}T00:00:00Z`),
        处罚机关: r.authority,
        数据来源单位: source,
        severity: r.severity,
        industry: r.industry,
      };
      sheet.addRow(header.map((h) => byTitle[h] ?? null));
    });
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await post(filled, XLSX);
    expect(imported.status).toBe(200);
    expect(imported.body.format).toBe('xlsx');
    expect(imported.body.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'stored'],
      [3, 'stored'],
    ]);
    const again = await http(t.url, 'POST', '/api/v1/records/import', { records: p.json });
    expect((again.body as Report).rows.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('the CSV template of each type imports as it is, header only: 400 "at least 1 row", not an unknown column', async () => {
    for (const [type, lang] of [
      ['penalty', 'zh'],
      ['licence', 'zh'],
      ['penalty', 'en'],
      ['list_entry', 'zh'],
      ['tax_credit', 'en'],
    ]) {
      const res = await fetch(`${t.url}/api/v1/records/import-template?type=${type}&lang=${lang}`, {
        headers: { authorization: `Bearer ${t.adminKey}` },
      });
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, for spreadsheets
      const text = bytes.toString('utf8');
      const back = await post(text, 'text/csv');
      expect({ type, lang, status: back.status, errors: back.body.errors }).toEqual({
        type,
        lang,
        status: 400,
        errors: [{ field: 'records', reason: 'must contain at least 1 row' }],
      });
    }
    const bad = await http(t.url, 'GET', '/api/v1/records/import-template?type=fine&format=pdf');
    expect(bad.status).toBe(400);
  });

  it('refuses what it cannot read with a 400 naming the field, and stores nothing', async () => {
    const before = await stored();
    const p = penalties();
    const csv = [HEADER, [...p.cells[0], ...tail('food_drug')]].map((r) => r.join(',')).join('\n');
    const cases: Array<[string, Buffer | string, string, string]> = [
      ['unknown charset', csv, 'text/csv; charset=klingon', 'content-type'],
      ['GBK bytes declared UTF-8', encodeGbk(csv), 'text/csv; charset=utf-8', 'body'],
      ['an unknown Chinese column', csv.replace('处罚类别', '罚没类别'), 'text/csv', '罚没类别'],
      // The second column filling subjectCode is the one named.
      [
        'two titles of one field',
        csv.replace('序号', '统一社会信用代码'),
        'text/csv',
        '行政相对人代码_1（统一社会信用代码）',
      ],
      ['bytes that are no workbook', Buffer.from(randomUUID().repeat(20)), XLSX, 'body'],
      ['a workbook that would unpack into gigabytes', zipDeclaring(3_000_000_000), XLSX, 'body'],
    ];
    for (const [what, body, type, field] of cases) {
      const res = await post(body, type);
      expect({
        what,
        status: res.status,
        fields: (res.body.errors as Array<{ field: string }>)?.map((e) => e.field),
      }).toEqual({
        what,
        status: 400,
        fields: [field],
      });
    }
    expect(await stored()).toBe(before);
  });
});

/** A zip whose central directory declares one entry of `size` uncompressed bytes (nothing real inside). */
function zipDeclaring(size: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(0, 16);
  return Buffer.concat([central, name, eocd]);
}
