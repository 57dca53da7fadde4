import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ProblemDetails } from '../../common/problem';
import type { JobPart, JobState } from './job.types';

export interface JobRow {
  id: string;
  kind: string;
  state: JobState;
  scope: string;
  caller: string | null;
  done: number;
  total: number | null;
  attempts: number;
  params: Record<string, unknown>;
  summary: Record<string, unknown> | null;
  error: ProblemDetails | null;
  createdAt: Date;
  startedAt: Date | null;
  updatedAt: Date;
  finishedAt: Date | null;
  /** pg-boss's state of the job (null: no longer in its tables), for jobs whose worker was lost. */
  queueState: string | null;
}

export interface JobFilter {
  readonly scopes: readonly string[] | 'all';
  readonly kind?: string;
  readonly state?: JobState;
  readonly limit: number;
}

/** A job the application still shows queued or running, but which pg-boss has ended or no longer holds: its worker was lost. */
const EFFECTIVE_STATE = `CASE WHEN j.state IN ('queued', 'running')
  AND (b.state IS NULL OR b.state IN ('completed', 'cancelled', 'failed')) THEN 'lost' ELSE j.state END`;

/** A job `j` that ended more than `$1` days ago (the database's clock, as `finished_at`). */
const EXPIRED = `j.state IN ('completed', 'failed') AND j.finished_at < now() - make_interval(days => $1::int)`;

/** The row count of a DELETE, as TypeORM answers it ([rows, count]). */
const deleted = (result: unknown): number => (result as [unknown[], number])[1];

const COLUMNS = `j.id, j.kind, j.state, j.scope, j.caller, j.done, j.total, j.attempts, j.params, j.summary, j.error,
  j.created_at AS "createdAt", j.started_at AS "startedAt", j.updated_at AS "updatedAt", j.finished_at AS "finishedAt"`;

/** SQL of jobs and job_parts (the application's view of its background jobs; pg-boss keeps the queue itself). */
@Injectable()
export class JobsStore {
  constructor(readonly ds: DataSource) {}

  /** In the caller's transaction: the job's row and its input parts. */
  async create(
    m: EntityManager,
    job: { id: string; kind: string; scope: string; caller: string | null; params: object; total: number | null },
    input: readonly JobPart[],
  ): Promise<void> {
    await m.query(
      `INSERT INTO jobs (id, kind, state, scope, caller, params, total) VALUES ($1, $2, 'queued', $3, $4, $5::jsonb, $6)`,
      [job.id, job.kind, job.scope, job.caller, JSON.stringify(job.params), job.total],
    );
    for (const part of input) await this.savePart(m, job.id, 'input', part);
  }

  async savePart(m: EntityManager | DataSource, jobId: string, kind: 'input' | 'result', part: JobPart): Promise<void> {
    await m.query(
      `INSERT INTO job_parts (job_id, part, seq, first_row, items) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (job_id, part, seq) DO UPDATE SET first_row = EXCLUDED.first_row, items = EXCLUDED.items`,
      [jobId, kind, part.seq, part.firstRow, JSON.stringify(part.items)],
    );
  }

  /** The parts of one kind, in order, a few at a time (an import's input may be large). */
  async *parts<T>(jobId: string, kind: 'input' | 'result'): AsyncIterable<JobPart<T>> {
    let after = -1;
    for (;;) {
      const rows = await this.ds.query<Array<{ seq: number; firstRow: number; items: T[] }>>(
        `SELECT seq, first_row AS "firstRow", items FROM job_parts WHERE job_id = $1 AND part = $2 AND seq > $3
         ORDER BY seq LIMIT 4`,
        [jobId, kind, after],
      );
      if (rows.length === 0) return;
      for (const r of rows) yield r;
      after = rows[rows.length - 1].seq;
    }
  }

  async resultSeqs(jobId: string): Promise<Set<number>> {
    const rows = await this.ds.query<Array<{ seq: number }>>(
      `SELECT seq FROM job_parts WHERE job_id = $1 AND part = 'result'`,
      [jobId],
    );
    return new Set(rows.map((r) => r.seq));
  }

