import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Clock } from '../../src/common/clock';
import { http, startTestApp, type HttpResult, type TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

/**
 * The database stays up but refuses this service: an administrator closes it to connections
 * (`ALTER DATABASE … ALLOW_CONNECTIONS false`, SQLSTATE 55000 on every new connection) and terminates the
 * service's backends (57P01) while checks and imports flow. Every answer in that time is a 200 that was
 * fully done, or a 503 problem-details answer with Retry-After — never a 500 — and an import answered 503
 * left nothing behind. When the database opens again, checks answer 200 with no restart.
 *
 * Real PostgreSQL server only (jest.config.js leaves the outage files out on the embedded database): the
 * test makes a database of its own, which it closes, and drops at the end.
 */
const CHECK = {
  scenario: 'tendering',
  transaction: { reference: 'OUTAGE-CLOSED-1', amount: 1000 },
  parties: [{ code: '91500110MA8EEY8N48', role: 'bidder' }],
};
const CLOSED_FOR_MS = 2500;

interface Seen {
  route: 'check' | 'import';
  phase: 'before' | 'closed' | 'after';
  status: number;
  code?: string;
  retryAfter: string | null;
  contentType: string | null;
  source?: string;
  records?: unknown[];
}

describe('database closed to connections and backends terminated (管理员关闭数据库连接)', () => {
  const dbName = `outage_closed_${randomUUID().slice(0, 8)}`;
  let admin: Client;
  let t: TestApp;
  const seen: Seen[] = [];
  let phase: Seen['phase'] = 'before';

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${dbName}`;
    t = await startTestApp({ DATABASE_URL: url.toString(), RATE_LIMIT_PER_MINUTE: '0' });
  }, 60_000);

  afterAll(async () => {
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await t?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  const note = (route: Seen['route'], r: HttpResult, source?: string): Seen => {
    const s: Seen = {
      route,
      phase,
      status: r.status,
      code: r.status === 200 ? undefined : (r.body as { code?: string }).code,
      retryAfter: r.headers.get('retry-after'),
      contentType: r.headers.get('content-type'),
      source,
    };
    seen.push(s);
    return s;
  };
  const check = async () => note('check', await http(t.url, 'POST', '/api/v1/checks', CHECK));
  /** A decision a month before the service's today: valid on any date the suite runs. */
  const monthAgo = () => new Date(Date.parse(t.app.get(Clock).today()) - 30 * 86_400_000).toISOString().slice(0, 10);
  const importOne = async () => {
    const source = `closed-${randomUUID().slice(0, 8)}`;
    const records = [1, 2].map((n) => ({
      type: 'penalty',
      source,
      decisionNumber: `渝关闭罚〔2026〕${n}号`,
      subjectName: '关库测试公司',
      subjectCode: uscc(),
      severity: 'general',
      penaltyTypes: ['other'],
      decisionDate: monthAgo(),
    }));
    const seen = note('import', await http(t.url, 'POST', '/api/v1/records/import', { records }), source);
    seen.records = records;
    return seen;
  };
  const sendUntil = (stop: () => boolean, send: () => Promise<Seen>) =>
    (async () => {
      while (!stop()) {
        await send();
        await new Promise((r) => setTimeout(r, 25));
      }
    })();

  it('answers 503 with Retry-After (never 500) while closed, 200 again once open, no import half-written', async () => {
    expect((await check()).status).toBe(200);
    expect((await importOne()).status).toBe(200);

    let stop = false;
    const flows = [sendUntil(() => stop, check), sendUntil(() => stop, check), sendUntil(() => stop, importOne)];
    await new Promise((r) => setTimeout(r, 200));
    phase = 'closed';
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [dbName]);
    await new Promise((r) => setTimeout(r, CLOSED_FOR_MS));
    stop = true;
    await Promise.all(flows);
    const ready = await http(t.url, 'GET', '/health/ready');

    phase = 'after';
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
    let back: Seen | undefined;
    for (let i = 0; i < 50 && back?.status !== 200; i++) {
      back = await check();
      if (back.status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(back?.status).toBe(200);
    expect((await importOne()).status).toBe(200);

    const closed = seen.filter((s) => s.phase === 'closed');
    const refused = closed.filter((s) => s.status !== 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.filter((s) => s.route === 'import').length).toBeGreaterThan(0);
    for (const s of refused) {
      expect({ route: s.route, status: s.status }).toEqual({ route: s.route, status: 503 });
      expect(['DATABASE_UNAVAILABLE', 'AUDIT_UNAVAILABLE']).toContain(s.code);
      expect(s.contentType).toMatch(/^application\/problem\+json/);
      expect(Number(s.retryAfter)).toBeGreaterThan(0);
    }
    expect(ready.status).toBe(503);

    // Never half-written: an import answered 200 stored both rows; one answered 503 stored none, or (AUDIT_UNAVAILABLE:
    // its rows committed, the audit append did not — the outbox chains it later) both. Retried once the database is
    // open, each stores its rows exactly once.
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${dbName}`;
    const direct = new Client({ connectionString: url.toString() });
    await direct.connect();
    const count = async (source: string) =>
      Number(
        (await direct.query<{ n: string }>('SELECT count(*) AS n FROM credit_records WHERE source = $1', [source]))
          .rows[0].n,
      );
    try {
      for (const s of seen.filter((x) => x.route === 'import')) {
        const stored = await count(s.source!);
        expect({ status: s.status, code: s.code, stored }).toEqual({
          status: s.status,
          code: s.code,
          stored: s.status === 200 ? 2 : s.code === 'AUDIT_UNAVAILABLE' && stored === 2 ? 2 : 0,
        });
        if (s.status === 200) continue;
        const retry = await http(t.url, 'POST', '/api/v1/records/import', { records: s.records });
        expect(retry.status).toBe(200);
        expect(await count(s.source!)).toBe(2);
      }
    } finally {
      await direct.end();
    }
  }, 90_000);
});
