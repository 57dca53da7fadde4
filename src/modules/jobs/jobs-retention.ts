import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { deleteInBatches, PeriodicSweep, type PrunedObserver } from '../../common/periodic-sweep';
import { pgBossSchemaFor } from '../../database/pgboss-schema';
import { JOB_INTERRUPTED } from './job.types';
import { JobsStore } from './jobs.store';
import { appSchema } from './pgboss.store';

/** What one sweep did: lost jobs recorded as failed; rows deleted: input parts of ended jobs, parts of expired jobs, expired jobs. */
export interface JobsPruned {
  readonly settled: number;
  readonly inputParts: number;
  readonly expiredParts: number;
  readonly jobs: number;
}

/** Rows per statement: jobs by id; parts fewer, as one part holds up to 5,000 rows of an import. */
export interface JobsPruneBatches {
  readonly jobs: number;
  readonly parts: number;
}
const BATCHES: JobsPruneBatches = { jobs: 1000, parts: 50 };

/**
 * Retention of background jobs (任务保留期). A job whose instance died, and that pg-boss ended or no longer has, is
 * first recorded as failed (JOB_INTERRUPTED, what the API answered for it already). A job's input (an import's rows, which may carry ID numbers) is
 * deleted when the job ends (JobsService); the sweep deletes what such a delete left behind. A job that ended
 * (completed, or failed for good) more than JOBS_RETENTION_DAYS ago is deleted with its result parts, and then
 * answers 404 like an unknown job; queued and running jobs are never touched. Every instance sweeps every
 * JOBS_PRUNE_MS (`0`: not this one), in statements of a bounded batch, so that a first sweep of a large table
 * holds no long lock; instances sweeping together delete each row once. pg-boss keeps its own copy of a job
 * (archived, deleted after 14 days) apart from this.
 */
@Injectable()
export class JobsRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JobsRetention');
  private readonly observers: PrunedObserver[] = [];
  private readonly timer = new PeriodicSweep('jobs retention sweep', this.logger, () => this.sweep());

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: JobsStore,
  ) {}

  onApplicationBootstrap(): void {
    this.timer.start(this.config.jobsPruneMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.timer.stop();
  }

  /** Tell `observer` of the rows each sweep deletes (/metrics). */
  onPruned(observer: PrunedObserver): void {
    this.observers.push(observer);
  }

  /** One sweep (the timer's; tests call it): what it deleted. */
  async sweep(batches: JobsPruneBatches = BATCHES): Promise<JobsPruned> {
    const days = this.config.jobsRetentionDays;
    // First, jobs whose instance died and that pg-boss gave up: failed (as the API already said), so that their input
    // — an import's rows, which may hold ID numbers — goes now and the job expires like any other.
    const boss = pgBossSchemaFor(await appSchema(this.store.ds));
    const settled = await deleteInBatches(() => this.store.settleLost(boss, JOB_INTERRUPTED, batches.jobs));
    if (settled > 0) this.logger.warn(`${settled} job(s) whose instance stopped recorded as failed (JOB_INTERRUPTED)`);
    const inputParts = await deleteInBatches(() => this.store.deleteEndedInputParts(batches.parts));
    const expiredParts = await deleteInBatches(() => this.store.deleteExpiredParts(days, batches.parts));
    const jobs = await deleteInBatches(() => this.store.deleteExpiredJobs(days, batches.jobs));
    for (const observe of this.observers) {
      observe('job_parts', inputParts + expiredParts);
      observe('jobs', jobs);
    }
    if (inputParts + expiredParts + jobs > 0)
      this.logger.log(
        `deleted ${jobs} job(s) ended more than ${days} days ago (JOBS_RETENTION_DAYS), ${expiredParts} of their parts, ${inputParts} input part(s) of ended jobs`,
      );
    return { settled, inputParts, expiredParts, jobs };
  }
}