  /** Result items `offset`…`offset + limit - 1` (in part order), and how many there are in all. */
  async resultPage<T>(jobId: string, offset: number, limit: number): Promise<{ total: number; items: T[] }> {
    const sizes = await this.ds.query<Array<{ seq: number; n: number }>>(
      `SELECT seq, jsonb_array_length(items) AS n FROM job_parts WHERE job_id = $1 AND part = 'result' ORDER BY seq`,
      [jobId],
    );
    const total = sizes.reduce((s, p) => s + p.n, 0);
    const wanted: { seq: number; from: number }[] = [];
    let at = 0;
    for (const p of sizes) {
      if (at + p.n > offset && at < offset + limit) wanted.push({ seq: p.seq, from: at });
      at += p.n;
    }
    if (wanted.length === 0) return { total, items: [] };
    const rows = await this.ds.query<Array<{ seq: number; items: T[] }>>(
      `SELECT seq, items FROM job_parts WHERE job_id = $1 AND part = 'result' AND seq = ANY($2::int[]) ORDER BY seq`,
      [jobId, wanted.map((w) => w.seq)],
    );
    const items = rows.flatMap((r) => r.items).slice(offset - wanted[0].from, offset - wanted[0].from + limit);
    return { total, items };
  }

  async deleteParts(jobId: string, kind: 'input' | 'result'): Promise<void> {
    await this.ds.query(`DELETE FROM job_parts WHERE job_id = $1 AND part = $2`, [jobId, kind]);
  }

