import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AUDIT_LOCK_KEY } from '../../src/modules/audit/audit.store';
import { chainText } from '../../src/modules/audit/audit-chain';
import { AuditRow, chainFieldsOf } from '../../src/modules/audit/audit-entry';
import { AuditService } from '../../src/modules/audit/audit.service';
import type { AuditEntryView } from '../../src/modules/audit/audit.types';
import { canonicalJson } from '../../src/common/canonical-json';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';

const ID_NUMBER = '11010519491231002X';
const MASKED = '110105********002X';

type AuditPage = Dto<'AuditPageDto'>;

describe('audit trail (审计日志)', () => {
  let t: TestApp;
  let audit: AuditService;
  let ds: DataSource;
  let su: Client;
  let scopedUrl: string;
  const caller = `audit-test-${randomUUID().slice(0, 8)}`;

  // A chain of its own (a schema on a PostgreSQL server, a database of its own on the embedded one): the tampering below breaks the chain for a
  // moment, which must never be what another test file's verify sees.
  beforeAll(async () => {
    const iso = await startIsolatedTestApp();
    t = iso;
    audit = t.app.get(AuditService);
    ds = t.app.get(DataSource);
    scopedUrl = iso.databaseUrl;
    su = new Client({ connectionString: scopedUrl });
    await su.connect();
  });
  afterAll(async () => {
    await su.end();
    await t.close();
  });

  const append = (extra: Partial<Parameters<AuditService['append']>[0]> = {}) =>
    audit.append({
      kind: 'check',
      caller,
      scenario: 'tendering',
      request: { q: randomUUID() },
      response: { tier: 'B' },
      ...extra,
    });

  /** Four entries committed in one batch: contiguous, and the middle ones have neighbours on both sides. */
  async function four(): Promise<AuditEntryView[]> {
    const entries = (await Promise.all([append(), append(), append(), append()])).map((r) => r.entry);
    expect(entries.map((e) => e.seq - entries[0].seq)).toEqual([0, 1, 2, 3]);
    return entries;
  }

  /** As superuser, with the append-only triggers off for this transaction only (SET LOCAL), under the writers' lock. */
  async function asSuperuser(fn: (c: Client) => Promise<void>): Promise<void> {
    await su.query('BEGIN');
    try {
      await su.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
      await su.query('SET LOCAL session_replication_role = replica');
      await fn(su);
      await su.query('COMMIT');
    } catch (err) {
      await su.query('ROLLBACK');
      throw err;
    }
  }

  const snapshot = async (ids: string[]) =>
    (
      await su.query<{ j: string }>('SELECT row_to_json(a)::text AS j FROM audit_log a WHERE id = ANY($1::uuid[])', [
        ids,
      ])
    ).rows.map((r) => r.j);

  /** Put the rows back exactly as they were, so the shared chain is valid again for every other test. */
  async function restore(ids: string[], rows: string[]): Promise<void> {
    await asSuperuser(async (c) => {
      await c.query('DELETE FROM audit_log WHERE id = ANY($1::uuid[])', [ids]);
      for (const j of rows)
        await c.query('INSERT INTO audit_log SELECT * FROM json_populate_record(NULL::audit_log, $1::json)', [j]);
    });
    expect(await audit.verify()).toMatchObject({ valid: true });
    const triggers = await su.query(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND tgenabled = 'O' ORDER BY tgname`,
    );
    expect(triggers.rows.map((r: { tgname: string }) => r.tgname)).toEqual([
      'audit_log_no_truncate',
      'audit_log_no_update_delete',
    ]);
  }

  it('appends entries that link to their predecessor, read back and verify', async () => {
    const subjectId = randomUUID();
    const { duplicate, entry } = await append({
      subjectIds: [subjectId.toUpperCase()],
      operator: '张三',
      packVersions: { construction: '1.2.0' },
    });
    expect(duplicate).toBe(false);
    expect(entry).toMatchObject({
      kind: 'check',
      caller,
      operator: '张三',
      subjectIds: [subjectId],
      algorithm: 'sm3',
      packVersions: { construction: '1.2.0' },
    });
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    const prev = await su.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [entry.seq - 1]);
    expect(entry.prevHash).toBe(entry.seq === 1 ? '0'.repeat(64) : prev.rows[0].hash);
    expect(await audit.get(entry.id)).toEqual(entry);
    const report = await audit.verify();
    expect(report).toMatchObject({ valid: true });
    expect(report.entries).toBeGreaterThanOrEqual(entry.seq);
    expect((await audit.verify({ fromSeq: entry.seq })).entries).toBeGreaterThanOrEqual(1);
  });

  it('group-commits 500 concurrent appends: contiguous seq, a valid chain, fewer transactions than entries', async () => {
    const before = audit.writerStats();
    const started = Date.now();
    const pending: Array<Promise<{ entry: AuditEntryView }>> = [];
    for (let i = 0; i < 500; i++) {
      pending.push(append({ request: { i }, idempotencyKey: `burst-${i}` }));
      if (i % 5 === 4) await new Promise((r) => setImmediate(r)); // arrivals spread over 100 event-loop turns
    }
    const results = await Promise.all(pending);
    const ms = Date.now() - started;
    const after = audit.writerStats();
    const seqs = results.map((r) => r.entry.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(500);
    const batches = after.batches - before.batches;
    expect(after.written - before.written).toBe(500);
    expect(batches).toBeGreaterThan(0);
    expect(batches).toBeLessThan(500);
    expect(after.largestBatch).toBeGreaterThan(1);
    const span = await su.query<{ n: string; lo: string; hi: string }>(
      'SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM audit_log',
    );
    expect(Number(span.rows[0].lo)).toBe(1);
    expect(Number(span.rows[0].hi)).toBe(Number(span.rows[0].n));
    expect(await audit.verify()).toMatchObject({ valid: true });
    expect(ms).toBeLessThan(30_000);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the application connection', async () => {
    const { entry } = await append();
    const typeormLog = jest.spyOn(console, 'log').mockImplementation(() => undefined); // TypeORM logs each failed query
    for (const sql of [
      `UPDATE audit_log SET response = '{}' WHERE id = '${entry.id}'`,
      `DELETE FROM audit_log WHERE id = '${entry.id}'`,
      'TRUNCATE audit_log',
    ]) {
      await expect(ds.query(sql)).rejects.toMatchObject({
        message: expect.stringMatching(/audit_log is append-only: (UPDATE|DELETE|TRUNCATE) refused/),
        driverError: expect.objectContaining({ code: '42501' }),
      });
    }
    typeormLog.mockRestore();
    expect(await audit.get(entry.id)).toEqual(entry);
  });

  it('detects an entry altered by a superuser (named by seq, also over HTTP), and is valid again once restored', async () => {
    const [, b] = await four();
    const saved = await snapshot([b.id]);
    try {
      await asSuperuser((c) =>
        c.query(`UPDATE audit_log SET response = '{"tier":"A"}' WHERE id = $1`, [b.id]).then(() => undefined),
      );
      expect((await audit.verify()).firstInvalid).toMatchObject({ seq: b.seq, id: b.id, problem: 'altered' });
      const res = await http<Dto<'ChainReportDto'>>(t.url, 'GET', '/api/v1/audit/verify');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ valid: false, firstInvalid: { seq: b.seq, problem: 'altered' } });
    } finally {
      await restore([b.id], saved);
    }
  });

  it('detects a removed entry by the gap it leaves', async () => {
    const [, b] = await four();
    const saved = await snapshot([b.id]);
    try {
      await asSuperuser((c) => c.query('DELETE FROM audit_log WHERE id = $1', [b.id]).then(() => undefined));
      const report = await audit.verify();
      expect(report.firstInvalid).toMatchObject({ seq: b.seq, id: null, problem: 'removed' });
      expect(report.firstInvalid?.detail).toContain(`seq ${b.seq} is missing`);
    } finally {
      await restore([b.id], saved);
    }
  });

  it('detects two entries whose seq were swapped as reordered', async () => {
    const [, b, c] = await four();
    const saved = await snapshot([b.id, c.id]);
    try {
      await asSuperuser(async (x) => {
        await x.query('UPDATE audit_log SET seq = $2 WHERE id = $1', [b.id, Number.MAX_SAFE_INTEGER]);
        await x.query('UPDATE audit_log SET seq = $2 WHERE id = $1', [c.id, b.seq]);
        await x.query('UPDATE audit_log SET seq = $2 WHERE id = $1', [b.id, c.seq]);
      });
      expect((await audit.verify()).firstInvalid).toMatchObject({ seq: b.seq, id: c.id, problem: 'reordered' });
    } finally {
      await restore([b.id, c.id], saved);
    }
  });

  it('answers a repeated idempotency key with the first entry, in one batch or later, and stores one row', async () => {
    const key = `ZB-${randomUUID()}`;
    const [x, y] = await Promise.all([
      append({ idempotencyKey: key, response: { n: 1 } }),
      append({ idempotencyKey: key, response: { n: 2 } }),
    ]);
    expect(x.duplicate).toBe(false);
    expect(y).toEqual({ duplicate: true, entry: x.entry });
    const again = await append({ idempotencyKey: key, response: { n: 3 } });
    expect(again).toEqual({ duplicate: true, entry: x.entry });
    expect(await audit.findByIdempotencyKey(caller, key)).toEqual(x.entry);
    expect(await audit.findByIdempotencyKey('someone-else', key)).toBeNull();
    const rows = await su.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE idempotency_key = $1', [
      key,
    ]);
    expect(rows.rows[0].n).toBe(1);
    // The same entry id again is the same entry; under another kind it is a conflict.
    expect(await audit.append({ id: x.entry.id, kind: 'check', caller })).toEqual({ duplicate: true, entry: x.entry });
    await expect(audit.append({ id: x.entry.id, kind: 'feedback', caller })).rejects.toMatchObject({
      status: 409,
      code: 'AUDIT_ID_CONFLICT',
    });
  });

  it('two instances appending at once, each chaining on a head the other moved: every entry once, a valid contiguous chain', async () => {
    const t2 = await startTestApp({ DATABASE_URL: scopedUrl });
    try {
      const other = t2.app.get(AuditService);
      const key = `TWO-${randomUUID()}`;
      // Each writer's first batch learns the head; later ones chain on the head it last wrote, which the other
      // instance keeps moving: those are chained again (audit-batch.ts).
      const results = [];
      for (let round = 0; round < 10; round++) {
        results.push(
          ...(await Promise.all(
            Array.from({ length: 6 }, (_, i) =>
              (i % 2 ? other : audit).append({ kind: 'check', caller, request: { round, i } }),
            ),
          )),
        );
      }
      expect(results.every((r) => !r.duplicate)).toBe(true);
      expect(new Set(results.map((r) => r.entry.seq)).size).toBe(60);
      // The same idempotency key from both, the second instance's head stale: one entry, the same for both.
      const first = await audit.append({ kind: 'check', caller, idempotencyKey: key, request: { n: 1 } });
      const second = await other.append({ kind: 'check', caller, idempotencyKey: key, request: { n: 2 } });
      expect(second).toEqual({ duplicate: true, entry: first.entry });
      const span = await su.query<{ n: string; lo: string; hi: string }>(
        'SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM audit_log',
      );
      expect(Number(span.rows[0].hi) - Number(span.rows[0].lo) + 1).toBe(Number(span.rows[0].n));
      expect(await audit.verify()).toMatchObject({ valid: true });
    } finally {
      await t2.close();
    }
  });

  it("stores a natural person's ID number masked, never in full", async () => {
    const { entry } = await append({
      operator: `经办人 ${ID_NUMBER}`,
      request: {
        person: { name: '张三', idNumber: ID_NUMBER },
        note: `身份证号${ID_NUMBER}`,
        list: [[[{ deep: ID_NUMBER }]]],
      },
      response: { [ID_NUMBER]: 'as a key' },
    });
    const row = await su.query<{ j: string }>('SELECT row_to_json(a)::text AS j FROM audit_log a WHERE id = $1', [
      entry.id,
    ]);
    expect(row.rows[0].j).not.toContain(ID_NUMBER);
    expect(row.rows[0].j).toContain(MASKED);
    expect(JSON.stringify(entry)).not.toContain(ID_NUMBER);
    await expect(append({ idempotencyKey: `k-${ID_NUMBER}` })).rejects.toMatchObject({ code: 'AUDIT_ENTRY_INVALID' });
  });

  it('hashes exactly what it stores: canonical JSON survives the trip through jsonb', async () => {
    const request = {
      z: { b: [1.5, 1e21, -0, 1e-7, 2 ** 64, 0.1 + 0.2], a: { y: [], x: {} } },
      text: '中文 😀 \u2028 "quoted" \\ tab\t nul\u0000 lone\uD800',
      nested: [[{ c: null, b: true, a: false }]],
    };
    const { entry } = await append({ request });
    const raw = await su.query<AuditRow>('SELECT * FROM audit_log WHERE id = $1', [entry.id]);
    const stored = chainFieldsOf(raw.rows[0]);
    expect(canonicalJson(stored.request)).toBe(canonicalJson(entry.request));
    expect(chainText(stored)).toBe(chainText(chainFieldsOf({ ...raw.rows[0], request: entry.request })));
    expect(canonicalJson(stored.request)).toContain('"b":[1.5,1e+21,0,1e-7,18446744073709552000,0.30000000000000004]');
    const parsed = await su.query<{ v: unknown }>(`SELECT '{"a":1.50,"b":1e21,"c":[]}'::jsonb AS v`);
    expect(canonicalJson(parsed.rows[0].v as never)).toBe('{"a":1.5,"b":1e+21,"c":[]}');
    expect(await audit.verify({ fromSeq: entry.seq })).toMatchObject({ valid: true });
  });

  it('answers 503 AUDIT_UNAVAILABLE to every waiter of a batch that could not commit', async () => {
    const spy = jest.spyOn(ds, 'createQueryRunner').mockImplementationOnce(() => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    });
    const settled = await Promise.allSettled([append(), append(), append()]);
    spy.mockRestore();
    for (const s of settled) {
      expect(s.status).toBe('rejected');
      expect((s as PromiseRejectedResult).reason).toMatchObject({ status: 503, code: 'AUDIT_UNAVAILABLE' });
    }
    await expect(append()).resolves.toMatchObject({ duplicate: false });
  });

  it('commits pending appends before the pool closes on shutdown', async () => {
    const t2 = await startTestApp({ DATABASE_URL: scopedUrl });
    const audit2 = t2.app.get(AuditService);
    const pending = Array.from({ length: 50 }, (_, i) =>
      audit2.append({ kind: 'record.ingest', caller, request: { i } }),
    );
    await t2.close();
    const ids = (await Promise.all(pending)).map((r) => r.entry.id);
    const rows = await su.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE id = ANY($1::uuid[])', [
      ids,
    ]);
    expect(rows.rows[0].n).toBe(50);
  });

  describe('over HTTP', () => {
    const httpCaller = `audit-http-${randomUUID().slice(0, 8)}`;
    let entries: AuditEntryView[];
    const subjectId = randomUUID();

    beforeAll(async () => {
      entries = [];
      for (const operator of ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', 'plain, with "quotes"']) {
        entries.push(
          (
            await audit.append({
              kind: 'feedback',
              caller: httpCaller,
              operator,
              subjectIds: [subjectId],
              request: { operator },
            })
          ).entry,
        );
      }
    });

    it('verifies the chain', async () => {
      const res = await http<Dto<'ChainReportDto'>>(t.url, 'GET', '/api/v1/audit/verify');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ valid: true, fromSeq: 1 });
      expect(res.body.head?.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('is open to keys holding the audit scope only', async () => {
      const auditor = await t.createKey({ scopes: ['audit'] });
      const recorder = await t.createKey({ scopes: ['records'] });
      expect((await httpAs(auditor, t.url, 'GET', `/api/v1/audit/entries/${entries[0].id}`)).status).toBe(200);
      for (const path of [
        '/api/v1/audit/verify',
        '/api/v1/audit/entries',
        `/api/v1/audit/entries/${entries[0].id}`,
        '/api/v1/audit/export',
      ]) {
        expect((await httpAs(recorder, t.url, 'GET', path)).body).toMatchObject({
          status: 403,
          code: 'SCOPE_FORBIDDEN',
        });
        expect((await httpAs(null, t.url, 'GET', path)).status).toBe(401);
      }
    });

    it('lists entries by filter, a keyset page at a time, and gets one', async () => {
      const page1 = await http<AuditPage>(t.url, 'GET', `/api/v1/audit/entries?caller=${httpCaller}&limit=3`);
      expect(page1.status).toBe(200);
      expect(page1.body.items.map((e) => e.id)).toEqual(entries.slice(0, 3).map((e) => e.id));
      const page2 = await http<AuditPage>(
        t.url,
        'GET',
        `/api/v1/audit/entries?caller=${httpCaller}&limit=3&afterSeq=${page1.body.nextAfterSeq}`,
      );
      expect(page2.body.items.map((e) => e.id)).toEqual(entries.slice(3).map((e) => e.id));
      expect(page2.body.nextAfterSeq).toBeNull();
      const bySubject = await http<AuditPage>(
        t.url,
        'GET',
        `/api/v1/audit/entries?subjectId=${subjectId}&kind=feedback&from=2000-01-01T00:00:00Z`,
      );
      expect(bySubject.body.items).toHaveLength(5);
      const none = await http<AuditPage>(t.url, 'GET', `/api/v1/audit/entries?subjectId=${subjectId}&to=2000-01-01`);
      expect(none.body.items).toHaveLength(0);
      const one = await http(t.url, 'GET', `/api/v1/audit/entries/${entries[0].id}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(entries[0]);
    });

    it('refuses bad input with problem details naming the field', async () => {
      for (const [query, field] of [
        ['limit=0', 'limit'],
        ['afterSeq=-1', 'afterSeq'],
        ['subjectId=nope', 'subjectId'],
        ['from=yesterday', 'from'],
        ['kind=Bad%20Kind', 'kind'],
        ['extra=1', 'extra'],
      ]) {
        const res = await http<ProblemDetails>(t.url, 'GET', `/api/v1/audit/entries?${query}`);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.body.errors?.[0].field).toBe(field);
      }
      expect((await http<ProblemDetails>(t.url, 'GET', '/api/v1/audit/export?format=xml')).body.errors?.[0].field).toBe(
        'format',
      );
      expect(
        (await http<ProblemDetails>(t.url, 'GET', '/api/v1/audit/entries/not-a-uuid')).body.errors?.[0].field,
      ).toBe('id');
      const missing = await http<ProblemDetails>(t.url, 'GET', `/api/v1/audit/entries/${randomUUID()}`);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('AUDIT_ENTRY_NOT_FOUND');
    });

    it('exports JSON Lines that keep every hashed field', async () => {
      const res = await http(t.url, 'GET', `/api/v1/audit/export?caller=${httpCaller}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/x-ndjson');
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="audit-.*\.jsonl"/);
      const lines = String(res.body)
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as AuditEntryView);
      expect(lines).toEqual(entries);
    });

    it('exports CSV with formula-looking cells neutralised', async () => {
      const res = await http(t.url, 'GET', `/api/v1/audit/export?caller=${httpCaller}&format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const text = String(res.body);
      const lines = text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'seq,id,kind,createdAt,caller,operator,scenario,subjectIds,idempotencyKey,requestHash,packVersions,request,response,algorithm,prevHash,hash',
      );
      expect(lines).toHaveLength(6);
      expect(lines[1]).toContain(`,"'=HYPERLINK(""http://x"")",`);
      expect(lines[2]).toContain(",'+1,");
      expect(lines[3]).toContain(",'-2,");
      expect(lines[4]).toContain(",'@SUM(A1),");
      expect(lines[5]).toContain(',"plain, with ""quotes""",');
      expect(lines[1].startsWith(`${entries[0].seq},${entries[0].id},feedback,`)).toBe(true);
    });
  });
});
