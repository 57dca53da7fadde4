import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { USCC_ALPHABET } from '../../src/common/identifiers/uscc';
import { RecordsService, type RecordsChange } from '../../src/modules/records/records.service';
import { http, startTestApp, TestApp, type UntypedBody } from '../helpers/app';
import { uscc, idNumber } from '../helpers/identifiers';

/** Unique per call: other test files share the database. */
const wrongCheck = (id: string, alphabet: string) =>
  id.slice(0, 17) + alphabet[(alphabet.indexOf(id[17]) + 1) % alphabet.length];
const token = () => randomUUID().slice(0, 8);
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

interface Run {
  readonly source: string;
  readonly run: string;
  readonly codeA: string;
  readonly codeB: string;
  readonly idA: string;
  readonly badId: string;
  readonly badCode: string;
}
function newRun(): Run {
  const idA = idNumber('110105');
  const codeA = uscc('91350200');
  return {
    source: `测试来源-${token()}`,
    run: token(),
    codeA,
    codeB: uscc('91350200'),
    idA,
    badId: wrongCheck(idNumber('110105'), '0123456789X'),
    badCode: wrongCheck(codeA, USCC_ALPHABET),
  };
}
/**
 * A sample file from test/fixtures/records (pasteable as it is: see the README) with this run's
 * identifiers in place of the sample ones, since other test files share the database.
 */
function fixture(name: string, r: Run): string {
  const text = readFileSync(join(__dirname, '../fixtures/records', name), 'utf8');
  const values: Record<string, string> = {
    示例数据来源单位: r.source,
    '示例-': `${r.run}-`,
    '示例CSV-': `${r.run}-`,
    '91350200776049653A': r.codeA,
    '913502000728319549': r.codeA,
    '91440101MA5CJQ4N59': r.codeB,
    '11010519491231002X': r.idA,
    '440524188001010014': r.idA,
    '440524188001010015': r.badId,
    '91350100M000100Y4A': r.badCode,
  };
  return Object.entries(values).reduce((s, [sample, mine]) => s.split(sample).join(mine), text);
}

