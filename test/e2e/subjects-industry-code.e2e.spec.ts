import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import type { ProblemDetails } from '../../src/common/problem';
import { http, startTestApp, type TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

interface Subject {
  id: string;
  code: string | null;
  name: string;
  industryCode: string | null;
}
interface Report {
  totals: { rows: number; stored: number; unchanged: number; refused: number };
  rows: Array<{ row: number; status: string; subjectId?: string; errors?: Array<{ field: string; reason: string }> }>;
}

/**
 * The industry code (国民经济行业分类代码, GB/T 4754-2017) a subject is registered with: one of the ways it
 * belongs to an industry (分行业). Given at registration or on an import row, answered with the subject,
 * filled in for a known subject that has none (a code it has is kept), refused when malformed (400 naming
 * the field, nothing stored). The clock is pinned: no dependence on today's date.
 */
describe('subjects: industry code (国民经济行业分类代码)', () => {
  let t: TestApp;
  let db: DataSource;
  const tag = randomUUID().slice(0, 8);
  const source = `行业代码测试-${tag}`;
  let n = 0;

  const subject = async (id: string) => (await http<Subject>(t.url, 'GET', `/api/v1/subjects/${id}`)).body;
  const byCode = async (code: string) =>
    (await http<{ items: Subject[] }>(t.url, 'GET', `/api/v1/subjects?code=${code}`)).body.items;
  const storedCode = async (code: string) =>
    (
      await db.query<Array<{ industry_code: string | null }>>(`SELECT industry_code FROM subjects WHERE code = $1`, [
        code,
      ])
    )[0]?.industry_code;
  const recordsOf = async (code: string) =>
    Number(
      (
        await db.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM credit_records r JOIN subjects s ON s.id = r.subject_id
           WHERE s.code = $1 AND r.source = $2`,
          [code, source],
        )
      )[0].n,
    );
  /** A fire inspection of the subject (检查结果), the least a row needs. */
  const inspection = (code: string, extra: Record<string, unknown> = {}) => ({
    type: 'inspection',
    industry: 'fire_safety',
    inspectionResult: 'passed',
    decisionDate: '2026-10-12',
    source,
    decisionNumber: `綦消检〔2026〕${tag}-${++n}号`,
    subjectName: `綦江区行业代码测试${n}`,
    subjectCode: code,
    ...extra,
  });
  const importRows = (records: unknown[]) => http<Report>(t.url, 'POST', '/api/v1/records/import', { records });

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
  });
  afterAll(async () => {
    t.app.get(Clock).pin(null);
    await t.close();
  });

  it('registration keeps the code (any case, full width), answers it, and refuses a malformed one storing nothing', async () => {
    const code = uscc();
    const res = await http<Subject>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: `綦江区某酒店 ${tag}`,
      industryCode: ' ｈ6110 ',
    });
    expect(res.status).toBe(201);
    expect(res.body.industryCode).toBe('H6110');
    expect((await subject(res.body.id)).industryCode).toBe('H6110');
    expect((await byCode(code)).map((s) => s.industryCode)).toEqual(['H6110']);
    expect(await storedCode(code)).toBe('H6110');
    // Absent: null.
    const none = await http<Subject>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code: uscc(),
      name: `綦江区某商贸 ${tag}`,
    });
    expect(none.body.industryCode).toBeNull();

    for (const industryCode of ['H61101', 'H6', '4710', 'Z47', 'H61-10', 4710]) {
      const bad = uscc();
      const refused = await http<ProblemDetails>(t.url, 'POST', '/api/v1/subjects', {
        kind: 'legal_person',
        code: bad,
        name: `綦江区错码 ${tag}`,
        industryCode,
      });
      expect({ industryCode, status: refused.status }).toEqual({ industryCode, status: 400 });
      expect(refused.body.errors?.map((e) => e.field)).toEqual(['industryCode']);
      expect(await byCode(bad)).toEqual([]);
    }
  });

  it('a registration of a known subject is still a 409, but fills a code it lacks; a code it has is kept', async () => {
    const code = uscc();
    const first = await http<Subject>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: `綦江区某建筑 ${tag}`,
    });
    expect(first.body.industryCode).toBeNull();
    const again = await http<ProblemDetails>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: `綦江区某建筑 ${tag}`,
      industryCode: 'E4710',
    });
    expect(again.status).toBe(409);
    expect((await subject(first.body.id)).industryCode).toBe('E4710');
    const other = await http(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: `綦江区某建筑 ${tag}`,
      industryCode: 'H6210',
    });
    expect(other.status).toBe(409);
    expect((await subject(first.body.id)).industryCode).toBe('E4710');
    // A malformed code is refused before the look-up: 400, and the subject is untouched.
    const bad = await http<ProblemDetails>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: `綦江区某建筑 ${tag}`,
      industryCode: 'E47100',
    });
    expect(bad.status).toBe(400);
    expect(await storedCode(code)).toBe('E4710');
  });

  it('an import row registers a new subject with its code and fills a known subject without one', async () => {
    const [fresh, known, coded] = [uscc(), uscc(), uscc()];
    await http(t.url, 'POST', '/api/v1/subjects', { kind: 'legal_person', code: known, name: `綦江区已登记 ${tag}` });
    await http(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code: coded,
      name: `綦江区有代码 ${tag}`,
      industryCode: 'R9011',
    });
    const res = await importRows([
      inspection(fresh, { subjectIndustryCode: 'f5212' }),
      inspection(known, { subjectIndustryCode: 'L7222' }),
      inspection(coded, { subjectIndustryCode: 'H6110' }),
      inspection(known),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r) => r.status)).toEqual(['stored', 'stored', 'stored', 'stored']);
    expect(await storedCode(fresh)).toBe('F5212');
    expect(await storedCode(known)).toBe('L7222');
    expect(await storedCode(coded)).toBe('R9011');
    expect((await byCode(known)).map((s) => s.industryCode)).toEqual(['L7222']);
  });

  it('an import row with a malformed code is refused naming subjectIndustryCode; neither subject nor record is stored', async () => {
    const [bad, good] = [uscc(), uscc()];
    const res = await importRows([
      inspection(bad, { subjectIndustryCode: 'H611O' }),
      inspection(good, { subjectIndustryCode: 'C1469' }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r) => r.status)).toEqual(['refused', 'stored']);
    expect(res.body.rows[0].errors?.map((e) => e.field)).toEqual(['subjectIndustryCode']);
    expect(await byCode(bad)).toEqual([]);
    expect(await recordsOf(bad)).toBe(0);
    expect(await storedCode(good)).toBe('C1469');
  });

  it('a CSV names the column 行业代码 or 国民经济行业分类代码; the templates carry it', async () => {
    const [a, b] = [uscc(), uscc()];
    const rows = [inspection(a), inspection(b)];
    const fields = ['type', 'industry', 'inspectionResult', 'decisionDate', 'source', 'decisionNumber'] as const;
    for (const [title, code, row, industryCode] of [
      ['行业代码', a, rows[0], 'H6210'],
      ['国民经济行业分类代码', b, rows[1], 'E5011'],
    ] as const) {
      const csv = [
        ['行政相对人名称', '统一社会信用代码', title, ...fields].join(','),
        [row.subjectName, code, industryCode, ...fields.map((f) => String(row[f]))].join(','),
      ].join('\n');
      const res = await http<Report>(t.url, 'POST', '/api/v1/records/import', csv, { 'content-type': 'text/csv' });
      expect({ title, status: res.status, rows: res.body.rows.map((r) => r.status) }).toEqual({
        title,
        status: 200,
        rows: ['stored'],
      });
      expect(await storedCode(code)).toBe(industryCode);
    }
    const header = async (type: string, lang: string) => {
      const res = await fetch(`${t.url}/api/v1/records/import-template?type=${type}&lang=${lang}`, {
        headers: { authorization: `Bearer ${t.adminKey}` },
      });
      return (await res.text()).replace('\uFEFF', '').trim().split(',');
    };
    expect(await header('penalty', 'zh')).toContain('国民经济行业分类代码');
    expect(await header('licence', 'zh')).toContain('国民经济行业分类代码');
    expect(await header('penalty', 'en')).toContain('subjectIndustryCode');
    expect(await header('inspection', 'zh')).toContain('subjectIndustryCode');
  });
});
