import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { AuditService } from '../../src/modules/audit/audit.service';
import type { JobView } from '../../src/modules/jobs/job.types';
import { http, httpAs, startTestApp, type HttpResult, type TestApp } from '../helpers/app';
import { changedTables, snapshotTables, startIsolatedTestApp } from '../helpers/isolated-app';
import { idNumber, uscc } from '../helpers/identifiers';

/**
 * Durable background jobs (后台任务, issue 16): an import of more than 5,000 rows and a batch tiering run queued as
 * jobs (202 + Location), their state and progress over GET /api/v1/jobs/{id}, the per-row report paged; a job
 * queued by an instance that stops runs on the next one; two instances polling run each job once.
 */
const NOW = '2026-11-28T04:00:00Z';
const POLL = { JOBS_POLL_MS: '500' };
// Room for the 200,001-row CSV that is refused for its row count, not its size.
const BIG_BODIES = { BODY_LIMIT: String(32 * 1024 * 1024) };
const pin = (t: TestApp) => t.app.get(Clock).pin(NOW);

interface Problem {
  status: number;
  code: string;
  errors?: { field: string }[];
}
interface ResultPage {
  job: JobView;
  total: number;
  items: { row: number; status: string; subject?: string; errors?: unknown[] }[];
}

async function finished(url: string, id: string, key?: string): Promise<JobView> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res: HttpResult<JobView> = key
      ? await httpAs<JobView>(key, url, 'GET', `/api/v1/jobs/${id}`)
      : await http<JobView>(url, 'GET', `/api/v1/jobs/${id}`);
    expect(res.status).toBe(200);
    if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${res.body.state}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const penaltyCsvRow = (i: number, source: string, codes: readonly string[]) =>
  `penalty,${source},${source}-${i},公司 ${i % codes.length},${codes[i % codes.length]},general,fine,3,2025-03-10`;
const CSV_HEADER = 'type,source,decisionNumber,subjectName,subjectCode,severity,penaltyTypes,fineAmount,decisionDate';

