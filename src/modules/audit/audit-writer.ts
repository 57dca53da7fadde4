import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import type { PreparedEntry } from './audit-entry';
import { AuditUnavailable } from './audit.exception';
import type { AuditAppendResult, AuditWriterStats } from './audit.types';

/** What a committed (or failed) batch was: for the metrics. */
export interface BatchObservation {
  readonly size: number;
  readonly seconds: number;
  readonly ok: boolean;
}
export type BatchObserver = (batch: BatchObservation) => void;

export type BatchCommitter = (batch: readonly PreparedEntry[]) => Promise<Array<AuditAppendResult | Error>>;

interface Waiter {
  readonly entry: PreparedEntry;
  resolve(r: AuditAppendResult): void;
  reject(e: Error): void;
}

export const MAX_BATCH = 500;

/**
 * Group commit. Appends queue up; one batch at a time is committed in one transaction; every waiter of
 * a batch is answered only after its COMMIT (or rejected with 503 AUDIT_UNAVAILABLE when the batch
 * failed). While a batch commits, new appends wait for the next one, so the batch size follows the load
 * with no timer. The first flush waits one event-loop turn to gather appends made in the same tick.
 */
export class GroupCommitWriter {
  private readonly logger = new Logger('AuditWriter');
  private queue: Waiter[] = [];
  private running: Promise<void> | null = null;
  private counters = { batches: 0, written: 0, duplicates: 0, failedBatches: 0, largestBatch: 0 };
  private recent: number[] = [];
  private readonly observers: BatchObserver[] = [];

  constructor(
    private readonly commit: BatchCommitter,
    private readonly maxBatch = MAX_BATCH,
  ) {}

  submit(entry: PreparedEntry): Promise<AuditAppendResult> {
    return new Promise<AuditAppendResult>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.kick();
    });
  }

  /** Resolves once every append submitted so far has been answered. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Be told of every batch once it committed or failed. */
  observe(observer: BatchObserver): void {
    this.observers.push(observer);
  }

  stats(): AuditWriterStats {
    return { ...this.counters, pending: this.queue.length, recentBatchSizes: [...this.recent] };
  }

  private kick(): void {
    if (this.running) return;
    this.running = new Promise<void>((r) => setImmediate(r))
      .then(() => this.drain())
      .finally(() => {
        this.running = null;
        if (this.queue.length) this.kick();
      });
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      await this.flush(batch);
    }
  }

  private async flush(batch: Waiter[]): Promise<void> {
    let results: Array<AuditAppendResult | Error>;
    const started = performance.now();
    const tell = (ok: boolean) => {
      const seen = { size: batch.length, seconds: (performance.now() - started) / 1000, ok };
      for (const o of this.observers) o(seen);
    };
    try {
      results = await this.commit(batch.map((w) => w.entry));
    } catch (err) {
      tell(false);
      this.counters.failedBatches += 1;
      // The message and SQLSTATE only: the driver error would carry the whole batch as its parameters.
      const { message, code } = err as { message?: unknown; code?: unknown };
      this.logger.error(
        { error: String(message), code, entries: batch.length },
        'Audit batch failed: every waiter answers 503',
      );
      for (const w of batch) w.reject(new AuditUnavailable());
      return;
    }
    tell(true);
    this.counters.batches += 1;
    this.counters.largestBatch = Math.max(this.counters.largestBatch, batch.length);
    this.recent = [...this.recent.slice(-49), batch.length];
    batch.forEach((w, i) => {
      const r = results[i];
      if (r instanceof Error) return w.reject(r);
      if (r.duplicate) this.counters.duplicates += 1;
      else this.counters.written += 1;
      w.resolve(r);
    });
  }
}