  /** An attempt starts: running, one more attempt, the last attempt's error cleared. */
  async start(id: string): Promise<JobRow | null> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [rows] = await this.ds.query<[JobRow[], number]>(
      `UPDATE jobs j SET state = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()),
         updated_at = now(), error = NULL
       WHERE id = $1 AND state IN ('queued', 'running') RETURNING ${COLUMNS}, NULL AS "queueState"`,
      [id],
    );
    return rows[0] ?? null;
  }

  async progress(id: string, done: number, total: number | undefined): Promise<void> {
    await this.ds.query(
      `UPDATE jobs SET done = $2, total = coalesce($3, total), updated_at = now() WHERE id = $1 AND state = 'running'`,
      [id, done, total ?? null],
    );
  }

  async complete(id: string, summary: Record<string, unknown>): Promise<void> {
    await this.ds.query(
      `UPDATE jobs SET state = 'completed', summary = $2::jsonb, updated_at = now(), finished_at = now() WHERE id = $1`,
      [id, JSON.stringify(summary)],
    );
  }

  /** An attempt failed: `failed` for good, or back to `queued` when pg-boss retries it (the error kept meanwhile). */
  async fail(id: string, error: ProblemDetails, final: boolean): Promise<void> {
    await this.ds.query(
      `UPDATE jobs SET state = $3, error = $2::jsonb, updated_at = now(),
         finished_at = CASE WHEN $3 = 'failed' THEN now() ELSE NULL END
       WHERE id = $1`,
      [id, JSON.stringify(error), final ? 'failed' : 'queued'],
    );
  }

  /**
   * Retention (保留期), each call one bounded statement (the sweep repeats it until it deletes nothing); two
   * instances sweeping at once share the rows (SKIP LOCKED: neither waits for, nor fails on, the other's). Only
   * jobs that ended (completed, or failed for good: a job waiting for a retry is `queued`) are touched. Answers
   * the number of rows deleted.
   *
   * The input parts of ended jobs (normally deleted as the job ends; left when that delete did not happen).
   */
  async deleteEndedInputParts(limit: number): Promise<number> {
    return deleted(
      await this.ds.query(
        `DELETE FROM job_parts p USING (
           SELECT x.job_id, x.seq FROM job_parts x JOIN jobs j ON j.id = x.job_id
           WHERE x.part = 'input' AND j.state IN ('completed', 'failed') LIMIT $1 FOR UPDATE OF x SKIP LOCKED) d
         WHERE p.job_id = d.job_id AND p.part = 'input' AND p.seq = d.seq`,
        [limit],
      ),
    );
  }

  /**
   * Jobs whose worker was lost for good (the row says queued or running, pg-boss has ended the job or no longer
   * has it: EFFECTIVE_STATE 'lost') recorded as failed with `error`, as the API already answered them: their input
   * parts then go like those of any ended job, and the job expires like one. At most `limit` a statement.
   */
  async settleLost(bossSchema: string, error: ProblemDetails, limit: number): Promise<number> {
    return deleted(
      await this.ds.query(
        `UPDATE jobs SET state = 'failed', error = $1::jsonb || jsonb_build_object('instance', '/api/v1/jobs/' || id),
           finished_at = now(), updated_at = now()
         WHERE id IN (SELECT j.id FROM jobs j ${bossJoin(bossSchema)}
                      WHERE ${EFFECTIVE_STATE} = 'lost' LIMIT $2 FOR UPDATE OF j SKIP LOCKED)
           AND state IN ('queued', 'running')`,
        [JSON.stringify(error), limit],
      ),
    );
  }

  /** The parts of jobs that ended more than `days` days ago (a part holds up to 5,000 rows: small batches). */
  async deleteExpiredParts(days: number, limit: number): Promise<number> {
    return deleted(
      await this.ds.query(
        `DELETE FROM job_parts p USING (
           SELECT x.job_id, x.part, x.seq FROM jobs j JOIN job_parts x ON x.job_id = j.id
           WHERE ${EXPIRED} LIMIT $2 FOR UPDATE OF x SKIP LOCKED) d
         WHERE p.job_id = d.job_id AND p.part = d.part AND p.seq = d.seq`,
        [days, limit],
      ),
    );
  }

  /** Jobs that ended more than `days` days ago (their remaining parts go with them: ON DELETE CASCADE). */
  async deleteExpiredJobs(days: number, limit: number): Promise<number> {
    return deleted(
      await this.ds.query(
        `DELETE FROM jobs j WHERE j.id IN (
           SELECT j.id FROM jobs j WHERE ${EXPIRED} ORDER BY j.finished_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         AND ${EXPIRED}`,
        [days, limit],
      ),
    );
  }

  /** Jobs waiting and running, by kind (the queue depth, for /metrics). */
  depth(): Promise<Array<{ kind: string; state: string; n: number }>> {
    return this.ds.query(
      `SELECT kind, state, count(*)::int AS n FROM jobs WHERE state IN ('queued', 'running') GROUP BY kind, state`,
    );
  }

  /** One job, with pg-boss's state of it (`bossSchema`: src/database/pgboss-schema.ts). */
  async get(id: string, bossSchema: string): Promise<JobRow | null> {
    const [row] = await this.ds.query<JobRow[]>(
      `SELECT ${COLUMNS}, ${EFFECTIVE_STATE} AS "queueState" FROM jobs j ${bossJoin(bossSchema)} WHERE j.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Newest first; `state` filters on the state as answered (a lost job counts as failed). */
  async list(f: JobFilter, bossSchema: string): Promise<JobRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.scopes !== 'all') where.push(`j.scope = ANY($${params.push([...f.scopes])}::text[])`);
    if (f.kind) where.push(`j.kind = $${params.push(f.kind)}`);
    const stateFilter = f.state
      ? `WHERE (CASE WHEN x."queueState" = 'lost' THEN 'failed' ELSE x.state END) = $${params.push(f.state)}`
      : '';
    return this.ds.query<JobRow[]>(
      `SELECT * FROM (
         SELECT ${COLUMNS}, ${EFFECTIVE_STATE} AS "queueState" FROM jobs j ${bossJoin(bossSchema)}
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ) x ${stateFilter} ORDER BY x."createdAt" DESC, x.id LIMIT $${params.push(f.limit)}`,
      params,
    );
  }
}

/** pg-boss's own row of the job (its queue is the job's kind), live or archived. */
const bossJoin = (schema: string) => `LEFT JOIN LATERAL (
    SELECT state::text FROM ${schema}.job WHERE name = j.kind AND id = j.id
    UNION ALL SELECT state::text FROM ${schema}.archive WHERE name = j.kind AND id = j.id
    LIMIT 1) b ON true`;
