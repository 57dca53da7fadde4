import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { addMonths } from '../../src/rules/shared';
import { AuditService } from '../../src/modules/audit/audit.service';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';
import { uscc, idNumber } from '../helpers/identifiers';

describe('checks (逢办必查) over HTTP', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: Clock;
  const source = `checks-test-${randomUUID().slice(0, 8)}`;
  const post = (path: string, body: unknown, headers?: Record<string, string>) =>
    http(t.url, 'POST', path, body, headers);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    clock = t.app.get(Clock);
    clock.pin('2026-11-28T04:00:00Z');
  });
  afterEach(() => clock.pin('2026-11-28T04:00:00Z'));
  afterAll(async () => {
    await t.close();
  });

  async function listed(
    listType: string,
    decisionDate = '2026-06-01',
  ): Promise<{ code: string; decisionNumber: string }> {
    const code = uscc();
    const decisionNumber = `${listType}-${randomUUID()}`;
    const res = await post('/api/v1/records', {
      type: 'list_entry',
      source,
      decisionNumber,
      subjectName: `綦江核查测试公司${code.slice(-4)}`,
      subjectCode: code,
      listType,
      ...(listType === 'red_list' ? {} : { severity: 'serious' }),
      ...(listType === 'court_defaulter' ? { listGround: 2 } : {}),
      ...(listType === 'procurement_dishonesty' ? { listEndDate: addMonths(decisionDate, 24) } : {}),
      decisionDate,
    });
    expect(res.status).toBe(201);
    await t.app.get(TieringService).idle();
    return { code, decisionNumber };
  }
  const check = (scenario: string, parties: unknown[], headers?: Record<string, string>) =>
    post(
      '/api/v1/checks',
      { scenario, transaction: { reference: `T-${randomUUID()}`, amount: 860000 }, parties },
      headers,
    );

  it('blocks a supplier on the 失信被执行人 list in procurement, citing the legal basis and the list entry; passes once the window ends', async () => {
    const s = await listed('court_defaulter');
    const res = await check('government_procurement', [{ code: s.code, role: 'supplier' }]);
    expect(res.status).toBe(200);
    const party = res.body.parties[0];
    expect(party.verdict).toBe('block');
    expect(res.body.verdict).toBe('block');
    const m = party.measures.find((x: { code: string }) => x.code === 'gp-reject-listed-supplier');
    expect(m.effect).toBe('block');
    expect(m.legalBasis.documentNumber).toBe('财库〔2016〕125号');
    expect(m.triggeredBy).toEqual([
      expect.objectContaining({
        decisionNumber: s.decisionNumber,
        listType: 'court_defaulter',
        publicityEnd: '2028-06-01',
      }),
    ]);
    expect(res.body.packVersions.measures).toMatch(/^\d+\.\d+\.\d+$/);
    expect(res.body.audit.seq).toBeGreaterThan(0);

    clock.pin('2028-06-02T04:00:00Z'); // the 2-year listing (SPC 2017) has ended
    const later = await check('government_procurement', [{ code: s.code, role: 'supplier' }]);
    expect(later.body.parties[0]).toMatchObject({ verdict: 'pass', measures: [] });
  });

  it('restricts a bidder on the procurement serious-violation list in tendering (its own memorandum)', async () => {
    const s = await listed('procurement_dishonesty');
    const res = await check('tendering', [{ code: s.code, role: 'bidder' }]);
    expect(res.body.parties[0].verdict).toBe('restrict');
    const m = res.body.parties[0].measures[0];
    expect(m.legalBasis.title).toBeTruthy();
    expect(m.triggeredBy[0].decisionNumber).toBe(s.decisionNumber);
  });

  it('gives a red-listed subject its incentive measures, and passes a party with no records', async () => {
    const red = await listed('red_list', '2026-09-01');
    const unknown = uscc();
    const res = await check('government_funds', [
      { code: red.code, role: 'applicant' },
      { code: unknown, role: 'applicant' },
    ]);
    expect(res.status).toBe(200);
    const [a, b] = res.body.parties;
    expect(a.verdict).toBe('reward');
    expect(a.measures.map((m: { code: string }) => m.code)).toEqual(expect.arrayContaining(['green-channel']));
    expect(a.measures.every((m: { kind: string }) => m.kind === 'reward')).toBe(true);
    expect(b).toMatchObject({ verdict: 'pass', subjectId: null, measures: [], recordsInForce: 0 });
    expect(b.statement).toContain('pass');
  });

  it('answers a natural person masked, and keeps the full ID number out of the audit trail', async () => {
    const id = idNumber();
    const res = await post('/api/v1/checks', {
      scenario: 'financing',
      transaction: { reference: `贷款-${id}` },
      parties: [{ idNumber: id, role: 'borrower' }],
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(id);
    expect(res.body.transaction.reference).toBe(`贷款-${id.slice(0, 6)}********${id.slice(14)}`);
    expect(res.body.parties[0].identifier.idNumberMasked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
    const [row] = await db.query(`SELECT request::text || response::text AS text FROM audit_log WHERE id = $1`, [
      res.body.checkId,
    ]);
    expect(row.text).not.toContain(id);
  });

  it('is idempotent under Idempotency-Key: the same answer, one audit entry; another body under the key is 422', async () => {
    const s = await listed('court_defaulter');
    const key = `retry-${randomUUID()}`;
    const body = {
      scenario: 'tendering',
      transaction: { reference: 'IDEM-1' },
      parties: [{ code: s.code, role: 'bidder' }],
    };
    const first = await post('/api/v1/checks', body, { 'idempotency-key': key });
    const again = await post('/api/v1/checks', body, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.body.checkId).toBe(first.body.checkId);
    expect(again.body.replayed).toBe(true);
    expect(again.body.parties).toEqual(first.body.parties);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE idempotency_key = $1`, [key]);
    expect(n).toBe(1);
    const other = await post(
      '/api/v1/checks',
      { ...body, transaction: { reference: 'IDEM-2' } },
      { 'idempotency-key': key },
    );
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('500 concurrent checks leave 500 audit entries and a valid chain', async () => {
    const s = await listed('court_defaulter');
    const before = t.app.get(AuditService).writerStats();
    const ref = `CONC-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        post('/api/v1/checks', {
          scenario: 'tendering',
          transaction: { reference: `${ref}-${i}` },
          parties: [{ code: s.code, role: 'bidder' }],
        }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const ids = results.map((r) => r.body.checkId);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE kind = 'check' AND id = ANY($1::uuid[])`,
      [ids],
    );
    expect(n).toBe(500);
    const after = t.app.get(AuditService).writerStats();
    expect(after.batches - before.batches).toBeLessThan(500); // group commit batched them
    const report = await t.app.get(AuditService).verify();
    expect(report.valid).toBe(true);
  });

  it('takes feedback per measure, reads it back, and reports feedback rates per caller and scenario', async () => {
    const s = await listed('court_defaulter');
    const res = await check('government_procurement', [{ code: s.code, role: 'supplier' }]);
    const id = res.body.checkId;
    const codes = res.body.parties[0].measures.map((m: { code: string }) => m.code);
    const fb = await post(`/api/v1/checks/${id}/feedback`, {
      operator: 'qj-cg-07',
      items: [{ partyIndex: 0, measure: codes[0], applied: true, outcome: '取消其投标资格' }],
    });
    expect(fb.status).toBe(201);
    expect(fb.body.items).toEqual([
      expect.objectContaining({ measure: codes[0], applied: true, operator: 'qj-cg-07' }),
    ]);
    const [{ n: audited }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE kind = 'feedback' AND request->>'checkId' = $1`,
      [id],
    );
    expect(audited).toBe(1);
    const read = await http(t.url, 'GET', `/api/v1/checks/${id}/feedback`);
    expect(read.body.items).toHaveLength(1);

    const notApplied = await post(`/api/v1/checks/${id}/feedback`, {
      operator: 'x',
      items: [{ partyIndex: 0, measure: codes[0], applied: false }],
    });
    expect(notApplied.status).toBe(400);
    expect(notApplied.body.errors[0].field).toBe('items[0].reason');
    const wrongMeasure = await post(`/api/v1/checks/${id}/feedback`, {
      operator: 'x',
      items: [{ partyIndex: 0, measure: 'green-channel', applied: true }],
    });
    expect(wrongMeasure.body.errors[0].field).toBe('items[0].measure');

    const unknown = await post(`/api/v1/checks/${randomUUID()}/feedback`, {
      operator: 'x',
      items: [{ partyIndex: 0, measure: codes[0], applied: true }],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('CHECK_NOT_FOUND');
    const otherCaller = await t.createKey({ scopes: ['checks', 'feedback'] });
    expect((await httpAs(otherCaller, t.url, 'GET', `/api/v1/checks/${id}`)).status).toBe(404); // another caller's check is not theirs to read
    const [{ n: rows }] = await db.query(`SELECT count(*)::int AS n FROM check_feedback WHERE check_id = $1`, [id]);
    expect(rows).toBe(1); // the refused reports stored nothing

    const rates = await http(t.url, 'GET', '/api/v1/checks/feedback-rates');
    const mine = rates.body.items.find(
      (r: { caller: string; scenario: string }) =>
        r.caller === res.body.caller && r.scenario === 'government_procurement',
    );
    expect(mine.checksWithFeedback).toBeGreaterThanOrEqual(1);
    expect(mine.feedbackRate).toBeGreaterThan(0);
  });

  it('counts feedback rates by the day in China Standard Time: a check at 01:30 belongs to that day, not to the UTC day before', async () => {
    const s = await listed('court_defaulter');
    const key = await t.createKey({ scopes: ['checks'] });
    clock.pin('2026-11-27T17:30:00Z'); // 2026-11-28 01:30 in China
    const res = await httpAs(key, t.url, 'POST', '/api/v1/checks', {
      scenario: 'tendering',
      transaction: { reference: `T-${randomUUID()}` },
      parties: [{ code: s.code, role: 'bidder' }],
    });
    expect(res.status).toBe(200);
    clock.pin('2026-11-28T04:00:00Z');
    const on = async (day: string) =>
      (await http(t.url, 'GET', `/api/v1/checks/feedback-rates?from=${day}&to=${day}`)).body.items.filter(
        (r: { caller: string }) => r.caller === res.body.caller,
      );
    expect(await on('2026-11-28')).toEqual([
      expect.objectContaining({
        scenario: 'tendering',
        checks: 1,
        checksWithMeasures: 1,
        checksWithFeedback: 0,
        feedbackRate: 0,
      }),
    ]);
    expect(await on('2026-11-27')).toEqual([]);
  });

  it('takes a code or ID number written in full width (全角) as the same subject, as records and subjects do', async () => {
    const s = await listed('court_defaulter');
    const fullWidth = (v: string) => v.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const [ascii, wide] = [
      await check('tendering', [{ code: s.code, role: 'bidder' }]),
      await check('tendering', [{ code: fullWidth(s.code), role: 'bidder' }]),
    ];
    expect([ascii.status, wide.status]).toEqual([200, 200]);
    expect(wide.body.parties[0]).toMatchObject({
      subjectId: ascii.body.parties[0].subjectId,
      identifier: { code: s.code },
      verdict: ascii.body.parties[0].verdict,
    });
    expect(wide.body.parties[0].subjectId).toBeTruthy();
    const id = idNumber();
    const person = await check('tendering', [{ idNumber: fullWidth(id), role: 'bidder' }]);
    expect(person.status).toBe(200);
    expect(person.body.parties[0].identifier).toEqual({ idNumberMasked: `${id.slice(0, 6)}********${id.slice(14)}` });
  });

  it('maps an approval system payload onto the same check', async () => {
    const s = await listed('court_defaulter');
    const res = await post('/api/v1/integrations/tendering-platform/checks', {
      tenderProjectCode: '500110-2026-ZB-0412',
      tenderProjectName: '道路工程',
      controlPrice: 3200000,
      tenderer: { name: '綦江区交通局', unifiedCode: '91350200776049653A' },
      bidders: [{ name: '投标人', unifiedCode: s.code }],
    });
    expect(res.status).toBe(200);
    expect(res.body.scenario).toBe('tendering');
    expect(res.body.parties.map((p: { role: string }) => p.role)).toEqual(['tenderer', 'bidder']);
    expect(res.body.parties[1].verdict).toBe('restrict');
    const bad = await post('/api/v1/integrations/tendering-platform/checks', {
      tenderProjectCode: 'x',
      bidders: [{ name: 'a' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('bidders[0].unifiedCode');
    // What the check itself refuses is named as the platform wrote it too, not by the check's own fields.
    const wrong = await post('/api/v1/integrations/tendering-platform/checks', {
      tenderProjectCode: 'x',
      controlPrice: -5,
      tenderer: { name: '招标人', unifiedCode: uscc() },
      bidders: [
        { name: '甲', unifiedCode: uscc() },
        { name: '乙', unifiedCode: '91350100M000100Y4A' },
      ],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'bidders[1].unifiedCode',
      'controlPrice',
    ]);
    const unknown = await post('/api/v1/integrations/no-such-system/checks', { tenderProjectCode: 'x', bidders: [] });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'APPROVAL_SYSTEM_NOT_FOUND' });
  });

  it('refuses bad requests with problem details naming the field, and a scenario the caller may not check with 403', async () => {
    const cases: Array<[unknown, string]> = [
      [
        { scenario: 'lottery', transaction: { reference: 'r' }, parties: [{ code: uscc(), role: 'bidder' }] },
        'scenario',
      ],
      [
        {
          scenario: 'tendering',
          transaction: { reference: 'r' },
          parties: [{ code: '91350100M000100Y4A', role: 'bidder' }],
        },
        'parties[0].code',
      ],
      [
        {
          scenario: 'tendering',
          transaction: { reference: 'r' },
          parties: [{ code: uscc(), idNumber: idNumber(), role: 'bidder' }],
        },
        'parties[0].code',
      ],
      [{ scenario: 'tendering', transaction: { reference: 'r' }, parties: [] }, 'parties'],
      [
        { scenario: 'tendering', transaction: { reference: 'r' }, parties: [{ code: uscc(), role: 'king' }] },
        'parties[0].role',
      ],
      [
        {
          scenario: 'tendering',
          transaction: { reference: 'r', amount: -1 },
          parties: [{ code: uscc(), role: 'bidder' }],
        },
        'transaction.amount',
      ],
      [
        {
          scenario: 'tendering',
          transaction: { reference: 'r' },
          parties: [{ code: uscc(), role: 'bidder' }],
          extra: 1,
        },
        'extra',
      ],
    ];
    const [{ n: before }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE kind = 'check'`);
    for (const [body, field] of cases) {
      const res = await post('/api/v1/checks', body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const badKey = await post('/api/v1/checks', cases[0][0], { 'idempotency-key': 'has space' });
    expect(badKey.status).toBe(400);
    // The key is kept verbatim in the trail: a first-generation (15-digit) ID number in it is refused, not stored.
    const idKey = await post('/api/v1/checks', cases[0][0], { 'idempotency-key': 'loan-110105491231002' });
    expect(idKey.status).toBe(400);
    expect(idKey.body.errors[0].field).toBe('Idempotency-Key');
    expect(JSON.stringify(idKey.body)).not.toContain('110105491231002');
    const procurementOnly = await t.createKey({ scopes: ['checks'], scenarios: ['government_procurement'] });
    const forbidden = await httpAs(procurementOnly, t.url, 'POST', '/api/v1/checks', {
      scenario: 'tendering',
      transaction: { reference: 'r' },
      parties: [{ code: uscc(), role: 'bidder' }],
    });
    expect(forbidden.status).toBe(403);
    if (process.env.TEST_EMBEDDED === '1') {
      const [{ n: after }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE kind = 'check'`);
      expect(after).toBe(before);
    }
  });
});
