import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { Clock } from '../../common/clock';
import { MEASURES_PACK } from '../packs/pack-content';
import { PacksService } from '../packs/packs.service';
import { RecordsService } from '../records/records.service';
import { SubjectsService } from '../subjects/subjects.service';
import { ComputedTier, computeTiers, evaluateSubject, TierSubject, type SubjectTiers } from './tier-computation';
import { TierStore, type Coverage } from './tier.store';
import { TierBatch } from './tier-batch';
import { SubjectIndustriesService } from '../subjects/subject-industries.service';
import type { IndustryAssignment } from '../../rules/membership';
import type { ActivePack } from '../packs/packs.service';
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
    private readonly industries: SubjectIndustriesService,
    private readonly batch: TierBatch,
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

  /** Recompute today's tiers of some subjects behind the queued recomputes, and wait for it (errors reach the caller). */
  recomputeQueued(subjectIds: readonly string[], trigger: string): Promise<unknown> {
    const run = this.queue.then(() => this.recompute(subjectIds, { trigger }));
    this.queue = run.catch(() => undefined);
    return run;
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
      const { tiers, covered } = await this.evaluate([...refs.values()], asOf);
      evaluations += tiers.length;
      const saved = await this.store.save(tiers, opts.trigger, covered);
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
  runBatch(trigger: string, onChunk?: (subjectsDone: number) => Promise<void>): Promise<TieringRunSummary> {
    const run = this.queue.then(() => this.recomputeAll({ trigger, onChunk }));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Batch: every subject (with `packId`, that pack's tiers only), in keyset pages (TierBatch). Stored tiers that
   * no longer apply (the subject left the industry, or its kind the pack) are removed.
   */
  async recomputeAll(
    opts: { asOf?: string; trigger?: string; packId?: string; onChunk?: (subjectsDone: number) => Promise<void> } = {},
  ): Promise<TieringRunSummary> {
    const started = Date.now();
    const asOf = opts.asOf ?? this.clock.today();
    const totals = await this.batch.run({
      asOf,
      trigger: opts.trigger ?? 'batch',
      packId: opts.packId,
      onChunk: opts.onChunk,
    });
    return { asOf, ...totals, durationMs: Date.now() - started };
  }

  /** Tiers as of any date, computed live and not stored: "as of T" answers are reproducible. */
  async computeAsOf(subjectId: string, asOf: string): Promise<ComputedTier[]> {
    const subject = await this.subjects.get(subjectId);
    return (await this.evaluate([subject], asOf)).tiers;
  }

  /** A subject's membership of every pack's industry as of a date (行业归属), with the tiers it gives; computed live. */
  async membershipAsOf(subjectId: string, asOf: string): Promise<SubjectTiers> {
    const subject = await this.subjects.get(subjectId);
    const records = await this.records.recordsInForceFor([subject.id], asOf);
    const assignments = await this.industries.assignmentsFor([subject.id]);
    return evaluateSubject(
      subject,
      records.get(subject.id) ?? [],
      asOf,
      this.packs.active(),
      assignments.get(subject.id) ?? [],
    );
  }

  /** The department assignments of these subjects (for callers that load records themselves: checks, reports, simulation). */
  assignmentsFor(ids: readonly string[]): Promise<Map<string, IndustryAssignment[]>> {
    return this.industries.assignmentsFor(ids);
  }

  /**
   * Tiers of subjects whose records and assignments are already loaded (the check API): no I/O; the caller's
   * pack snapshot, or the current one. Only the industries the subject belongs to at `asOf` give a tier.
   */
  tiersFor(
    subject: TierSubject,
    records: readonly FactRecord[],
    asOf: string,
    packs: readonly ActivePack[],
    assignments: readonly IndustryAssignment[],
  ): ComputedTier[] {
    return computeTiers(subject, records, asOf, packs, assignments);
  }

  /** One chunk: its tiers, and what it covered (its subjects × the packs' industries) for removals. */
  private async evaluate(
    all: readonly TierSubject[],
    asOf: string,
    packId?: string,
  ): Promise<{ tiers: ComputedTier[]; covered: Coverage }> {
    const packs = this.packs.active().filter((p) => packId === undefined || p.pack.id === packId); // one snapshot for the whole chunk
    const covered: Coverage = { subjectIds: all.map((r) => r.id), industries: packs.map((p) => p.pack.industry), asOf };
    if (all.length === 0 || packs.length === 0) return { tiers: [], covered };
    const ids = all.map((r) => r.id);
    const [records, assignments] = await Promise.all([
      this.records.recordsInForceFor(ids, asOf),
      this.industries.assignmentsFor(ids),
    ]);
    const tiers: ComputedTier[] = [];
    for (const ref of all)
      tiers.push(...computeTiers(ref, records.get(ref.id) ?? [], asOf, packs, assignments.get(ref.id) ?? []));
    return { tiers, covered };
  }
}
