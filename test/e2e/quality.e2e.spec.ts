import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { USCC_ALPHABET } from '../../src/common/identifiers/uscc';
import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';
import type { OpenApiDoc } from '../helpers/openapi-doc';
import { uscc, idNumber } from '../helpers/identifiers';

const wrongCheck = (code: string) =>
  code.slice(0, 17) + USCC_ALPHABET[(USCC_ALPHABET.indexOf(code[17]) + 1) % USCC_ALPHABET.length];
/** A page of failures, with the fields these tests sort and pick by. */
interface Failures {
  total: number;
  items: Array<{ decisionNumber: string; codeCheckFailed: boolean } & Record<string, unknown>>;
}
const token = () => randomUUID().slice(0, 8);
const RANGE = 'from=2026-09-01&to=2026-11-30';

/**
 * A seeded set with known defects, per department, imported on Friday 2026-11-27 (China Standard Time,
 * clock pinned): N = 7 working days, so a decision of Wednesday 2026-11-18 is exactly on the deadline and
 * one of Tuesday 2026-11-17 is one working day late.
 */
describe('"双公示" data quality (上报率、合规率、及时率、重错码)', () => {
  let t: TestApp;
  let db: DataSource;
  const run = token();
  const A = `质量-区市场监管局-${run}`;
  const B = `质量-区住房城乡建委-${run}`;
  const C = `质量-区消防救援支队-${run}`;
  const [P, X, Y, Z] = [uscc(), uscc(), uscc(), uscc()];
  const W = wrongCheck(uscc());
  const person = idNumber();
  const get = <T = unknown>(path: string) => http<T>(t.url, 'GET', path);
  const stats = async (dept: string, extra = '') => {
    const res = await get<Dto<'QualityStatisticsDto'>>(
      `/api/v1/quality/statistics?${RANGE}&department=${encodeURIComponent(dept)}${extra}`,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const penalty = (source: string, n: string, over: Record<string, unknown> = {}) => ({
    type: 'penalty',
    source,
    decisionNumber: `${source}-${n}`,
    subjectName: `公司P-${run}`,
    subjectCode: P,
    severity: 'general',
    penaltyTypes: ['fine'],
    fineAmount: 1,
    decisionDate: '2026-11-20',
    ...over,
  });
  const licence = (source: string, n: string, decisionDate: string) => ({
    type: 'licence',
    source,
    decisionNumber: `${source}-${n}`,
    subjectName: `公司P-${run}`,
    subjectCode: P,
    decisionDate,
    validUntil: '2029-01-01',
  });
  const importRows = async (records: unknown[]) => {
    const res = await http<Dto<'ImportReportDto'>>(t.url, 'POST', '/api/v1/records/import', { records });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    t.app.get(Clock).pin('2026-11-27T04:00:00Z');
    const a = await importRows([
      penalty(A, '1', { decisionDate: '2026-11-20' }), // timely (5 working days)
      licence(A, '2', '2026-11-25'), // timely
      penalty(A, '3', { decisionDate: '2026-09-15' }), // late
      penalty(A, '4', { decisionDate: '2026-11-10', severity: undefined }), // refused: severity missing
      penalty(A, '5', { decisionDate: '2026-11-12', subjectCode: W, subjectName: `错码公司-${run}` }), // refused: check character
      penalty(A, '6', { decisionDate: '2026-11-18', subjectCode: X, subjectName: `甲公司-${run}` }), // timely, exactly on the deadline
      penalty(A, '7', { decisionDate: '2026-11-19', subjectCode: X, subjectName: `乙公司-${run}` }), // same code, another name
    ]);
    expect(a.totals).toMatchObject({ stored: 5, refused: 2 });
    const b = await importRows([
      penalty(B, '1', { decisionDate: '2026-11-17' }), // late by one working day
      penalty(B, '2', { decisionDate: undefined }), // refused: no decision date (counts on the day refused)
      licence(B, '3', '2026-11-26'),
      penalty(B, '4', {
        decisionDate: '2026-11-02',
        subjectCode: undefined,
        subjectIdNumber: person,
        subjectName: '王某',
        penaltyTypes: undefined,
        fineAmount: undefined,
      }),
    ]);
    expect(b.totals).toMatchObject({ stored: 2, refused: 2 });
    const broken = penalty(C, '1', { decisionDate: '2026-10-08', severity: undefined });
    await importRows([broken]);
    await importRows([broken]); // the same refused row twice counts once
    expect(
      (await http(t.url, 'POST', '/api/v1/records', penalty(C, '2', { decisionDate: '2026-10-09', penaltyTypes: [] })))
        .status,
    ).toBe(400);
    await importRows([
      penalty(C, '3', { decisionDate: '2026-11-23', subjectCode: Y, subjectName: `丙公司（${run}）` }),
      penalty(C, '4', { decisionDate: '2026-11-23', subjectCode: Z, subjectName: `丙公司(${run})` }), // same name, another code
      {
        type: 'inspection',
        source: C,
        decisionNumber: `${C}-5`,
        subjectName: `公司P-${run}`,
        subjectCode: P,
        inspectionResult: 'failed',
        decisionDate: '2026-11-02',
      },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports exactly the seeded defects of one department: compliance, timeliness, no 上报率 without a declaration', async () => {
    const s = await stats(A);
    expect(s).toMatchObject({
      from: '2026-09-01',
      to: '2026-11-30',
      department: A,
      parameters: {
        timelyWorkingDays: 7,
        timelyWorkingDaysDefault: 7,
        recordTypes: [
          'licence',
          'penalty',
          'admin_enforcement',
          'admin_reward',
          'admin_confirmation',
          'admin_adjudication',
          'admin_supervision',
        ],
      },
    });
    expect(s.parameters.timelyWorkingDaysSource).toContain('to be confirmed');
    expect(s.departments).toEqual([
      {
        department: A,
        received: 7,
        accepted: 5,
        refused: 2,
        reported: {
          rate: null,
          received: 0,
          declared: null,
          periods: [],
          undeclaredPeriods: ['2026-09', '2026-10', '2026-11'],
        },
        compliant: { rate: 0.7143, count: 5, of: 7 },
        timely: { rate: 0.8, count: 4, of: 5, late: 1 },
      },
    ]);
    expect(s.totals).toMatchObject({ received: 7, compliant: { rate: 0.7143 }, timely: { rate: 0.8 } });
  });

  it('counts 重错码 per 10,000: the code under two names and the refused check character, listed', async () => {
    const { codes } = await stats(A);
    expect(codes).toMatchObject({ codes: 3, offending: 2, per10k: 6666.67, targetPer10k: 1, withinTarget: false });
    expect([...codes.items].sort((x: { code: string }, y: { code: string }) => (x.code < y.code ? -1 : 1))).toEqual(
      [
        { code: W, reasons: ['check_character'], names: [], sharedNameWith: [] },
        {
          code: X,
          reasons: ['code_under_several_names'],
          names: [`乙公司-${run}`, `甲公司-${run}`],
          sharedNameWith: [],
        },
      ].sort((x, y) => (x.code < y.code ? -1 : 1)),
    );
    const c = (await stats(C)).codes;
    expect(c).toMatchObject({ codes: 3, offending: 2 }); // P (the inspection's subject), Y, Z
    expect(c.items).toEqual(
      expect.arrayContaining([
        { code: Y, reasons: ['name_under_several_codes'], names: [`丙公司（${run}）`], sharedNameWith: [Z] },
        { code: Z, reasons: ['name_under_several_codes'], names: [`丙公司(${run})`], sharedNameWith: [Y] },
      ]),
    );
  });

  it('a ledger declaration sets 上报率 over the declared months only; declaring again replaces it', async () => {
    const put = <T = unknown>(dept: string, period: string, body: unknown) =>
      http<T>(t.url, 'PUT', `/api/v1/quality/ledgers/${encodeURIComponent(dept)}/${period}`, body);
    const declared = await put(A, '2026-11', { declared: 10, note: '11月台账' });
    expect(declared.status).toBe(200);
    expect(declared.body).toMatchObject({
      department: A,
      period: '2026-11',
      declared: 10,
      note: '11月台账',
      declaredBy: expect.stringMatching(/^test-/),
    });
    // November: accepted 1, 2, 6, 7 and refused 4, 5 → 6 received of 10 declared.
    expect((await stats(A)).departments[0].reported).toEqual({
      rate: 0.6,
      received: 6,
      declared: 10,
      periods: ['2026-11'],
      undeclaredPeriods: ['2026-09', '2026-10'],
    });
    await put(A, '2026-09', { declared: 2 });
    expect((await stats(A)).departments[0].reported).toMatchObject({
      rate: 0.5833,
      received: 7,
      declared: 12,
      periods: ['2026-09', '2026-11'],
    });
    await put(A, '2026-11', { declared: 5 });
    expect((await stats(A)).departments[0].reported).toMatchObject({ rate: 1, received: 7, declared: 7 });
    expect(
      (
        await get<Dto<'LedgerListDto'>>(`/api/v1/quality/ledgers?${RANGE}&department=${encodeURIComponent(A)}`)
      ).body.items.map((l) => [l.period, l.declared]),
    ).toEqual([
      ['2026-09', 2],
      ['2026-11', 5],
    ]);
    expect((await put<ProblemDetails>(A, '2026-13', { declared: 1 })).body.errors).toEqual([
      expect.objectContaining({ field: 'period' }),
    ]);
    expect((await put(A, '2026-11', { declared: -1 })).status).toBe(400);
    expect((await put(A, '2026-11', 'x')).status).toBe(400);
  });

  it('lists the failing rows: refused with field + reason (a natural person masked only), late with the deadline; paged', async () => {
    const s = await stats(B);
    expect(s.departments[0]).toMatchObject({
      received: 4,
      accepted: 2,
      refused: 2,
      compliant: { rate: 0.5 },
      timely: { rate: 0.5, count: 1, late: 1 },
    });
    const res = await get<Failures>(`/api/v1/quality/failures?${RANGE}&department=${encodeURIComponent(B)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    const [first, second, late] = res.body.items;
    const refused = [first, second].sort((x: { decisionNumber: string }, y: { decisionNumber: string }) =>
      x.decisionNumber < y.decisionNumber ? -1 : 1,
    );
    expect(refused[0]).toMatchObject({
      kind: 'refused',
      department: B,
      decisionNumber: `${B}-2`,
      decisionDate: null,
      subjectCode: P,
      codeCheckFailed: false,
      errors: [expect.objectContaining({ field: 'decisionDate' })],
    });
    expect(refused[1]).toMatchObject({
      kind: 'refused',
      decisionNumber: `${B}-4`,
      subjectCode: null,
      subjectMasked: `${person.slice(0, 6)}********${person.slice(14)}`,
      errors: [expect.objectContaining({ field: 'penaltyTypes' })],
    });
    expect(late).toMatchObject({
      kind: 'late',
      department: B,
      decisionNumber: `${B}-1`,
      decisionDate: '2026-11-17',
      receivedOn: '2026-11-27',
      deadline: '2026-11-26',
      workingDays: 8,
      allowedWorkingDays: 7,
    });
    expect(JSON.stringify(res.body)).not.toContain(person);
    expect(JSON.stringify(await db.query(`SELECT * FROM record_rejections WHERE source = $1`, [B]))).not.toContain(
      person,
    );
    const page = await get(`/api/v1/quality/failures?${RANGE}&department=${encodeURIComponent(B)}&limit=1&offset=2`);
    expect(page.body).toMatchObject({
      total: 3,
      limit: 1,
      offset: 2,
      items: [{ kind: 'late', decisionNumber: `${B}-1` }],
    });
    expect(
      (await get<Failures>(`/api/v1/quality/failures?${RANGE}&department=${encodeURIComponent(B)}&kind=late`)).body
        .total,
    ).toBe(1);
    const a = await get<Failures>(`/api/v1/quality/failures?${RANGE}&department=${encodeURIComponent(A)}&kind=refused`);
    expect(
      a.body.items
        .map((f: { decisionNumber: string; codeCheckFailed: boolean }) => [f.decisionNumber, f.codeCheckFailed])
        .sort(),
    ).toEqual([
      [`${A}-4`, false],
      [`${A}-5`, true],
    ]);
  });

  it('N is a parameter: on the deadline is timely; one working day fewer makes it late', async () => {
    expect((await stats(B, '&workingDays=8')).departments[0].timely).toEqual({ rate: 1, count: 2, of: 2, late: 0 });
    expect((await stats(A, '&workingDays=6')).departments[0].timely).toEqual({ rate: 0.6, count: 3, of: 5, late: 2 });
  });

  it('a refused row sent twice counts once, and no longer once corrected; other record types do not count', async () => {
    expect((await stats(C)).departments[0]).toMatchObject({
      accepted: 2,
      refused: 2,
      received: 4,
      compliant: { rate: 0.5 },
    });
    await importRows([penalty(C, '1', { decisionDate: '2026-10-08' })]);
    expect((await stats(C)).departments[0]).toMatchObject({
      accepted: 3,
      refused: 1,
      received: 4,
      compliant: { rate: 0.75 },
    });
    const all = await get<Dto<'QualityStatisticsDto'>>(`/api/v1/quality/statistics?${RANGE}`);
    expect(
      all.body.departments
        .filter((d: { department: string }) => [A, B, C].includes(d.department))
        .map((d: { department: string }) => d.department),
    ).toEqual([A, B, C].sort());
  });

  it('keeps a hostile refused row too (NUL, a lone surrogate): the import still answers, the row is counted', async () => {
    const D = `质量-hostile-${run}`;
    const res = await importRows([
      penalty(D, 'a\u0000b', { severity: undefined }),
      { source: D, decisionNumber: 'x\uD800', type: 'penalty' },
    ]);
    expect(res.totals).toMatchObject({ rows: 2, refused: 2 });
    expect((await stats(D)).departments[0]).toMatchObject({ accepted: 0, refused: 2, compliant: { rate: 0 } });
    const failures = await get<Failures>(`/api/v1/quality/failures?${RANGE}&department=${encodeURIComponent(D)}`);
    expect(failures.body.items.map((f: { decisionNumber: string }) => f.decisionNumber).sort()).toEqual(
      [`${D}-a\uFFFDb`, 'x\uFFFD'].sort(),
    );
  });

  it('refuses bad ranges, an ID number for a department, a count of the wrong type: a problem naming the field', async () => {
    expect((await get<ProblemDetails>('/api/v1/quality/statistics?from=2026-02-30')).body.errors).toEqual([
      expect.objectContaining({ field: 'from' }),
    ]);
    expect((await get<ProblemDetails>('/api/v1/quality/statistics?from=2026-11-01&to=2026-10-01')).body.errors).toEqual(
      [expect.objectContaining({ field: 'from' })],
    );
    expect((await get('/api/v1/quality/failures?limit=0')).status).toBe(400);
    const id = await get<ProblemDetails>(`/api/v1/quality/statistics?department=${person}`);
    expect(id.body.errors).toEqual([expect.objectContaining({ field: 'department' })]);
    expect(JSON.stringify(id.body)).not.toContain(person);
    const put = await http<ProblemDetails>(t.url, 'PUT', `/api/v1/quality/ledgers/${person}/2026-11`, { declared: 1 });
    expect(put.body.errors).toEqual([expect.objectContaining({ field: 'department' })]);
    expect(
      (await http(t.url, 'PUT', `/api/v1/quality/ledgers/${encodeURIComponent(A)}/2026-11`, { declared: '1' })).status,
    ).toBe(400);
  });

  it('admits the quality scope (and records), refuses others', async () => {
    const quality = await t.createKey({ scopes: ['quality'] });
    const subjects = await t.createKey({ scopes: ['subjects'] });
    expect((await httpAs(quality, t.url, 'GET', `/api/v1/quality/statistics?${RANGE}`)).status).toBe(200);
    expect((await httpAs(subjects, t.url, 'GET', `/api/v1/quality/statistics?${RANGE}`)).body).toMatchObject({
      status: 403,
      requiredScopes: ['quality', 'records'],
    });
  });

  it('serves the routes in the OpenAPI document, with the Chinese terms', async () => {
    const doc = (await get<OpenApiDoc>('/docs-json')).body;
    for (const path of [
      '/api/v1/quality/statistics',
      '/api/v1/quality/failures',
      '/api/v1/quality/ledgers',
      '/api/v1/quality/ledgers/{department}/{period}',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    expect(doc.paths['/api/v1/quality/statistics'].get.summary).toMatch(/上报率.*合规率.*及时率/);
  });
});
