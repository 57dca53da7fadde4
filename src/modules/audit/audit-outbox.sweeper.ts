import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuditService } from './audit.service';
import { STRANDED_SQL, type StrandedEntry } from './audit-outbox';

const BATCH = 100;

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
      const stranded: StrandedEntry[] = await this.ds.query(STRANDED_SQL, [graceMs, BATCH]);
      await Promise.all(stranded.map((s) => this.audit.append({
        id: s.entry_id,
        kind: s.kind,
        caller: s.caller,
        operator: s.operator,
        subjectIds: s.subject_ids,
        request: { ...s.request, interrupted: true },
        response: {
          interrupted: true,
          note: 'The request ended before its answer (the service stopped); these changes were committed (请求中断，以下变更已提交)',
          firstCommittedAt: new Date(s.first_at).toISOString(),
          changes: s.changes,
        },
      })));
      total += stranded.length;
      if (stranded.length < BATCH) return total;
    }
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
