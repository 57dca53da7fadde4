import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { Clock } from '../../common/clock';
import { MEASURES_PACK } from '../packs/pack-content';
import { PacksService } from '../packs/packs.service';
import { RecordsService } from '../records/records.service';
import { SubjectsService } from '../subjects/subjects.service';
import { ComputedTier, computeTiers, TierSubject } from './tier-computation';
import { TierStore } from './tier.store';
import type { FactRecord } from '../../rules/facts';

export interface TieringRunSummary {
  readonly asOf: string;
  readonly subjects: number;
  readonly evaluations: number;
  readonly changed: number;
  /** Stored tiers whose facts alone were brought up to date (same tier, score and fired rules: no history row). */
  readonly refreshed: number;
  readonly durationMs: number;
}

const CHUNK = 1000;

/**
 * Scores subjects into credit tiers per industry (信用分级). Recomputes a subject whenever its records
 * change (queued, one at a time, so two recomputes never race), and all subjects in batch.
 */
@Injectable()
export class TieringService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TieringService.name);
  private queue: Promise<unknown> = Promise.resolve();
  private subscription?: Subscription;
  private packSubscription?: Subscription;

  constructor(
    private readonly packs: PacksService,
    private readonly subjects: SubjectsService,
    private readonly records: RecordsService,
    private readonly store: TierStore,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscription = this.records.changes$.subscribe(({ subjectIds, reason }) => {
      void this.enqueue(() => this.recompute(subjectIds, { trigger: `records:${reason}`.slice(0, 64) }));
    });
    // A publication or rollback changes what every stored tier of the pack should be: they are recomputed
    // (queued like a batch run), so supervisors and inspection plans never keep tiers of a version no longer in force.
    this.packSubscription = this.packs.changes$.subscribe(({ kind, packId }) => {
      if (packId === MEASURES_PACK) return; // the measures decide checks, not tiers
      void this.enqueue(() => this.recomputeAll({ trigger: `pack:${kind}:${packId}`.slice(0, 64), packId }));
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    this.packSubscription?.unsubscribe();
    await this.idle();
  }

  /** Resolves when every queued recompute has finished. */
  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.queue;
      await seen;
    } while (seen !== this.queue);
  }

  /**
   * Runs `fn` with the record-change recomputes it causes held until it ends (queued behind it), so that
   * `fn` may store tiers as of earlier days first (the demo load's backdated history: each subject's rows
   * then follow one another in time, today's last, each with the tier before it).
   */
  async holdingRecomputes<T>(fn: () => Promise<T>): Promise<T> {
    await this.idle();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    void this.enqueue(() => gate);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T | undefined> {
    const next = this.queue.then(job).catch((err: unknown) => {
      this.logger.error({ err }, 'Tier recompute failed');
      return undefined;
    });
    this.queue = next;
    return next;
  }

  /** Evaluate and store the tiers of some subjects as of a date (default: today). */
  async recompute(
    subjectIds: readonly string[],
    opts: { asOf?: string; trigger: string },
  ): Promise<{ evaluations: number; changed: number; refreshed: number }> {
    const asOf = opts.asOf ?? this.clock.today();
    const ids = [...new Set(subjectIds)];
    let evaluations = 0;
    let changed = 0;
    let refreshed = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const refs = await this.subjects.findRefs(ids.slice(i, i + CHUNK));
      const tiers = await this.evaluate([...refs.values()], asOf);
      evaluations += tiers.length;
      const saved = await this.store.save(tiers, opts.trigger);
      changed += saved.changed;
      refreshed += saved.refreshed;
    }
    return { evaluations, changed, refreshed };
  }

  /**
   * A batch run of today's tiers (the stored, current ones), queued behind the record-change recomputes so
   * that a run that read records before a change cannot overwrite the tiers computed after it. Errors reach
   * the caller. Tiers of another date are computed live (computeAsOf), never stored as current.
   */
  runBatch(trigger: string): Promise<TieringRunSummary> {
    const run = this.queue.then(() => this.recomputeAll({ trigger }));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Batch: every subject, in keyset-paged chunks (with `packId`, that pack's tiers only); then the stored
   * tiers no pack computes any more (a kind a pack no longer applies to) are removed.
   */
  async recomputeAll(opts: { asOf?: string; trigger?: string; packId?: string } = {}): Promise<TieringRunSummary> {
    const started = Date.now();
    const asOf = opts.asOf ?? this.clock.today();
    let after: string | null = null;
    let subjects = 0;
    let evaluations = 0;
    let changed = 0;
    let refreshed = 0;
    for (;;) {
      const refs = await this.subjects.listRefs(after, CHUNK);
      if (refs.length === 0) break;
      const tiers = await this.evaluate(refs, asOf, opts.packId);
      const saved = await this.store.save(tiers, opts.trigger ?? 'batch');
      changed += saved.changed;
      refreshed += saved.refreshed;
      subjects += refs.length;
      evaluations += tiers.length;
      after = refs[refs.length - 1].id;
    }
    for (const p of this.packs.active().filter((x) => opts.packId === undefined || x.pack.id === opts.packId)) {
      changed += await this.store.dropInapplicable(p.pack.industry, p.pack.appliesTo, asOf, opts.trigger ?? 'batch');
    }
    return { asOf, subjects, evaluations, changed, refreshed, durationMs: Date.now() - started };
  }

  /** Tiers as of any date, computed live and not stored: "as of T" answers are reproducible. */
  async computeAsOf(subjectId: string, asOf: string): Promise<ComputedTier[]> {
    const subject = await this.subjects.get(subjectId);
    return this.evaluate([subject], asOf);
  }

  /** Tiers of subjects whose records are already loaded (the check API): no I/O; the caller's pack snapshot, or the current one. */
  tiersFor(
    subject: TierSubject,
    records: readonly FactRecord[],
    asOf: string,
    packs = this.packs.active(),
  ): ComputedTier[] {
    return computeTiers(subject, records, asOf, packs);
  }

  private async evaluate(all: readonly TierSubject[], asOf: string, packId?: string): Promise<ComputedTier[]> {
    const packs = this.packs.active().filter((p) => packId === undefined || p.pack.id === packId); // one snapshot for the whole chunk
    const refs = packId === undefined ? all : all.filter((r) => packs.some((p) => p.pack.appliesTo.includes(r.kind)));
    if (refs.length === 0) return [];
    const records = await this.records.recordsInForceFor(
      refs.map((r) => r.id),
      asOf,
    );
    const out: ComputedTier[] = [];
    for (const ref of refs) out.push(...computeTiers(ref, records.get(ref.id) ?? [], asOf, packs));
    return out;
  }
}
