import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import { PgListener } from '../../database/pg-listener';
import type { FactRecord } from '../../rules/facts';
import type { IndustryAssignment } from '../../rules/membership';
import type { RecordCitation } from '../records/record.view';
import { RecordsService } from '../records/records.service';
import { SubjectChanges } from '../subjects/subject-changes';
import { SubjectIndustriesService } from '../subjects/subject-industries.service';
import { SubjectsService } from '../subjects/subjects.service';
import type { SubjectRef } from '../subjects/subjects.types';
import { CreditStateCache, type CacheStats } from './credit-state.cache';

/** The channel the database announces changed subjects on (migration CreditStateNotify). */
export const CREDIT_STATE_CHANNEL = 'credit_state';

/** What a check reads of one subject as of a day (records in force, the procurement look-back, industries). */
export interface PartyState {
  readonly subject: SubjectRef;
  readonly records: readonly FactRecord[];
  /** Penalties past their publicity window the procurement look-back still counts (政府采购法 Art. 22(1)(5)). */
  readonly lookBack: readonly FactRecord[];
  /** The citation of every record above, by record id. */
  readonly citations: ReadonlyMap<string, RecordCitation>;
  readonly assignments: readonly IndustryAssignment[];
  /** Derived from the above by the caller, for one rule set: kept beside it (a function of the state, packs and day). */
  memo?: { readonly key: unknown; readonly value: unknown };
}

export interface PartyIdentifier {
  readonly code?: string;
  readonly idNumber?: string;
}

export interface CreditStateStats extends CacheStats {
  readonly enabled: boolean;
  /** On a server: whether the LISTEN connection is up (while it is not, every check reads the database). */
  readonly listening: boolean;
}

/**
 * The credit state of checked subjects, held per instance (逢办必查 answers in milliseconds): a check reads
 * the database only for subjects it has not seen today. Kept fresh by what changes them — in this instance
 * the services announce a change once it committed; from every instance (and any SQL) the database's
 * `credit_state` notification (LISTEN on a dedicated connection, server only; the embedded database is one
 * instance). While the LISTEN connection is down nothing is kept; when it is back everything kept is dropped
 * (a notification may have been missed). See credit-state.cache.ts for the freshness rules.
 */
@Injectable()
export class CreditStateService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CreditStateService.name);
  private readonly cache: CreditStateCache<PartyState>;
  private readonly subscriptions: Subscription[] = [];
  private listener?: PgListener;
  /** Server: only while LISTEN is in place. Embedded: always (one instance, every change announced here). */
  private listening: boolean;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig & { databaseUrl?: string; embedded?: boolean },
    private readonly subjects: SubjectsService,
    private readonly records: RecordsService,
    private readonly industries: SubjectIndustriesService,
    private readonly subjectChanges: SubjectChanges,
  ) {
    this.cache = new CreditStateCache<PartyState>(config.checkStateSubjects, config.checkStateMaxAgeMs);
    this.listening = config.embedded === true || !config.databaseUrl;
  }

  onModuleInit(): void {
    this.subscriptions.push(
      this.records.changes$.subscribe(({ subjectIds }) => this.cache.invalidate(subjectIds)),
      this.subjectChanges.changes$.subscribe((ids) => this.cache.invalidate(ids)),
    );
  }

  onApplicationBootstrap(): void {
    if (!this.enabled || this.config.embedded === true || !this.config.databaseUrl) return;
    this.listener = new PgListener(this.config.databaseUrl, CREDIT_STATE_CHANNEL, {
      notified: (payload) => this.cache.invalidate(payload === '*' ? 'all' : payload.split(',')),
      listening: () => {
        this.cache.invalidate('all');
        this.listening = true;
      },
      lost: () => {
        this.listening = false;
        this.cache.invalidate('all');
      },
    });
    this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    for (const s of this.subscriptions) s.unsubscribe();
    await this.listener?.stop();
  }

  get enabled(): boolean {
    return this.config.checkStateSubjects > 0;
  }

  stats(): CreditStateStats {
    return { ...this.cache.stats(), enabled: this.enabled, listening: this.listening };
  }

  /**
   * The state of each party as of `asOf`, by the identifier given (code or ID number): null for one the
   * service does not know. `fresh` reads the database whatever is kept (and keeps nothing).
   */
  async statesFor(
    parties: readonly PartyIdentifier[],
    asOf: string,
    opts: { fresh?: boolean } = {},
  ): Promise<Map<string, PartyState | null>> {
    const use = this.enabled && this.listening && !opts.fresh;
    const epoch = this.cache.begin(asOf);
    const out = new Map<string, PartyState | null>();
    const missing: Array<{ id: string; key: string; isCode: boolean }> = [];
    for (const p of parties) {
      const id = (p.code ?? p.idNumber)!;
      if (out.has(id)) continue;
      const key = p.code ? `c:${p.code}` : `i:${this.subjects.idHash(p.idNumber!)}`;
      const hit = use ? this.cache.lookup(key) : undefined;
      if (hit) out.set(id, hit.kind === 'subject' ? hit.state : null);
      else missing.push({ id, key, isCode: !!p.code });
    }
    if (!missing.length) return out;
    const loaded = await this.load(missing, asOf);
    const found = new Map<string, { subjectId: string; state: PartyState }>();
    const unknown: string[] = [];
    for (const m of missing) {
      const state = loaded.get(m.id) ?? null;
      out.set(m.id, state);
      if (state) found.set(m.key, { subjectId: state.subject.id, state });
      else unknown.push(m.key);
    }
    if (use) this.cache.store(epoch, asOf, found, unknown);
    return out;
  }

  /** Read from the database: subjects, then their records, look-back and industry decisions together. */
  private async load(missing: ReadonlyArray<{ id: string; isCode: boolean }>, asOf: string) {
    const found = await this.subjects.resolveMany({
      codes: missing.filter((m) => m.isCode).map((m) => m.id),
      idNumbers: missing.filter((m) => !m.isCode).map((m) => m.id),
    });
    const byId = new Map([...found.values()].map((s) => [s.id, s] as const));
    const ids = [...byId.keys()];
    const [inForce, lookBack, assignments] = await Promise.all([
      this.records.recordsInForceWithCitations(ids, asOf),
      this.records.procurementLookBack(ids, asOf),
      this.industries.assignmentsFor(ids),
    ]);
    const states = new Map<string, PartyState>();
    for (const id of ids) {
      const subject = byId.get(id)!;
      const records = inForce.records.get(id) ?? [];
      const back = lookBack.records.get(id) ?? [];
      const citations = new Map<string, RecordCitation>();
      for (const r of [...records, ...back]) {
        const c = r.id ? (inForce.citations.get(r.id) ?? lookBack.citations.get(r.id)) : undefined;
        if (c) citations.set(c.id, c);
      }
      states.set(id, { subject, records, lookBack: back, citations, assignments: assignments.get(id) ?? [] });
    }
    const out = new Map<string, PartyState>();
    for (const [identifier, subject] of found) out.set(identifier, states.get(subject.id)!);
    return out;
  }
}
