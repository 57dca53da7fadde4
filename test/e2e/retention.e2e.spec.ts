import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ProblemDetails } from '../../src/common/problem';
import type { JobView } from '../../src/modules/jobs/job.types';
import { pgBossSchemaFor } from '../../src/database/pgboss-schema';
import { JobsRetention } from '../../src/modules/jobs/jobs-retention';
import { WebhookDispatcher } from '../../src/modules/webhooks/webhook-dispatcher';
import { WebhookRetention } from '../../src/modules/webhooks/webhook-retention';
import type { Dto } from '../helpers/api-types';
import { http, type HttpResult, type TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';
import { Receiver } from '../helpers/webhook-receiver';

/**
 * Retention (保留期): one sweep of the jobs (JOBS_RETENTION_DAYS, 14 by default) and one of the events out
 * (WEBHOOK_EVENTS_RETENTION_DAYS, 30), on rows dated relative to the database's own clock (the sweeps read it
 * too, so the shifted-clock passes hold). What ended long ago goes, in statements of a bounded batch; what runs,
 * waits or is still to be delivered stays; a pruned job answers the 404 of an unknown one; a paused subscription
 * gets the old events it had not received when it resumes.
 */
describe('retention (保留期) of background jobs and events out', () => {
  let t: TestApp;
  let db: DataSource;
  const receiver = new Receiver();

  beforeAll(async () => {
    await receiver.start();
    // The sweeps' timers and the event delivery are off: the test turns each itself. Jobs run (a real one below).
    t = await startIsolatedTestApp({
      JOBS_POLL_MS: '500',
      JOBS_PRUNE_MS: '0',
      WEBHOOK_PRUNE_MS: '0',
      WEBHOOK_POLL_MS: '0',
    });
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await receiver.close();
  });

  /**
   * A job row as the jobs module writes it, dated `daysAgo` back (ended then, when it ended), with parts. A queued or
   * running one has its pg-boss job beside it (waiting a year, or active with a year to expire: no worker takes it),
   * unless `boss` says otherwise: 'none' (pg-boss no longer has it) or a final state — its worker was lost.
   */
  async function job(
    state: JobView['state'],
    daysAgo: number,
    parts: Array<'input' | 'result'> = [],
    boss?: 'none' | 'failed' | 'completed',
  ): Promise<string> {
    const id = randomUUID();
    const ended = state === 'completed' || state === 'failed';
    if (!ended && boss !== 'none') {
      const [{ schema }] = await db.query<{ schema: string }[]>(`SELECT current_schema() AS schema`);
      await db.query(
        `INSERT INTO ${pgBossSchemaFor(schema)}.job (name, id, state, start_after, started_on, expire_in)
         VALUES ('records.import', $1, $2::text::${pgBossSchemaFor(schema)}.job_state, now() + interval '1 year',
           CASE WHEN $2 = 'active' THEN now() END, interval '1 year')`,
        [id, boss ?? (state === 'queued' ? 'created' : 'active')],
      );
    }
    await db.query(
      `INSERT INTO jobs (id, kind, state, scope, total, created_at, started_at, updated_at, finished_at)
       VALUES ($1, 'records.import', $2, 'records', 2, now() - ($3::float8 + 0.1) * interval '1 day',
         CASE WHEN $2 = 'queued' THEN NULL ELSE now() - $3::float8 * interval '1 day' END,
         now() - $3::float8 * interval '1 day', CASE WHEN $4 THEN now() - $3::float8 * interval '1 day' END)`,
      [id, state, daysAgo, ended],
    );
    for (const [seq, part] of parts.entries())
      await db.query(
        `INSERT INTO job_parts (job_id, part, seq, first_row, items) VALUES ($1, $2, $3, 1, '[{"row": 1}, {"row": 2}]')`,
        [id, part, seq],
      );
    return id;
  }
  const jobsLeft = async (ids: string[]) =>
    (await db.query<{ id: string }[]>(`SELECT id FROM jobs WHERE id = ANY($1::uuid[])`, [ids])).map((r) => r.id).sort();
  const partsOf = async (id: string) =>
    (await db.query<{ part: string }[]>(`SELECT part FROM job_parts WHERE job_id = $1 ORDER BY part, seq`, [id])).map(
      (r) => r.part,
    );

  it('deletes jobs ended more than 14 days ago with their parts, and input parts left on ended jobs; queued and running jobs stay', async () => {
    // A real job, run to its end by the service, then ended 15 days ago.
    const queued = await http<JobView>(t.url, 'POST', '/api/v1/tiering/runs', {}, { prefer: 'respond-async' });
    expect(queued.status).toBe(202);
    const real = (await finished(t.url, queued.body.id)).id;
    await db.query(`UPDATE jobs SET finished_at = now() - interval '15 days' WHERE id = $1`, [real]);

    const oldCompleted = await job('completed', 15, ['result', 'result', 'result', 'input']);
    const oldFailed = await job('failed', 40, ['result']);
    const recentCompleted = await job('completed', 13, ['result', 'input']);
    const recentFailed = await job('failed', 0.01, ['input', 'input']);
    const queuedLong = await job('queued', 100, ['input', 'input']); // waiting (or waiting for a retry)
    const runningLong = await job('running', 100, ['input', 'result']);
    // Their instance died: pg-boss no longer has one, and failed the other for good; the rows still say running/queued.
    const lostRunning = await job('running', 3, ['input', 'input', 'result'], 'none');
    const lostQueued = await job('queued', 3, ['input'], 'failed');
    const lostBefore = await http<JobView>(t.url, 'GET', `/api/v1/jobs/${lostRunning}`);
    expect(lostBefore.body).toMatchObject({ state: 'failed', error: { code: 'JOB_INTERRUPTED' } });
    const unknown404 = await http<ProblemDetails>(t.url, 'GET', `/api/v1/jobs/${randomUUID()}`);
    expect(unknown404.status).toBe(404);

    // Batches of 2 rows: each kind of delete takes several statements.
    const swept = await t.app.get(JobsRetention).sweep({ jobs: 2, parts: 2 });
    expect(swept).toEqual({ settled: 2, inputParts: 7, expiredParts: 4, jobs: 3 });
    // Recorded as what the API already answered, their input gone (it may hold ID numbers), the report kept.
    const lostAfter = await http<JobView>(t.url, 'GET', `/api/v1/jobs/${lostRunning}`);
    expect(lostAfter.body).toEqual({
      ...lostBefore.body,
      updatedAt: lostAfter.body.updatedAt,
      finishedAt: lostAfter.body.finishedAt,
    });
    expect(lostAfter.body.finishedAt).not.toBeNull();
    expect((await http<JobView>(t.url, 'GET', `/api/v1/jobs/${lostQueued}`)).body).toMatchObject({
      state: 'failed',
      error: { code: 'JOB_INTERRUPTED', instance: `/api/v1/jobs/${lostQueued}` },
    });
    expect(await partsOf(lostRunning)).toEqual(['result']);
    expect(await partsOf(lostQueued)).toEqual([]);

    expect(
      await jobsLeft([real, oldCompleted, oldFailed, recentCompleted, recentFailed, queuedLong, runningLong]),
    ).toEqual([recentCompleted, recentFailed, queuedLong, runningLong].sort());
    const [{ n }] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM job_parts WHERE job_id = ANY($1::uuid[])`,
      [[real, oldCompleted, oldFailed]],
    );
    expect(n).toBe(0);
    expect(await partsOf(recentCompleted)).toEqual(['result']); // its report stays until it expires
    expect(await partsOf(recentFailed)).toEqual([]);
    expect(await partsOf(queuedLong)).toEqual(['input', 'input']);
    expect(await partsOf(runningLong)).toEqual(['input', 'result']);

    // A pruned job is not found, exactly as a job that never was.
    for (const id of [real, oldCompleted]) {
      const gone = await http<ProblemDetails>(t.url, 'GET', `/api/v1/jobs/${id}`);
      expect(gone.status).toBe(404);
      expect(gone.headers.get('content-type')).toBe(unknown404.headers.get('content-type'));
      expect(sameProblem(gone, id)).toEqual(sameProblem(unknown404, unknown404.body.instance!.split('/').pop()!));
      expect((await http<ProblemDetails>(t.url, 'GET', `/api/v1/jobs/${id}/result`)).body.code).toBe('JOB_NOT_FOUND');
    }
    const report = await http<{ total: number }>(t.url, 'GET', `/api/v1/jobs/${recentCompleted}/result`);
    expect(report.status).toBe(200);
    expect(report.body.total).toBe(2);

    // Nothing more to delete; two sweeps at once (two instances) delete each row once and neither fails.
    expect(await t.app.get(JobsRetention).sweep()).toEqual({ settled: 0, inputParts: 0, expiredParts: 0, jobs: 0 });
    const more = await Promise.all(Array.from({ length: 5 }, () => job('completed', 20, ['result'])));
    const both = await Promise.all([
      t.app.get(JobsRetention).sweep({ jobs: 1, parts: 1 }),
      t.app.get(JobsRetention).sweep({ jobs: 1, parts: 1 }),
    ]);
    expect(both[0].jobs + both[1].jobs).toBe(5);
    expect(both[0].expiredParts + both[1].expiredParts).toBe(5);
    expect(await jobsLeft(more)).toEqual([]);

    const metrics = await http<string>(t.url, 'GET', '/metrics');
    expect(metrics.body).toContain('credit_retention_deleted_rows_total{table="jobs"} 8');
    expect(metrics.body).toContain('credit_retention_deleted_rows_total{table="job_parts"} 16');
  });

  describe('events out (事件推送)', () => {
    /** An event as the outbox stages it, created `daysAgo` back. */
    const event = async (kind: string, daysAgo: number): Promise<string> =>
      (
        await db.query<{ id: string }[]>(
          `INSERT INTO webhook_events (kind, payload, created_at)
           VALUES ($1, '{"subjectId": "test"}'::jsonb, now() - $2::float8 * interval '1 day') RETURNING id::text AS id`,
          [kind, daysAgo],
        )
      )[0].id;
    const eventsLeft = async (ids: string[]) =>
      (
        await db.query<{ id: string }[]>(
          `SELECT id::text AS id FROM webhook_events WHERE id = ANY($1::bigint[]) ORDER BY id`,
          [ids],
        )
      ).map((r) => r.id);
    const subscribe = async (path: string, events: string[]): Promise<string> => {
      const res = await http<Dto<'WebhookDto'>>(t.url, 'POST', '/api/v1/webhooks', {
        name: `retention-${path}-${randomUUID().slice(0, 8)}`,
        url: `${receiver.url}/${path}`,
        events,
        secret: `whsec-${randomUUID()}${randomUUID()}`,
      });
      expect(res.status).toBe(201);
      return res.body.id;
    };
    const sweep = (batch?: number) => t.app.get(WebhookRetention).sweep(batch);
    const ids: Record<string, string> = {};

    it('with no subscription, events older than 30 days go and younger ones stay', async () => {
      ids.a1 = await event('tier.changed', 40);
      ids.a2 = await event('list.entered', 31);
      ids.a3 = await event('tier.changed', 29);
      expect(await sweep()).toEqual({ deliveries: 0, events: 2 });
      expect(await eventsLeft([ids.a1, ids.a2, ids.a3])).toEqual([ids.a3]);
    });

    it('keeps an old event a subscription (paused or not) has not received, or that a kept delivery attempt names; a resumed subscription gets it', async () => {
      // Both start after the newest event (a3): older ones were never theirs.
      const s1 = await subscribe('s1', ['tier.changed', 'list.entered']);
      const s2 = await subscribe('s2', ['list.entered']);
      expect((await http(t.url, 'POST', `/api/v1/webhooks/${s2}/pause`, {})).status).toBe(200);
      ids.e4 = await event('list.entered', 40); // s1 received it, s2 (paused) not
      ids.e5 = await event('tier.changed', 40); // s1 received it, an attempt of yesterday names it; not s2's kind
      ids.e6 = await event('tier.changed', 40); // s1 received it; not s2's kind: goes
      ids.e7 = await event('list.entered', 2); // recent
      ids.e8 = await event('tier.changed', 40); // s1 has not received it
      await db.query(`UPDATE webhook_subscriptions SET cursor = $2 WHERE id = $1`, [s1, ids.e6]);
      await db.query(
        `INSERT INTO webhook_deliveries (subscription_id, event_id, attempt, delivered, status, duration_ms, at)
         VALUES ($1, $2, 1, true, 204, 5, now() - interval '40 days'), ($1, $3, 1, true, 204, 5, now() - interval '1 day')`,
        [s1, ids.e4, ids.e5],
      );

      expect(await sweep(1)).toEqual({ deliveries: 1, events: 1 });
      const all = [ids.a3, ids.e4, ids.e5, ids.e6, ids.e7, ids.e8];
      expect(await eventsLeft(all)).toEqual([ids.a3, ids.e4, ids.e5, ids.e7, ids.e8]);

      // Resumed, the paused subscription gets the 40-day-old event it had not received, then the next: no gap.
      expect((await http(t.url, 'POST', `/api/v1/webhooks/${s2}/resume`, {})).status).toBe(200);
      await t.app.get(WebhookDispatcher).tick();
      expect(receiver.ids('s2')).toEqual([ids.e4, ids.e7]);
      expect(receiver.ids('s1')).toEqual([ids.e7, ids.e8]);
      expect(await sweep()).toEqual({ deliveries: 0, events: 0 }); // the attempts just made name them

      // Once those attempts are old too, every old event goes; two sweeps at once delete each row once.
      await db.query(`UPDATE webhook_deliveries SET at = now() - interval '31 days'`);
      const both = await Promise.all([sweep(1), sweep(1)]);
      expect(both[0].deliveries + both[1].deliveries).toBe(5);
      expect(both[0].events + both[1].events).toBe(3);
      expect(await eventsLeft(all)).toEqual([ids.a3, ids.e7]);
      const metrics = await http<string>(t.url, 'GET', '/metrics');
      expect(metrics.body).toContain('credit_retention_deleted_rows_total{table="webhook_events"} 6');
      expect(metrics.body).toContain('credit_retention_deleted_rows_total{table="webhook_deliveries"} 6');
    });
  });
});

/** The problem of a 404 with the job's id taken out (the detail and instance name it). */
function sameProblem(res: HttpResult<ProblemDetails>, id: string): Record<string, unknown> {
  const { requestId: _requestId, ...rest } = res.body as ProblemDetails & { requestId?: string };
  return JSON.parse(JSON.stringify(rest).split(id).join('<id>')) as Record<string, unknown>;
}

async function finished(url: string, id: string): Promise<JobView> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await http<JobView>(url, 'GET', `/api/v1/jobs/${id}`);
    expect(res.status).toBe(200);
    if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${res.body.state}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