describe('records (信用记录) over HTTP', () => {
  let t: TestApp;
  let db: DataSource;
  let service: RecordsService;
  const changes: RecordsChange[] = [];
  const post = (path: string, body: unknown, headers?: Record<string, string>) =>
    http(t.url, 'POST', path, body, headers);
  const get = (path: string) => http(t.url, 'GET', path);
  const tableOf = (source: string) =>
    db.query(`SELECT * FROM credit_records WHERE source = $1 ORDER BY decision_number`, [source]);
  const countOf = async (source: string) => (await tableOf(source)).length;
  const penalty = (r: Run, over: Record<string, unknown> = {}) => ({
    type: 'penalty',
    source: r.source,
    decisionNumber: `${r.run}-${token()}`,
    subjectName: `公司 ${r.run}`,
    subjectCode: r.codeA,
    severity: 'general',
    penaltyTypes: ['fine'],
    fineAmount: 3,
    decisionDate: '2025-03-10',
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    service = t.app.get(RecordsService);
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    service.changes$.subscribe((c) => changes.push(c));
  });
  afterAll(async () => {
    await t.close();
  });

  it('ingests each record type; the same record again is unchanged, a changed one updated', async () => {
    const r = newRun();
    const subject = { subjectName: `公司 ${r.run}`, subjectCode: r.codeA, source: r.source };
    const bodies = [
      penalty(r),
      {
        ...subject,
        type: 'licence',
        decisionNumber: `${r.run}-L`,
        decisionDate: '2024-01-05',
        validUntil: '2029-01-05',
        licenceCode: 'JY1',
      },
      {
        ...subject,
        type: 'list_entry',
        decisionNumber: `${r.run}-E`,
        listType: 'abnormal_operation',
        severity: 'general',
        decisionDate: '2025-07-01',
      },
      {
        ...subject,
        type: 'tax_credit',
        decisionNumber: `${r.run}-T`,
        taxLevel: 'A',
        taxYear: 2024,
        decisionDate: '2025-04-20',
      },
      {
        ...subject,
        type: 'commitment',
        decisionNumber: `${r.run}-C`,
        commitmentStatus: 'fulfilled',
        commitmentStatusDate: '2025-06-01',
        decisionDate: '2025-01-10',
      },
      {
        ...subject,
        type: 'inspection',
        decisionNumber: `${r.run}-I`,
        industry: 'fire_safety',
        inspectionResult: 'failed',
        decisionDate: '2025-10-01',
      },
    ];
    const before = changes.length;
    for (const body of bodies) {
      const res = await post('/api/v1/records', body);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'stored',
        record: { type: body.type, source: r.source, decisionNumber: body.decisionNumber, inForce: true },
      });
      const again = await post('/api/v1/records', body);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ status: 'unchanged', record: { id: res.body.record.id } });
    }
    expect(changes.length - before).toBe(bodies.length); // one per stored record, none for unchanged
    const tax = (await get(`/api/v1/records/${(await post('/api/v1/records', bodies[3])).body.record.id}`)).body;
    expect(tax).toMatchObject({ industry: 'tax', taxLevel: 'A', taxYear: 2024, publicityEnd: null });
    const updated = await post('/api/v1/records', { ...bodies[0], fineAmount: 4.5 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ status: 'updated', record: { fineAmount: 4.5 } });
    const moved = await post('/api/v1/records', {
      ...bodies[0],
      fineAmount: 4.5,
      subjectCode: r.codeB,
      subjectName: `公司B ${r.run}`,
    });
    expect(moved.body).toMatchObject({ status: 'updated', record: { id: updated.body.record.id } });
    expect(moved.body.record.subjectId).not.toBe(updated.body.record.subjectId);
    expect(new Set(changes[changes.length - 1].subjectIds)).toEqual(
      new Set([moved.body.record.subjectId, updated.body.record.subjectId]),
    );
    expect(await countOf(r.source)).toBe(bodies.length);
  });

  it('computes publicity windows per 令第58号 (2025) and 令第36号 (May 2026), keeping the rule version', async () => {
    const r = newRun();
    const window = async (over: Record<string, unknown>) => {
      const res = await post('/api/v1/records', penalty(r, over));
      expect(res.status).toBe(201);
      const { ruleVersion, publicityMinEnd, publicityEnd } = res.body.record;
      return { ruleVersion, publicityMinEnd, publicityEnd, published: res.body.record.details.publishedByDefault };
    };
    expect(await window({ decisionDate: '2025-03-10' })).toEqual({
      ruleVersion: 'NDRC-58',
      publicityMinEnd: '2025-06-10',
      publicityEnd: '2028-03-10',
      published: undefined,
    });
    expect(await window({ decisionDate: '2025-03-10', industry: 'food_drug', sector: 'drug' })).toMatchObject({
      ruleVersion: 'NDRC-58',
      publicityMinEnd: '2026-03-10',
      publicityEnd: '2028-03-10',
    });
    expect(await window({ decisionDate: '2026-05-15' })).toMatchObject({
      ruleVersion: 'NDRC-36',
      publicityMinEnd: '2026-08-15',
      publicityEnd: '2027-05-15',
    });
    expect(await window({ decisionDate: '2026-05-15', severity: 'serious' })).toMatchObject({
      ruleVersion: 'NDRC-36',
      publicityMinEnd: '2027-05-15',
      publicityEnd: '2029-05-15',
    });
    expect(
      await window({ decisionDate: '2026-05-15', severity: 'minor', penaltyTypes: ['warning'], fineAmount: undefined }),
    ).toEqual({ ruleVersion: 'NDRC-36', publicityMinEnd: '2026-05-15', publicityEnd: '2026-08-15', published: false });
    // The 1-year fire / food / drug minimum is 令第58号's: under 令第36号 the grade alone sets the window.
    expect(await window({ decisionDate: '2026-03-31', industry: 'fire_safety' })).toMatchObject({
      ruleVersion: 'NDRC-58',
      publicityMinEnd: '2027-03-31',
      publicityEnd: '2029-03-31',
    });
    expect(await window({ decisionDate: '2026-05-15', industry: 'fire_safety' })).toMatchObject({
      ruleVersion: 'NDRC-36',
      publicityMinEnd: '2026-08-15',
      publicityEnd: '2027-05-15',
    });
    expect(
      await window({
        decisionDate: '2026-05-15',
        industry: 'food_drug',
        sector: 'food',
        severity: 'minor',
        penaltyTypes: ['warning'],
        fineAmount: undefined,
      }),
    ).toEqual({ ruleVersion: 'NDRC-36', publicityMinEnd: '2026-05-15', publicityEnd: '2026-08-15', published: false });
    const listed = await post('/api/v1/records', {
      ...penalty(r),
      type: 'list_entry',
      listType: 'court_defaulter',
      listGround: 2,
      severity: 'serious',
      penaltyTypes: undefined,
      fineAmount: undefined,
      decisionDate: '2025-05-20',
    });
    expect(listed.body.record).toMatchObject({ publicityEnd: '2027-05-20', ruleVersion: 'NDRC-58' }); // 失信被执行人: 2 years by default
  });

  it('imports JSON with mixed rows: exact per-row report, valid rows stored; twice changes nothing; a changed row is updated', async () => {
    const r = newRun();
    const body = fixture('mixed.json', r);
    const seen = changes.length;
    const res = await post('/api/v1/records/import', body);
    expect(res.status).toBe(200);
    expect(changes.slice(seen)).toEqual([{ reason: 'import', subjectIds: expect.any(Array) }]);
    expect(new Set(changes[seen].subjectIds).size).toBe(3); // company A, the natural person, company B
    const refused = (row: number, fields: string[]) => ({
      row,
      status: 'refused',
      errors: fields.map((field) => expect.objectContaining({ field })),
    });
    expect(
      res.body.rows.map((x: { row: number; status: string; errors?: unknown[] }) => ({
        row: x.row,
        status: x.status,
        ...(x.errors ? { errors: x.errors } : {}),
      })),
    ).toEqual([
      { row: 1, status: 'stored' },
      refused(2, ['subjectCode']),
      { row: 3, status: 'stored' },
      refused(4, ['decisionDate']),
      refused(5, ['inspector']),
      refused(6, ['severity', 'penaltyTypes']),
      { row: 7, status: 'stored' },
      refused(8, ['subjectIdNumber']),
      refused(9, ['commitmentStatusDate']),
      { row: 10, status: 'stored' },
      refused(11, ['decisionDate']),
    ]);
    expect(res.body.totals).toEqual({ rows: 11, stored: 4, unchanged: 0, updated: 0, refused: 7 });
    expect(res.body.rows[6]).toMatchObject({ subject: masked(r.idA), decisionNumber: `${r.run}-E1` });
    expect(res.body.rows[7]).toMatchObject({ subject: masked(r.badId) });
    expect(res.body.rows[1].errors[0].reason).toMatch(/check character/);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(r.idA);
    expect(text).not.toContain(r.badId);
    const stored = await tableOf(r.source);
    expect(stored.map((x: { decision_number: string }) => x.decision_number)).toEqual([
      `${r.run}-E1`,
      `${r.run}-L1`,
      `${r.run}-P1`,
      `${r.run}-T2`,
    ]);
    expect(JSON.stringify(stored)).not.toContain(r.idA);

    const again = await post('/api/v1/records/import', body);
    expect(again.body.totals).toEqual({ rows: 11, stored: 0, unchanged: 4, updated: 0, refused: 7 });
    expect(changes.length).toBe(seen + 1); // nothing changed, nothing announced
    expect(
      again.body.rows
        .filter((x: { status: string }) => x.status !== 'refused')
        .map((x: { recordId: string }) => x.recordId),
    ).toEqual(
      res.body.rows
        .filter((x: { status: string }) => x.status !== 'refused')
        .map((x: { recordId: string }) => x.recordId),
    );
    expect(await tableOf(r.source)).toEqual(stored);

    const changed = JSON.parse(body) as { records: Record<string, unknown>[] };
    changed.records[0].fineAmount = 6;
    const third = await post('/api/v1/records/import', changed);
    expect(third.body.totals).toMatchObject({ stored: 0, unchanged: 3, updated: 1 });
    expect(third.body.rows[0]).toMatchObject({ status: 'updated', recordId: res.body.rows[0].recordId });
  });

  it('imports CSV with mixed rows, reporting file lines; twice changes nothing', async () => {
    const r = newRun();
    const csv = fixture('mixed.csv', r);
    const res = await post('/api/v1/records/import', csv, { 'content-type': 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('csv');
    expect(
      res.body.rows.map((x: { row: number; line: number; status: string; errors?: { field: string }[] }) => [
        x.row,
        x.line,
        x.status,
        x.errors?.map((e) => e.field),
      ]),
    ).toEqual([
      [1, 2, 'stored', undefined],
      [2, 3, 'stored', undefined],
      [3, 4, 'refused', ['subjectCode']],
      [4, 5, 'stored', undefined],
      [5, 7, 'refused', ['taxLevel']],
      [6, 8, 'refused', ['listType']],
    ]);
    expect(res.body.rows[5].subject).toBe(masked(r.idA));
    expect(JSON.stringify(res.body)).not.toContain(r.idA);
    const stored = await tableOf(r.source);
    const p1 = stored.find((x: { decision_number: string }) => x.decision_number === `${r.run}-P1`);
    expect(p1).toMatchObject({
      penalty_types: ['fine', 'licence_suspension'],
      fine_amount: '20.5000',
      industry: 'construction',
    });
    expect(stored.find((x: { type: string }) => x.type === 'commitment').details.violationFacts).toBe(
      '承诺事项：\n按期补交材料',
    );
    const again = await post('/api/v1/records/import', csv, { 'content-type': 'text/csv; charset=utf-8' });
    expect(again.body.totals).toEqual({ rows: 6, stored: 0, unchanged: 3, updated: 0, refused: 3 });
    expect(await tableOf(r.source)).toEqual(stored);
  });

  it('refuses bad input with a 4xx problem naming the field, and stores nothing', async () => {
    const r = newRun();
    const problem = (
      res: { status: number; headers: Headers; body: UntypedBody },
      status: number,
      field: string | RegExp,
    ) => {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContainEqual(
        typeof field === 'string' ? field : expect.stringMatching(field),
      );
    };
    problem(await post('/api/v1/records', penalty(r, { subjectCode: r.badCode })), 400, 'subjectCode');
    problem(await post('/api/v1/records', penalty(r, { decisionDate: '2025-13-01' })), 400, 'decisionDate');
    problem(await post('/api/v1/records', penalty(r, { decisionDate: '2099-01-01' })), 400, 'decisionDate');
    problem(await post('/api/v1/records', penalty(r, { colour: 'red' })), 400, 'colour');
    problem(await post('/api/v1/records', penalty(r, { severity: undefined })), 400, 'severity');
    problem(
      await post('/api/v1/records', penalty(r, { type: 'tax_credit', taxLevel: 'E', taxYear: 2024 })),
      400,
      'taxLevel',
    );
    const person = await post('/api/v1/records', penalty(r, { subjectCode: undefined, subjectIdNumber: r.badId }));
    problem(person, 400, 'subjectIdNumber');
    expect(JSON.stringify(person.body)).not.toContain(r.badId);
    problem(await post('/api/v1/records', 'not json', { 'content-type': 'text/plain' }), 415, 'content-type');
    problem(await post('/api/v1/records', '{"type": "penalty",', { 'content-type': 'application/json' }), 400, 'body');
    const header = 'type,source,decisionNumber,subjectName,subjectCode,severity,penaltyTypes,decisionDate';
    problem(
      await post(
        '/api/v1/records/import',
        `${header}\npenalty,${r.source},X1,公司,${r.codeA},minor,warning,2025-01-01\npenalty,"${r.source},X2\n`,
        { 'content-type': 'text/csv' },
      ),
      400,
      /^line \d+$/,
    );
    const badCsv = await post('/api/v1/records/import', `${header}\npenalty,${r.source},X1,公司\n`, {
      'content-type': 'text/csv',
    });
    problem(badCsv, 400, 'line 2');
    problem(await post('/api/v1/records/import', `${header},colour\n`, { 'content-type': 'text/csv' }), 400, 'colour');
    problem(await post('/api/v1/records/import', { rows: [penalty(r)] }), 400, 'rows');
    problem(
      // Beyond 5,000 rows an import is a background job (jobs.e2e.spec.ts); beyond 200,000 it is refused.
      await post('/api/v1/records/import', { records: Array.from({ length: 200_001 }, () => ({})) }),
      400,
      'records',
    );
    problem(
      await post('/api/v1/records/import', '<records/>', { 'content-type': 'application/xml' }),
      415,
      'content-type',
    );
    expect(await countOf(r.source)).toBe(0);
  });

  it('two imports registering the same new subjects in opposite row orders both succeed (no deadlock between them)', async () => {
    for (let round = 0; round < 3; round++) {
      const r = newRun();
      const codes = Array.from({ length: 30 }, () => uscc('91350200'));
      // The name gives the code's place, not the code: a code with 15 digits in a row would make the name look like an ID number (refused).
      const name = (code: string): string => `对向导入公司 第${codes.indexOf(code) + 1}号`;
      const rows = (prefix: string, order: string[]) =>
        order.map((code, i) =>
          penalty(r, {
            decisionNumber: `${prefix}-${String(i).padStart(3, '0')}`,
            subjectCode: code,
            subjectName: name(code),
          }),
        );
      const [a, b] = await Promise.all([
        post('/api/v1/records/import', { records: rows('A', codes) }),
        post('/api/v1/records/import', { records: rows('B', [...codes].reverse()) }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect([a.body.totals.stored, b.body.totals.stored]).toEqual([30, 30]);
      expect(await countOf(r.source)).toBe(60);
    }
  });

  it('keeps a record refused on POST for the 双公示 data-quality statistics, as a refused import row is kept', async () => {
    const r = newRun();
    expect((await post('/api/v1/records', penalty(r, { subjectCode: r.badCode }))).status).toBe(400);
    expect((await post('/api/v1/records', penalty(r, { colour: 'red' }))).status).toBe(400);
    const failures = await get(
      `/api/v1/quality/failures?from=2025-01-01&department=${encodeURIComponent(r.source)}&kind=refused`,
    );
    expect(failures.status).toBe(200);
    const kept = failures.body.items.map((f: { codeCheckFailed: boolean; errors: { field: string }[] }) => [
      f.codeCheckFailed,
      f.errors.map((e) => e.field),
    ]);
    expect(kept).toEqual(
      expect.arrayContaining([
        [true, ['subjectCode']],
        [false, ['colour']],
      ]),
    );
    expect(await countOf(r.source)).toBe(0);
  });

  it("answers a record, a subject's records as of a date, and revokes: the record stops counting at once", async () => {
    const r = newRun();
    const created = await post('/api/v1/records', penalty(r, { decisionDate: '2025-03-10' }));
    const old = await post('/api/v1/records', penalty(r, { decisionDate: '2022-01-10' })); // publicity ended 2025-01-10
    const { id, subjectId } = created.body.record;
    expect((await get(`/api/v1/records/${id}`)).body).toMatchObject({ id, subjectId, inForce: true });
    expect((await get(`/api/v1/records/${randomUUID()}`)).status).toBe(404);
    expect((await get('/api/v1/records/not-a-uuid')).body).toMatchObject({
      status: 400,
      errors: [{ field: 'id', reason: 'must be a UUID' }],
    });

    const list = (await get(`/api/v1/subjects/${subjectId}/records?asOf=2025-06-01`)).body;
    expect(list.subject).toMatchObject({ id: subjectId, code: r.codeA });
    expect(list.records.map((x: { id: string }) => x.id)).toEqual([id]);
    const all = (await get(`/api/v1/subjects/${subjectId}/records?includeEnded=true`)).body;
    expect(all.records.map((x: { id: string; inForce: boolean }) => [x.id, x.inForce])).toEqual([
      [id, true],
      [old.body.record.id, false],
    ]);
    expect((await get(`/api/v1/subjects/${subjectId}/records?asOf=2025-02-30`)).status).toBe(400);
    expect((await get(`/api/v1/subjects/${randomUUID()}/records`)).status).toBe(404);

    const inForce = async (asOf: string) =>
      (await service.recordsInForceFor([subjectId, randomUUID()], asOf)).get(subjectId)!.length;
    expect(await inForce('2026-11-28')).toBe(1);
    const before = changes.length;
    const revoked = await post(`/api/v1/records/${id}/revoke`, { reason: '行政复议撤销', revokedAt: '2026-11-01' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      revokedAt: '2026-11-01',
      revocationReason: '行政复议撤销',
      inForce: false,
    });
    expect(changes.slice(before)).toEqual([{ subjectIds: [subjectId], reason: 'revoke' }]);
    expect(await inForce('2026-11-28')).toBe(0);
    expect(await inForce('2026-10-31')).toBe(1); // as-of answers before the revocation still count it
    expect((await post(`/api/v1/records/${id}/revoke`, { reason: 'again' })).status).toBe(409);
    expect(
      (await post(`/api/v1/records/${old.body.record.id}/revoke`, { reason: 'x', revokedAt: '2021-01-01' })).status,
    ).toBe(400);
    // Re-sending the same record does not undo the revocation.
    const resent = await post(
      '/api/v1/records',
      penalty(r, { decisionDate: '2025-03-10', decisionNumber: created.body.record.decisionNumber }),
    );
    expect(resent.body).toMatchObject({ status: 'unchanged', record: { status: 'revoked' } });
  });

  it('serves the routes in the OpenAPI document', async () => {
    const doc = (await get('/docs-json')).body;
    for (const path of [
      '/api/v1/records',
      '/api/v1/records/import',
      '/api/v1/records/{id}',
      '/api/v1/subjects/{id}/records',
      '/api/v1/records/{id}/revoke',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
