import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { DomainError } from '../../common/problem';
import { toProblem } from '../../common/problem.filter';
import { scrubDeepAll } from '../../common/pii';
import { JOB_KINDS, pgBossSchemaFor } from '../../database/pgboss-schema';
import { scopesAdmit } from '../auth/scopes';
import { ScopeForbidden } from '../auth/auth.errors';
import { JobNotFound } from './jobs.exception';
import { JobsStore, type JobFilter, type JobRow } from './jobs.store';
import { appSchema, pgBossDb, pgBossDbIn } from './pgboss.store';
import {
  JOB_INTERRUPTED as LOST,
  JOB_KIND_ZH,
  JOB_STATE_ZH,
  type JobContext,
  type JobHandler,
  type JobKind,
  type JobPart,
  type JobState,
  type JobView,
  type NewJob,
} from './job.types';

/**
 * Durable background jobs (后台任务) on PostgreSQL with pg-boss: a job is a row of `jobs` (what the API shows:
 * state, progress, summary, error) and a pg-boss job of the same id in the queue of its kind, written in one
 * transaction. Each instance polls the queues (JOBS_POLL_MS) and runs a job with the handler its owning
 * module registered; pg-boss's `FOR UPDATE SKIP LOCKED` fetch gives each job to one worker across instances,
 * a job left queued by a stopped instance is run by the next one, and one whose instance died while running
 * it is retried once pg-boss finds it expired (JOB_EXPIRE_SECONDS). pg-boss's schema comes from the migrations
 * (it starts with `migrate: false`) and its SQL runs through the application's own connections (pgboss.store.ts).
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobsService.name);
  private readonly handlers = new Map<JobKind, JobHandler<never>>();
  private boss?: Promise<{ boss: PgBoss; schema: string }>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: JobsStore,
  ) {}

  /** The owning module's handler of a kind (registered at its module's init). */
  register<P>(handler: JobHandler<P>): void {
    this.handlers.set(handler.kind, handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { boss } = await this.started();
    if (this.config.jobsPollMs === 0) return;
    const pollingIntervalSeconds = Math.max(0.5, this.config.jobsPollMs / 1000);
    for (const kind of this.handlers.keys())
      await boss.work<Record<string, unknown>>(
        kind,
        { batchSize: 1, pollingIntervalSeconds, includeMetadata: true },
        async ([job]) => this.runAttempt(kind, job),
      );
  }

  async onModuleDestroy(): Promise<void> {
    const started = await this.boss?.catch(() => undefined);
    // A job still running after the grace is failed back to pg-boss (retried by another instance).
    await started?.boss.stop({ graceful: true, close: false, wait: true, timeout: 10_000 });
  }

  private started(): Promise<{ boss: PgBoss; schema: string }> {
    this.boss ??= (async () => {
      const schema = pgBossSchemaFor(await appSchema(this.store.ds));
      const boss = new PgBoss({
        db: pgBossDb(this.store.ds),
        schema,
        migrate: false, // the schema comes from the migrations (CreateJobs)
        schedule: false, // no cron jobs: the daily tiering run keeps its own claim (DailyTiering)
        supervise: true, // expires jobs whose worker was lost, archives finished ones
        maintenanceIntervalSeconds: 60,
        deleteAfterDays: 14, // finished jobs: archived after 12 h (pg-boss's default), deleted from the archive after 14 days
      });
      boss.on('error', (err: Error) => this.logger.warn({ err: scrubDeepAll(err.message) }, 'job queue error'));
      await boss.start();
      return { boss, schema };
    })();
    this.boss.catch(() => (this.boss = undefined));
    return this.boss;
  }

  /** Queue a job (its row, input parts and pg-boss job in one transaction); answers it as GET /jobs/{id} would. */
  async enqueue(job: NewJob): Promise<JobView> {
    const handler = this.handlers.get(job.kind);
    if (!handler) throw new Error(`no handler registered for job kind ${job.kind}`);
    const { boss } = await this.started();
    const id = randomUUID();
    await this.store.ds.transaction(async (m) => {
      await this.store.create(
        m,
        {
          id,
          kind: job.kind,
          scope: handler.scope,
          caller: job.caller,
          params: job.params ?? {},
          total: job.total ?? null,
        },
        job.input ?? [],
      );
      await boss.send(job.kind, {}, { id, db: pgBossDbIn(m) });
    });
    return this.view((await this.store.get(id, (await this.started()).schema))!);
  }

  /** One job as the caller may see it: 404 when there is none, 403 when its kind needs a scope the caller lacks. */
  async get(id: string, scopes: readonly string[]): Promise<JobView> {
    const row = await this.store.get(id, (await this.started()).schema);
    if (!row) throw new JobNotFound(id);
    if (!scopesAdmit(scopes, [row.scope as never])) throw new ScopeForbidden([row.scope]);
    return this.view(row);
  }

  /** Jobs newest first, only those of kinds the caller's scopes read. */
  async list(filter: Omit<JobFilter, 'scopes'>, scopes: readonly string[]): Promise<JobView[]> {
    const visible = scopes.includes('admin') ? 'all' : scopes;
    const rows = await this.store.list({ ...filter, scopes: visible }, (await this.started()).schema);
    return rows.map((r) => this.view(r));
  }

  /** Jobs queued and running per kind (every kind and state present, 0 when none): the queue depth. */
  async depth(): Promise<Array<{ kind: JobKind; state: 'queued' | 'running'; n: number }>> {
    const rows = await this.store.depth();
    return JOB_KINDS.flatMap((kind) =>
      (['queued', 'running'] as const).map((state) => ({
        kind,
        state,
        n: rows.find((r) => r.kind === kind && r.state === state)?.n ?? 0,
      })),
    );
  }

  /** A page of a job's per-item result (an import's per-row report). */
  async result<T>(
    id: string,
    scopes: readonly string[],
    offset: number,
    limit: number,
  ): Promise<{ job: JobView; total: number; items: T[] }> {
    const job = await this.get(id, scopes);
    const page = await this.store.resultPage<T>(id, offset, limit);
    return { job, ...page };
  }

  private view(row: JobRow): JobView {
    const lost = row.queueState === 'lost';
    const state: JobState = lost ? 'failed' : row.state;
    const kind = row.kind as JobKind;
    return {
      id: row.id,
      kind,
      kindZh: JOB_KIND_ZH[kind] ?? kind,
      state,
      stateZh: JOB_STATE_ZH[state],
      progress: { done: row.done, total: row.total },
      summary: row.summary,
      error: lost ? { ...LOST, instance: `/api/v1/jobs/${row.id}` } : row.error,
      attempts: row.attempts,
      caller: row.caller,
      createdAt: iso(row.createdAt)!,
      startedAt: iso(row.startedAt),
      updatedAt: iso(row.updatedAt)!,
      finishedAt: iso(row.finishedAt),
      resultUrl: this.handlers.get(kind)?.hasResult ? `/api/v1/jobs/${row.id}/result` : null,
    };
  }

  /**
   * One attempt of a job (pg-boss's worker): running, then completed with the handler's summary, or its error
   * kept as problem details. A refusal (a 4xx problem) is final; anything else is thrown back to pg-boss, which
   * retries it (JOB_RETRY_LIMIT) and then fails it.
   */
  private async runAttempt(kind: JobKind, job: PgBoss.JobWithMetadata<Record<string, unknown>>): Promise<void> {
    const handler = this.handlers.get(kind)!;
    const row = await this.store.start(job.id);
    if (!row) return; // no row (never committed), or the job already ended
    const lastAttempt = job.retryCount >= job.retryLimit;
    const ctx: JobContext<never> = {
      id: job.id,
      params: row.params as never,
      caller: row.caller,
      attempt: row.attempts,
      lastAttempt,
      progress: (done, total) => this.store.progress(job.id, done, total),
      inputParts: <T>() => this.store.parts<T>(job.id, 'input'),
      resultParts: <T>() => this.store.parts<T>(job.id, 'result'),
      storedResultParts: () => this.store.resultSeqs(job.id),
      saveResultPart: (part: JobPart) => this.store.savePart(this.store.ds, job.id, 'result', part),
    };
    try {
      const summary = await handler.run(ctx);
      await this.store.complete(job.id, summary);
      await this.store.deleteParts(job.id, 'input');
    } catch (err) {
      const refused = err instanceof DomainError && err.status < 500;
      const final = refused || lastAttempt;
      const problem = scrubDeepAll(toProblem(err, `/api/v1/jobs/${job.id}`, undefined));
      this.logger.warn({ jobId: job.id, kind, code: problem.code, final }, 'background job attempt failed');
      await this.store.fail(job.id, problem, final).catch(() => undefined);
      if (final) await this.store.deleteParts(job.id, 'input').catch(() => undefined);
      if (!refused) throw err;
    }
  }
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
