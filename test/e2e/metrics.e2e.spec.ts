import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { http, httpAs, startTestApp, type TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

/** One sample of the Prometheus text format: `name{label="value",…} number`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A strict reader of the exposition format 0.0.4: a line it cannot read fails the test. */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) types.set(type[1], type[2]);
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v;
    // Go's ParseFloat (Prometheus's reader) takes NaN in any case, and ±Inf.
    const value = /^nan$/i.test(m[3]) ? NaN : /^[+-]inf$/i.test(m[3]) ? Number(`${m[3][0]}Infinity`) : Number(m[3]);
    if (Number.isNaN(value) && !/^nan$/i.test(m[3])) throw new Error(`not a number: ${line}`);
    samples.push({ name: m[1], labels, value });
  }
  return { samples, types };
}

const pick = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
const sum = (samples: Sample[]) => samples.reduce((a, s) => a + s.value, 0);

describe('GET /metrics (监控指标, Prometheus)', () => {
  let t: TestApp;
  let metricsKey: string;
  const scrape = async () => {
    const r = await httpAs(metricsKey, t.url, 'GET', '/metrics');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(r.body as string);
  };
  const body = () => ({
    scenario: 'tendering',
    transaction: { reference: `M-${randomUUID()}`, amount: 1000 },
    parties: [{ code: uscc(), role: 'bidder' }],
  });
  const check = (b = body(), headers: Record<string, string> = {}) => http(t.url, 'POST', '/api/v1/checks', b, headers);

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    metricsKey = await t.createKey({ scopes: ['metrics'] });
  });
  afterAll(() => t.close());

  it('needs a key with the metrics scope (or admin): none is 401, another scope 403', async () => {
    expect((await httpAs(null, t.url, 'GET', '/metrics')).status).toBe(401);
    const checksKey = await t.createKey({ scopes: ['checks'] });
    const r = await httpAs(checksKey, t.url, 'GET', '/metrics');
    expect(r.status).toBe(403);
    expect((r.body as { code: string }).code).toBe('SCOPE_FORBIDDEN');
    // And the metrics key opens nothing else.
    expect((await httpAs(metricsKey, t.url, 'GET', '/api/v1/packs')).status).toBe(403);
  });

  it('counts checks by scenario and verdict (a replay not again), their latency, and the audit batches that hold them', async () => {
    const before = await scrape();
    const checksBefore = sum(pick(before.samples, 'credit_checks_total', { scenario: 'tendering' }));
    const latencyOf = (samples: Sample[]) =>
      sum(
        pick(samples, 'credit_http_request_duration_seconds_count', {
          method: 'POST',
          route: '/api/v1/checks',
          status: '200',
        }),
      );
    const latencyBefore = latencyOf(before.samples);
    const batchedBefore = sum(pick(before.samples, 'credit_audit_batch_size_sum'));

    const answers = await Promise.all(Array.from({ length: 5 }, () => check()));
    const key = `metrics-${randomUUID()}`;
    const once = body();
    const first = await check(once, { 'idempotency-key': key });
    const replay = await check(once, { 'idempotency-key': key });
    expect([...answers, first, replay].map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect((replay.body as { replayed: boolean }).replayed).toBe(true);

    // A request is timed once its answer has been written (Fastify's onResponse), which may come a moment
    // after the client has read it: scrape until the seven answers are there (or give up after a second).
    let after = await scrape();
    for (let i = 0; i < 50 && latencyOf(after.samples) - latencyBefore < 7; i++) {
      await new Promise((r) => setTimeout(r, 20));
      after = await scrape();
    }
    expect(after.types.get('credit_checks_total')).toBe('counter');
    expect(after.types.get('credit_http_request_duration_seconds')).toBe('histogram');
    // Six first answers, each counted under its own verdict; the replay is not a new check.
    const verdicts = [...answers, first].map((a) => (a.body as { verdict: string }).verdict);
    for (const verdict of new Set(verdicts)) {
      const was = sum(pick(before.samples, 'credit_checks_total', { scenario: 'tendering', verdict }));
      const now = sum(pick(after.samples, 'credit_checks_total', { scenario: 'tendering', verdict }));
      expect({ verdict, counted: now - was }).toEqual({
        verdict,
        counted: verdicts.filter((v) => v === verdict).length,
      });
    }
    expect(sum(pick(after.samples, 'credit_checks_total', { scenario: 'tendering' })) - checksBefore).toBe(6);
    // Every HTTP answer is timed under its route pattern, the replay included.
    const latencyAfter = latencyOf(after.samples);
    expect(latencyAfter - latencyBefore).toBe(7);
    const inf = pick(after.samples, 'credit_http_request_duration_seconds_bucket', {
      route: '/api/v1/checks',
      status: '200',
      le: '+Inf',
    });
    expect(sum(inf)).toBe(latencyAfter);
    // The six new entries (and the replay's none) went through committed audit batches.
    expect(sum(pick(after.samples, 'credit_audit_batch_size_sum')) - batchedBefore).toBeGreaterThanOrEqual(6);
    expect(sum(pick(after.samples, 'credit_audit_batch_commit_seconds_count'))).toBeGreaterThan(0);
  });

  it('reads the outbox depth, the pack versions in force and the pool at scrape time, with process metrics', async () => {
    const { samples } = await scrape();
    const outbox = pick(samples, 'credit_audit_outbox_entries');
    expect(outbox).toHaveLength(1);
    expect(outbox[0].value).toBeGreaterThanOrEqual(0);
    const packs = (await http(t.url, 'GET', '/api/v1/packs')).body as {
      items: Array<{ id: string; version: string }>;
    };
    const inForce = pick(samples, 'credit_pack_version_info')
      .map((s) => `${s.labels.pack}@${s.labels.version}`)
      .sort();
    expect(packs.items.length).toBeGreaterThan(0);
    for (const p of packs.items) expect(inForce).toContain(`${p.id}@${p.version}`);
    expect(pick(samples, 'credit_db_pool_connections', { state: 'total' })[0].value).toBeGreaterThanOrEqual(1);
    expect(pick(samples, 'credit_db_pool_connections', { state: 'waiting' })).toHaveLength(1);
    expect(pick(samples, 'credit_process_resident_memory_bytes')[0].value).toBeGreaterThan(0);
  });
});
