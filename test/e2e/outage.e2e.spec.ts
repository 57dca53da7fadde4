import { Client } from 'pg';
import { http, startTestApp, type HttpResult, type TestApp } from '../helpers/app';
import { TcpProxy, type CutMode } from '../helpers/tcp-proxy';

/**
 * Database outage: the application reaches the database through a TCP proxy that the test cuts and
 * restores while checks flow. During the cut a check answers 503 problem details within a bounded time
 * (never a hang, never a 200 without its audit entry), readiness goes 503; once the link returns, checks
 * answer 200 again with no restart.
 *
 * Real PostgreSQL server only: jest.config.js does not collect this file on the embedded database. There
 * the server runs PGlite inside its own process, so there is no network between them to fail; in this test
 * setup PGlite is one shared session behind a socket, and cutting a connection in the middle of a
 * transaction would leave that session's transaction open for every other suite.
 */

/** Server statement_timeout in this test; the driver gives up 2 s later (QUERY_TIMEOUT_MARGIN_MS). */
const STATEMENT_TIMEOUT_MS = 1500;
/**
 * Longest a check may take while the database is cut. Each database call gives up by itself: a connect
 * after 5 s (the pool's connectionTimeoutMillis), a silent query after 3.5 s. The worst path is an audit
 * append queued behind a batch that is stuck: that batch (connect, BEGIN, ROLLBACK: about 12 s), then its
 * own, which fails at once or meets the same.
 */
const OUTAGE_ANSWER_BOUND_MS = 25_000;
/** How long checks keep being sent once the link is cut. */
const SEND_DURING_CUT_MS = 2000;

const CHECK = {
  scenario: 'tendering',
  transaction: { reference: 'OUTAGE-1', amount: 1000 },
  parties: [{ code: '91500110MA8EEY8N48', role: 'bidder' }],
};

interface Seen {
  status: number;
  ms: number;
  checkId?: string;
  code?: string;
  contentType: string | null;
  phase: string;
}

describe('database outage (TCP proxy between the service and PostgreSQL)', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let db: Client;
  let phase = 'before';
  const seen: Seen[] = [];

  beforeAll(async () => {
    const real = new URL(process.env.DATABASE_URL!);
    proxy = await TcpProxy.start({ host: real.hostname, port: Number(real.port || 5432) });
    t = await startTestApp({
      DATABASE_URL: proxy.urlFor(process.env.DATABASE_URL!),
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      RATE_LIMIT_PER_MINUTE: '0',
    });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    proxy?.restore();
    await t?.close();
    await proxy?.close();
    await db?.end();
  });

  async function check(): Promise<Seen> {
    const started = Date.now();
    const at = phase;
    const r: HttpResult = await http(t.url, 'POST', '/api/v1/checks', CHECK);
    const s: Seen = {
      status: r.status,
      ms: Date.now() - started,
      checkId: r.status === 200 ? (r.body as { checkId: string }).checkId : undefined,
      code: r.status === 200 ? undefined : (r.body as { code?: string }).code,
      contentType: r.headers.get('content-type'),
      phase: at,
    };
    seen.push(s);
    return s;
  }

  /** `workers` clients sending checks back to back until `until()` says stop. */
  function flow(workers: number, until: () => boolean): Promise<void> {
    return Promise.all(
      Array.from({ length: workers }, async () => {
        while (!until()) {
          await check();
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    ).then(() => undefined);
  }

  async function ready(): Promise<number> {
    return (await http(t.url, 'GET', '/health/ready')).status;
  }

  async function untilOk(deadlineMs: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      const s = await check();
      if (s.status === 200) return Date.now() - started;
      if (Date.now() - started > deadlineMs)
        throw new Error(`checks still fail ${deadlineMs} ms after the link returned: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function outage(mode: CutMode): Promise<void> {
    phase = 'before';
    expect((await check()).status).toBe(200);
    expect(await ready()).toBe(200);
    let sending = true;
    const before = flow(3, () => phase !== 'before');
    await new Promise((r) => setTimeout(r, 300));
    phase = `cut:${mode}`;
    proxy.cut(mode);
    const cutAt = Date.now();
    // Checks sent while the link is down must all be answered while it is still down: a hang that only
    // ends when the link returns is a failure (the link may never return).
    const during = flow(3, () => !sending);
    const readiness = ready();
    setTimeout(() => (sending = false), SEND_DURING_CUT_MS);
    const answered = await Promise.race([
      Promise.all([before, during, readiness]).then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), SEND_DURING_CUT_MS + OUTAGE_ANSWER_BOUND_MS)),
    ]);
    const heldMs = Date.now() - cutAt;
    phase = `restored:${mode}`;
    proxy.restore();
    await Promise.all([before, during, readiness]);
    const recovered = await untilOk(15_000);
    expect(await ready()).toBe(200);

    expect(answered).toBe(true);
    expect(await readiness).toBe(503);
    const duringCut = seen.filter((s) => s.phase === `cut:${mode}`);
    expect(duringCut.length).toBeGreaterThan(0);
    for (const s of duringCut.filter((x) => x.status !== 200)) {
      expect(s.status).toBe(503);
      expect(s.contentType).toMatch(/^application\/problem\+json/);
      expect(['DATABASE_UNAVAILABLE', 'AUDIT_UNAVAILABLE']).toContain(s.code);
    }
    // Only a check whose answer was on its way when the link went down can still be a 200 (audited: see below).
    expect(duringCut.filter((s) => s.status === 503).length).toBeGreaterThan(0);
    for (const s of duringCut) expect(s.ms).toBeLessThan(OUTAGE_ANSWER_BOUND_MS);
    const slowest = Math.max(...duringCut.map((s) => s.ms));
    console.log(
      `outage ${mode}: ${duringCut.length} checks sent during the cut (${duringCut.filter((s) => s.status === 503).length} × 503, slowest ${slowest} ms), all answered within the cut (${heldMs} ms), readiness ${await readiness}, 200 again ${recovered} ms after restore`,
    );
  }

  it('a reset link (database down): 503 at once, readiness 503, 200 again after the link returns', async () => {
    await outage('reset');
  }, 90_000);

  it('a silent link (network partition): 503 within the timeouts instead of a hang, then 200 again', async () => {
    await outage('blackhole');
  }, 120_000);

  it('every check answered 200, before, during or after an outage, has its audit entry', async () => {
    const ok = seen.filter((s) => s.status === 200).map((s) => s.checkId!);
    expect(ok.length).toBeGreaterThan(0);
    const { rows } = await db.query<{ id: string }>('SELECT id FROM audit_log WHERE id = ANY($1::uuid[])', [ok]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(new Set(ok).size);
  });
});
