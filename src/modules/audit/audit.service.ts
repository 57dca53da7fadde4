import { BeforeApplicationShutdown, Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { commitBatch } from './audit-batch';
import { prepareEntry } from './audit-entry';
import { AuditVerifier } from './audit-verifier';
import { GroupCommitWriter, type BatchObserver } from './audit-writer';
import { ExportFormat, exportStream } from './audit-export';
import {
  AuditFilter,
  AuditPage,
  AuditQueries,
  type FeedbackRate,
  type LatestFeedback,
  type MeasureOfferCount,
} from './audit.queries';
import { sqlRunnerOf } from './audit.store';
import type { AuditAppendInput, AuditAppendResult, AuditEntryView, AuditWriterStats, ChainReport } from './audit.types';

/**
 * The tamper-evident audit trail (审计日志): every check, feedback, record and pack change appends an
 * entry to one hash chain. Other modules import AuditModule and use this service only.
 */
@Injectable()
export class AuditService implements OnModuleDestroy, BeforeApplicationShutdown {
  private readonly writer: GroupCommitWriter;
  private readonly verifier: AuditVerifier;

  constructor(
    private readonly ds: DataSource,
    private readonly queries: AuditQueries,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig & { embedded?: boolean },
  ) {
    const sql = { named: config.embedded !== true };
    const memo = {}; // the chain's head after this instance's last batch (audit-batch.ts)
    this.writer = new GroupCommitWriter((batch) => commitBatch(this.ds, batch, sql, memo));
    this.verifier = new AuditVerifier(sqlRunnerOf(this.ds));
  }

  /**
   * Append one entry. Resolves only after the entry's transaction committed; `duplicate` when the
   * caller's idempotency key (or the id) was already recorded, with the first entry. Rejects with 503
   * AUDIT_UNAVAILABLE when it could not be committed: the caller must then answer 503 too.
   */
  /** Be told of every audit batch committed or failed (its size and commit time): the metrics. */
  onBatch(observer: BatchObserver): void {
    this.writer.observe(observer);
  }

  append(input: AuditAppendInput): Promise<AuditAppendResult> {
    try {
      return this.writer.submit(prepareEntry(input, this.clock.now()));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  findByIdempotencyKey(caller: string | null, key: string): Promise<AuditEntryView | null> {
    return this.queries.findByIdempotencyKey(caller, key);
  }

  /** One entry by id; 404 AUDIT_ENTRY_NOT_FOUND. */
  get(id: string): Promise<AuditEntryView> {
    return this.queries.get(id);
  }

  /** Entries matching the filter in seq order, after afterSeq (keyset). */
  list(filter: AuditFilter, afterSeq: number, limit: number): Promise<AuditPage> {
    return this.queries.list(filter, afterSeq, limit);
  }

  /** Every matching entry, streamed as JSON Lines or CSV, queried a page at a time. */
  export(filter: AuditFilter, afterSeq: number, format: ExportFormat): Readable {
    return exportStream(this.queries.walk(filter, afterSeq), format);
  }

  /** Offers and reports per scenario and measure over the checks in the trail (AuditQueries.measureOffers). */
  measureOffers(
    from: string | undefined,
    to: string | undefined,
    scenarios: readonly string[],
    feedback: readonly LatestFeedback[],
  ): Promise<MeasureOfferCount[]> {
    return this.queries.measureOffers(from, to, scenarios, feedback);
  }

  /** Feedback rates per caller and scenario over the checks in the trail (AuditQueries.feedbackRates). */
  feedbackRates(
    from: string | undefined,
    to: string | undefined,
    feedbackCheckIds: readonly string[],
  ): Promise<FeedbackRate[]> {
    return this.queries.feedbackRates(from, to, feedbackCheckIds);
  }

  /** Walk the chain from fromSeq (default 1), page by page, recomputing every hash. */
  verify(opts: { fromSeq?: number } = {}): Promise<ChainReport> {
    return this.verifier.verify(opts);
  }

  /** Counters of the group-commit writer (batches = transactions). */
  writerStats(): AuditWriterStats {
    return this.writer.stats();
  }

  /** Resolves once every append made so far has been answered. */
  flush(): Promise<void> {
    return this.writer.idle();
  }

  // Graceful shutdown: pending appends are committed before TypeORM closes the pool (onApplicationShutdown).
  async onModuleDestroy(): Promise<void> {
    await this.writer.idle();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.writer.idle();
  }
}
