import type { JobKind } from '../../database/pgboss-schema';
import type { ProblemDetails } from '../../common/problem';
import type { Scope } from '../auth/scopes';

export type { JobKind };
export const JOB_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];
/** The state in Chinese, as the console shows it. */
export const JOB_STATE_ZH: Record<JobState, string> = {
  queued: '排队',
  running: '运行',
  completed: '完成',
  failed: '失败',
};
export const JOB_KIND_ZH: Record<JobKind, string> = { 'records.import': '批量导入', 'tiering.batch': '批量分级' };

/** A job as the API answers it (GET /api/v1/jobs/{id}). */
export interface JobView {
  readonly id: string;
  readonly kind: JobKind;
  readonly kindZh: string;
  readonly state: JobState;
  readonly stateZh: string;
  readonly progress: { readonly done: number; readonly total: number | null };
  /** What the job found (totals, counts), when it completed; a part of it while it runs, if the kind says so. */
  readonly summary: Record<string, unknown> | null;
  /** Why it failed, as RFC 9457 problem details (or the last attempt's error while a retry waits). */
  readonly error: ProblemDetails | null;
  readonly attempts: number;
  readonly caller: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
  /** Where its per-item result is read, page by page (GET /api/v1/jobs/{id}/result), for kinds that keep one. */
  readonly resultUrl: string | null;
}

/** One part of a job's input or result: items in order, the first one's row number. */
export interface JobPart<T = unknown> {
  readonly seq: number;
  readonly firstRow: number;
  readonly items: T[];
}

/** What a handler is given to run one attempt of a job. */
export interface JobContext<P = Record<string, unknown>> {
  readonly id: string;
  readonly params: P;
  readonly caller: string | null;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** True when no retry follows this attempt's failure. */
  readonly lastAttempt: boolean;
  progress(done: number, total?: number): Promise<void>;
  /** The job's input, part by part (given at enqueue). */
  inputParts<T>(): AsyncIterable<JobPart<T>>;
  /** The result parts stored so far, in order. */
  resultParts<T>(): AsyncIterable<JobPart<T>>;
  /** The result parts an earlier attempt already stored (a retried job goes on from there). */
  storedResultParts(): Promise<Set<number>>;
  saveResultPart(part: JobPart): Promise<void>;
}

/** A kind of job: the scope that reads it (the scope of the operation it runs) and what runs it. */
export interface JobHandler<P = Record<string, unknown>> {
  readonly kind: JobKind;
  readonly scope: Scope;
  /** Keeps a per-item result (GET /api/v1/jobs/{id}/result). */
  readonly hasResult: boolean;
  run(ctx: JobContext<P>): Promise<Record<string, unknown>>;
}

export interface NewJob {
  readonly kind: JobKind;
  readonly params?: Record<string, unknown>;
  readonly caller: string | null;
  readonly total?: number;
  /** Input parts stored with the job, in its transaction. */
  readonly input?: readonly JobPart[];
}

/** What the API says of a job whose worker was lost (the instance died, and pg-boss gave up retrying it). */
export const JOB_INTERRUPTED: ProblemDetails = {
  type: 'https://credit-engine.local/problems/job-interrupted',
  title: 'Job interrupted (任务中断)',
  status: 503,
  code: 'JOB_INTERRUPTED',
  detail: 'The instance running the job stopped and the job was not finished; enqueue it again.',
};
