import { MigrationInterface, QueryRunner } from 'typeorm';
import PgBoss from 'pg-boss';
import { JOB_EXPIRE_SECONDS, JOB_QUEUES, JOB_RETRY_LIMIT, pgBossSchemaFor } from '../pgboss-schema';

/**
 * Durable background jobs (后台任务, src/modules/jobs): pg-boss 10's own schema (its construction plan, version 24,
 * run here inside this migration's transaction instead of by pg-boss at start: pg-boss starts with
 * `migrate: false`), its queues, and the application's view of each job — kind, state, progress, result summary,
 * error — with the parts too large for one row (an import's input rows, its per-row report) in `job_parts`.
 * A later pg-boss schema version comes in a migration of its own (`PgBoss.getMigrationPlans`).
 */
export class CreateJobs1796580000000 implements MigrationInterface {
  readonly name = 'CreateJobs1796580000000';

  async up(q: QueryRunner): Promise<void> {
    const schema = pgBossSchemaFor(await currentSchema(q));
    await q.query(unwrapTransaction(PgBoss.getConstructionPlans(schema)));
    for (const [name, { policy }] of Object.entries(JOB_QUEUES)) {
      const options = {
        policy,
        retryLimit: JOB_RETRY_LIMIT,
        retryDelay: 10,
        retryBackoff: true,
        expireInSeconds: JOB_EXPIRE_SECONDS,
        retentionMinutes: 14 * 24 * 60,
      };
      await q.query(`SELECT ${schema}.create_queue($1, $2::json)`, [name, JSON.stringify(options)]);
    }
    await q.query(`CREATE TABLE jobs (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      state text NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'failed')),
      scope text NOT NULL,
      caller text,
      done integer NOT NULL DEFAULT 0,
      total integer,
      attempts integer NOT NULL DEFAULT 0,
      params jsonb NOT NULL DEFAULT '{}',
      summary jsonb,
      error jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`);
    await q.query(`CREATE INDEX jobs_kind_state ON jobs (kind, state, created_at DESC)`);
    await q.query(`CREATE INDEX jobs_created ON jobs (created_at DESC)`);
    await q.query(`CREATE TABLE job_parts (
      job_id uuid NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
      part text NOT NULL CHECK (part IN ('input', 'result')),
      seq integer NOT NULL,
      first_row integer NOT NULL,
      items jsonb NOT NULL,
      PRIMARY KEY (job_id, part, seq)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_parts`);
    await q.query(`DROP TABLE jobs`);
    await q.query(`DROP SCHEMA ${pgBossSchemaFor(await currentSchema(q))} CASCADE`);
  }
}

async function currentSchema(q: QueryRunner): Promise<string> {
  const [row] = (await q.query(`SELECT current_schema() AS schema`)) as Array<{ schema: string }>;
  return row.schema;
}

/**
 * pg-boss's plan is `BEGIN; SET LOCAL …; <advisory lock>; <DDL>; COMMIT;`: its own transaction. Here it runs
 * inside the migration's (TypeORM's `each` mode), so the BEGIN and COMMIT are taken off — the SET LOCALs and the
 * transaction-scoped advisory lock then hold for the migration's transaction.
 */
export function unwrapTransaction(plan: string): string {
  const body = plan.trim();
  if (!/^BEGIN;/.test(body) || !/COMMIT;$/.test(body)) throw new Error('unexpected pg-boss construction plan');
  return body.replace(/^BEGIN;/, '').replace(/COMMIT;$/, '');
}
