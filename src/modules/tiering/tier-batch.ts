import { Injectable } from '@nestjs/common';
import { PacksService, type ActivePack } from '../packs/packs.service';
import { RecordsService } from '../records/records.service';
import { SubjectsService } from '../subjects/subjects.service';
import { SubjectIndustriesService } from '../subjects/subject-industries.service';
import { computeTiers, type ComputedTier, type TierSubject } from './tier-computation';
import { TierStore, type SaveResult } from './tier.store';
import type { FactRecord } from '../../rules/facts';
import type { IndustryAssignment } from '../../rules/membership';

/** Subjects per keyset page of a batch run: four index-range reads each, whatever the page's records. */
export const BATCH_PAGE = 5_000;
/** A batch run that has written this many tiers refreshes the tier table's planner statistics once. */
const ANALYZE_AFTER = 10_000;

export interface BatchTotals {
  readonly subjects: number;
  readonly evaluations: number;
  readonly changed: number;
  readonly refreshed: number;
}

/** One keyset page read: its subjects, and what they need, read as id ranges (afterId, lastId]. */
interface Page {
  readonly subjects: readonly TierSubject[];
  readonly records: Map<string, FactRecord[]>;
  readonly assignments: Map<string, IndustryAssignment[]>;
  readonly stored: Array<{ subjectId: string; industry: string; fingerprint: string }>;
}

/** What a page's evaluation leaves to write: tiers whose fingerprint is not stored, stored tiers no longer given. */
export interface PageChanges {
  readonly tiers: number;
  readonly changed: ComputedTier[];
  readonly stale: Array<{ subjectId: string; industry: string }>;
}

/**
 * Compare one page's evaluations with its stored fingerprints (pure): a tier is written when its fingerprint is
 * not stored; a stored tier of a covered industry that the evaluation no longer gives is stale (removed).
 */
export function pageChanges(
  subjects: readonly TierSubject[],
  records: ReadonlyMap<string, readonly FactRecord[]>,
  assignments: ReadonlyMap<string, readonly IndustryAssignment[]>,
  stored: ReadonlyArray<{ subjectId: string; industry: string; fingerprint: string }>,
  asOf: string,
  packs: readonly ActivePack[],
): PageChanges {
  // The stored tiers by subject (a few each): no key strings built per tier.
  const known = new Map<string, Array<{ industry: string; fingerprint: string; kept: boolean }>>();
  for (const r of stored) {
    const entry = { industry: r.industry, fingerprint: r.fingerprint, kept: false };
    const list = known.get(r.subjectId);
    if (list) list.push(entry);
    else known.set(r.subjectId, [entry]);
  }
  const covered = new Set(packs.map((p) => p.pack.industry as string));
  const changed: ComputedTier[] = [];
  const stale: Array<{ subjectId: string; industry: string }> = [];
  let tiers = 0;
  for (const s of subjects) {
    const mine = known.get(s.id);
    for (const t of computeTiers(s, records.get(s.id) ?? [], asOf, packs, assignments.get(s.id) ?? [])) {
      tiers++;
      const at = mine?.find((x) => x.industry === t.evaluation.industry);
      if (at) at.kept = true;
      if (at?.fingerprint !== t.fingerprint) changed.push(t);
    }
    // Only the page's subjects: a subject created in the id range after the page was read is not covered.
    for (const x of mine ?? [])
      if (!x.kept && covered.has(x.industry)) stale.push({ subjectId: s.id, industry: x.industry });
  }
  return { tiers, changed, stale };
}

/**
 * A batch run over every subject (信用分级, all at once): keyset pages of BATCH_PAGE subjects, each read as four
 * index-range queries (subjects, records in force with only the fact columns, assignments, stored fingerprints) —
 * never lists of ids — and evaluated in memory (a subject's records walked once for all its industries). Only
 * what changed is written, one set-based transaction per page, in the order of the pages. The next page is read
 * while one is evaluated and the one before written: the database and the evaluation overlap, memory stays at a
 * few pages whatever the number of subjects.
 */
@Injectable()
export class TierBatch {
  /** Subjects per page (tests make it small to cross many page boundaries). */
  pageSize = BATCH_PAGE;

  constructor(
    private readonly packs: PacksService,
    private readonly subjects: SubjectsService,
    private readonly records: RecordsService,
    private readonly industries: SubjectIndustriesService,
    private readonly store: TierStore,
  ) {}

  async run(opts: {
    asOf: string;
    trigger: string;
    packId?: string;
    /** After each page is written: the subjects done so far (a background job's progress, tiering-job.ts). */
    onChunk?: (subjectsDone: number) => Promise<void>;
  }): Promise<BatchTotals> {
    const { asOf, trigger, packId } = opts;
    const packs = this.packs.active().filter((p) => packId === undefined || p.pack.id === packId); // one snapshot for the run
    let subjects = 0;
    let evaluations = 0;
    let changed = 0;
    let refreshed = 0;
    let analyzed = false;
    let writing: Promise<SaveResult> = Promise.resolve({ changed: 0, refreshed: 0 });
    const settle = async () => {
      const w = await writing;
      changed += w.changed;
      refreshed += w.refreshed;
      writing = Promise.resolve({ changed: 0, refreshed: 0 });
    };
    const readAhead = (afterId: string | null) => {
      const page = this.read(afterId, asOf, packs.length > 0);
      page.catch(() => undefined); // handled where it is awaited
      return page;
    };
    let next = readAhead(null);
    try {
      for (;;) {
        const page = await next;
        if (!page) break;
        next = readAhead(page.subjects[page.subjects.length - 1].id);
        const found = pageChanges(page.subjects, page.records, page.assignments, page.stored, asOf, packs);
        subjects += page.subjects.length;
        evaluations += found.tiers;
        await settle(); // one write at a time, in page order
        await opts.onChunk?.(subjects - page.subjects.length);
        if (changed + refreshed >= ANALYZE_AFTER && !analyzed) {
          await this.store.analyze(); // the pages to come are planned on the new size of the table
          analyzed = true;
        }
        writing = this.store.apply(found.changed, found.stale, trigger, asOf);
        writing.catch(() => undefined); // handled at the next settle
      }
      await settle();
      await opts.onChunk?.(subjects);
      // Fresh statistics for the next run too: planned on those of mid-run, its first pages' id ranges would be
      // read as scans of the whole table.
      if (changed + refreshed >= ANALYZE_AFTER) await this.store.analyze();
    } finally {
      await writing.catch(() => undefined); // never leave a write running behind a failure
    }
    return { subjects, evaluations, changed, refreshed };
  }

  /** A page after `afterId` (null: the first), or null past the last subject. */
  private async read(afterId: string | null, asOf: string, evaluate: boolean): Promise<Page | null> {
    const subjects = await this.subjects.listBatchRefs(afterId, this.pageSize);
    if (subjects.length === 0) return null;
    const lastId = subjects[subjects.length - 1].id;
    if (!evaluate) return { subjects, records: new Map(), assignments: new Map(), stored: [] };
    const [records, assignments, stored] = await Promise.all([
      this.records.recordsInForceInRange(afterId, lastId, asOf),
      this.industries.assignmentsInRange(afterId, lastId),
      this.store.fingerprintsInRange(afterId, lastId),
    ]);
    return { subjects, records, assignments, stored };
  }
}