describe('background jobs (后台任务) over HTTP', () => {
  let t: TestApp & { databaseUrl: string };
  let db: DataSource;

  beforeAll(async () => {
    t = await startIsolatedTestApp({ ...POLL, ...BIG_BODIES });
    pin(t);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports 6,000 CSV rows as a job: 202 + Location, progress to the end, the per-row report paged, every part audited', async () => {
    const source = `job-${randomUUID().slice(0, 8)}`;
    const codes = Array.from({ length: 50 }, () => uscc());
    const person = idNumber();
    const lines = Array.from({ length: 6000 }, (_, i) => penaltyCsvRow(i + 1, source, codes));
    lines[5999] = `penalty,${source},${source}-6000,张三,${person},general,fine,3,2099-01-01`; // refused: a future date, an ID number
    const res = await http<JobView>(t.url, 'POST', '/api/v1/records/import', `${CSV_HEADER}\n${lines.join('\n')}\n`, {
      'content-type': 'text/csv',
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/api/v1/jobs/${res.body.id}`);
    expect(['queued', 'running']).toContain(res.body.state);
    expect(res.body).toMatchObject({
      kind: 'records.import',
      kindZh: '批量导入',
      progress: { total: 6000 },
      resultUrl: `/api/v1/jobs/${res.body.id}/result`,
    });

    const job = await finished(t.url, res.body.id);
    expect(job).toMatchObject({
      state: 'completed',
      stateZh: '完成',
      progress: { done: 6000, total: 6000 },
      summary: { format: 'csv', totals: { rows: 6000, stored: 5999, unchanged: 0, updated: 0, refused: 1 } },
      error: null,
      attempts: 1,
    });
    expect(job.startedAt! >= job.createdAt && job.finishedAt! >= job.startedAt!).toBe(true);
    const [{ n }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM credit_records WHERE source = $1`, [
      source,
    ]);
    expect(n).toBe(5999);

    const first = await http<ResultPage>(t.url, 'GET', `${job.resultUrl}?offset=0&limit=5000`);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(6000);
    expect(first.body.items.map((r) => r.row)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(first.body.items.every((r) => r.status === 'stored')).toBe(true);
    const last = await http<ResultPage>(t.url, 'GET', `${job.resultUrl}?offset=5998&limit=10`);
    expect(last.body.items.map((r) => [r.row, r.status])).toEqual([
      [5999, 'stored'],
      [6000, 'refused'],
    ]);
    expect(last.body.items[1].subject).toBe(`${person.slice(0, 6)}********${person.slice(14)}`);
    expect(JSON.stringify([job, first.body, last.body])).not.toContain(person);
    // The input rows (with the ID number) are gone once the job ended; its report stays.
    const parts = await db.query<{ part: string; n: number }[]>(
      `SELECT part, count(*)::int AS n FROM job_parts WHERE job_id = $1 GROUP BY part`,
      [job.id],
    );
    expect(parts).toEqual([{ part: 'result', n: 2 }]); // parts of 5,000 rows
    // One audit entry per part of 5,000 rows, naming the job; and the request's own entry (the 202).
    const entries = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_log WHERE kind = 'record.import' AND request->>'job' = $1`,
      [job.id],
    );
    expect(entries[0].n).toBe(2);

    const list = await http<{ items: JobView[] }>(t.url, 'GET', '/api/v1/jobs?kind=records.import&state=completed');
    expect(list.body.items.map((j) => j.id)).toContain(job.id);
    const none = await http<{ items: JobView[] }>(t.url, 'GET', '/api/v1/jobs?kind=records.import&state=failed');
    expect(none.body.items.map((j) => j.id)).not.toContain(job.id);
  });

  it('runs a batch tiering run as a job with Prefer: respond-async, progress per chunk of subjects', async () => {
    const res = await http<JobView>(t.url, 'POST', '/api/v1/tiering/runs', {}, { prefer: 'respond-async' });
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/api/v1/jobs/${res.body.id}`);
    expect(res.headers.get('preference-applied')).toBe('respond-async');
    expect(res.body).toMatchObject({ kind: 'tiering.batch', kindZh: '批量分级', resultUrl: null });
    const job = await finished(t.url, res.body.id);
    const [{ n }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM subjects`);
    expect(job).toMatchObject({
      state: 'completed',
      progress: { done: n, total: n },
      summary: { asOf: '2026-11-28', subjects: n },
    });
    // Without the preference the run answers at once, as before.
    const sync = await http<{ subjects: number }>(t.url, 'POST', '/api/v1/tiering/runs', {});
    expect(sync.status).toBe(200);
    expect(sync.body.subjects).toBe(n);
  });

  it('reads jobs with the scope of the operation that queued them', async () => {
    const { body: tiering } = await http<JobView>(
      t.url,
      'POST',
      '/api/v1/tiering/runs',
      {},
      { prefer: 'respond-async' },
    );
    await finished(t.url, tiering.id);
    const records = await t.createKey({ scopes: ['records'] });
    const tiers = await t.createKey({ scopes: ['tiers'] });
    const checks = await t.createKey({ scopes: ['checks'] });
    const forbidden = await httpAs<Problem>(records, t.url, 'GET', `/api/v1/jobs/${tiering.id}`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toContain('application/problem+json');
    expect(forbidden.body.code).toBe('SCOPE_FORBIDDEN');
    expect((await httpAs(tiers, t.url, 'GET', `/api/v1/jobs/${tiering.id}`)).status).toBe(200);
    expect((await httpAs(checks, t.url, 'GET', `/api/v1/jobs`)).status).toBe(403);
    const asRecords = await httpAs<{ items: JobView[] }>(records, t.url, 'GET', '/api/v1/jobs');
    expect(asRecords.body.items.length).toBeGreaterThan(0);
    expect(asRecords.body.items.every((j) => j.kind === 'records.import')).toBe(true);
  });

  it('refuses bad ids, filters and over-large imports with problem details, queuing nothing', async () => {
    await t.app.get(AuditService).flush(); // the refusals of the test before are audited (auth.refused)
    const before = await snapshotTables(db);
    const expectProblem = (res: HttpResult<Problem>, status: number, field?: string) => {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      if (field) expect(res.body.errors?.map((e) => e.field)).toContain(field);
    };
    expectProblem(await http<Problem>(t.url, 'GET', '/api/v1/jobs/not-a-uuid'), 400, 'id');
    const missing = await http<Problem>(t.url, 'GET', `/api/v1/jobs/${randomUUID()}`);
    expectProblem(missing, 404);
    expect(missing.body.code).toBe('JOB_NOT_FOUND');
    expectProblem(await http<Problem>(t.url, 'GET', `/api/v1/jobs/${randomUUID()}/result`), 404);
    expectProblem(await http<Problem>(t.url, 'GET', '/api/v1/jobs?state=done'), 400, 'state');
    expectProblem(await http<Problem>(t.url, 'GET', '/api/v1/jobs?kind=reports'), 400, 'kind');
    expectProblem(await http<Problem>(t.url, 'GET', '/api/v1/jobs?limit=0'), 400, 'limit');
    expectProblem(await http<Problem>(t.url, 'GET', `/api/v1/jobs/${randomUUID()}/result?offset=-1`), 400, 'offset');
    const tooMany = `${CSV_HEADER}\n${'penalty,x,y,z,91500110MA8EEY8N48,general,fine,3,2025-03-10\n'.repeat(200_001)}`;
    expectProblem(
      await http<Problem>(t.url, 'POST', '/api/v1/records/import', tooMany, { 'content-type': 'text/csv' }),
      400,
      'records',
    );
    await t.app.get(AuditService).flush();
    expect(changedTables(before, await snapshotTables(db))).toEqual([]);
  });

  it('a job queued by an instance that stopped is run by the next one; two instances run each job once', async () => {
    // A: queues three runs and stops before any runs (it runs no jobs: JOBS_POLL_MS=0, nor does the host).
    const host = await startIsolatedTestApp({ JOBS_POLL_MS: '0' });
    const a = await startTestApp({ DATABASE_URL: host.databaseUrl, JOBS_POLL_MS: '0' });
    pin(a);
    const ids: string[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const res = await http<JobView>(a.url, 'POST', '/api/v1/tiering/runs', {}, { prefer: 'respond-async' });
        expect(res.status).toBe(202);
        ids.push(res.body.id);
      }
    } finally {
      await a.close();
    }
    try {
      await runElsewhere(host, ids);
    } finally {
      await host.close();
    }
  });
});

async function runElsewhere(host: TestApp & { databaseUrl: string }, ids: string[]): Promise<void> {
  const idle = host.app.get(DataSource);
  const waiting = await idle.query<{ state: string }[]>(`SELECT state FROM jobs WHERE id = ANY($1::uuid[])`, [ids]);
  expect(waiting.map((r) => r.state)).toEqual(['queued', 'queued', 'queued']);
  // The queue depth, as /metrics reads it.
  const metrics = await http<string>(host.url, 'GET', '/metrics');
  expect(metrics.body).toContain('credit_jobs{kind="tiering.batch",state="queued"} 3');
  expect(metrics.body).toContain('credit_jobs{kind="records.import",state="running"} 0');

  // B and C: both poll the same queue.
  const b = await startTestApp({ DATABASE_URL: host.databaseUrl, ...POLL });
  const c = await startTestApp({ DATABASE_URL: host.databaseUrl, ...POLL });
  try {
    pin(b);
    pin(c);
    for (const id of ids) {
      const job = await finished(b.url, id);
      expect(job).toMatchObject({ state: 'completed', attempts: 1, error: null });
    }
  } finally {
    await b.close();
    await c.close();
  }
}
