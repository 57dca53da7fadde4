import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuditService } from './audit.service';
import type { StrandedEntry } from './audit-outbox';
import { outboxCounts, rekeyOutbox, strandedEntries } from './audit.store';

const BATCH = 100;

/** The outbox as an operator sees it (GET /api/v1/audit/outbox). */
export interface OutboxStatus {
  /** Changes committed whose entry has not been appended yet (one per request). */
  readonly pendingEntries: number;
  readonly oldestAt: string | null;
  /** Older than this, a pending change is chained as interrupted by the next sweep. */
  readonly graceSeconds: number;
  readonly lastSweep: { readonly at: string; readonly chained: number } | null;
  /** Interrupted entries chained by this instance since it started. */
  readonly chainedSinceStart: number;
}

/**
 * Chains the changes whose entry never came (the process died between the change's COMMIT and its audit
 * entry): at start and then every AUDIT_OUTBOX_SWEEP_MS, outbox rows older than AUDIT_OUTBOX_GRACE_MS
 * become one entry each, under the id and kind the entry was to have, answering `interrupted: true` and
 * what was committed. Appending deletes the rows in the chain's own transaction; if the late original
 * append ever comes, it finds its id taken and is answered as a duplicate.
 */
@Injectable()
export class AuditOutboxSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AuditOutboxSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private lastSweep: { at: string; chained: number } | null = null;
  private chainedSinceStart = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The first sweep runs before the service listens: what a crash left is chained before new work. */
  async onApplicationBootstrap(): Promise<void> {
    this.tick();
    await this.running;
    this.timer = setInterval(() => this.tick(), this.config.auditOutboxSweepMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One sweep (tests call it): the number of interrupted entries chained. */
  async sweep(graceMs = this.config.auditOutboxGraceMs): Promise<number> {
    let total = 0;
    for (;;) {
      const stranded: StrandedEntry[] = await strandedEntries(this.ds, graceMs, BATCH);
      const results = await Promise.allSettled(stranded.map((s) => this.chain(s)));
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      for (const f of failed)
        this.logger.error(
          `an interrupted change could not be chained: ${f.reason instanceof Error ? f.reason.message : String(f.reason)}`,
        );
      const chained = results.length - failed.length;
      total += chained;
      this.chainedSinceStart += chained;
      // A row that cannot be chained is retried at the next sweep, not in a loop now.
      if (stranded.length < BATCH || failed.length > 0) {
        this.lastSweep = { at: new Date().toISOString(), chained: total };
        return total;
      }
    }
  }

  /**
   * One interrupted entry, under the id the request's entry was to have; if that entry is in the chain
   * already (swept while its request went on, which then committed more), the rest is re-keyed to a new
   * id and chained as a follow-up naming the first.
   */
  private async chain(s: StrandedEntry): Promise<void> {
    let id = s.entry_id;
    if (s.in_chain) {
      id = randomUUID();
      await rekeyOutbox(this.ds, id, s.row_ids);
    }
    await this.audit.append({
      id,
      kind: s.kind,
      caller: s.caller,
      operator: s.operator,
      subjectIds: s.subject_ids,
      request: { ...s.request, interrupted: true },
      response: {
        interrupted: true,
        ...(s.in_chain ? { followUpOf: s.entry_id } : {}),
        note: 'The request ended before its entry was written (the service stopped, or the trail could not be written); these changes were committed (请求中断，以下变更已提交)',
        firstCommittedAt: new Date(s.first_at).toISOString(),
        changes: s.changes,
      },
    });
  }

  async status(): Promise<OutboxStatus> {
    const { entries, oldest } = await outboxCounts(this.ds);
    return {
      pendingEntries: entries,
      oldestAt: oldest ? new Date(oldest).toISOString() : null,
      graceSeconds: this.config.auditOutboxGraceMs / 1000,
      lastSweep: this.lastSweep,
      chainedSinceStart: this.chainedSinceStart,
    };
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.sweep()
      .then((n) => {
        if (n) this.logger.warn(`${n} interrupted change(s) chained into the audit trail from the outbox`);
        return n;
      })
      .catch((err: unknown) => {
        this.logger.error(`audit outbox sweep failed: ${err instanceof Error ? err.message : String(err)}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
  }
}
