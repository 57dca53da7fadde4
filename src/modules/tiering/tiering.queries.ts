import { Injectable } from '@nestjs/common';
import { PacksService } from '../packs/packs.service';
import { SubjectsService } from '../subjects/subjects.service';
import { TieringService } from './tiering.service';
import { TierStore } from './tier.store';
import { TierView, viewComputed, viewStored } from './tier.view';
import { ValidationFailed } from '../../common/problem';
import { TIER_VALUES } from '../../rules/facts';
import type { Industry } from '../../rules/shared';
import type { SubjectPage, SubjectSearchQuery } from '../subjects/subjects.types';

/** The subject search's filters of this module: stored tiers (当前信用等级) in one industry. */
export interface TierFilter {
  readonly industry?: string;
  readonly tier?: string;
}

/** Read side of tiering: a subject's tiers now, as of a date, and their history. */
@Injectable()
export class TieringQueries {
  constructor(
    private readonly tiering: TieringService,
    private readonly store: TierStore,
    private readonly packs: PacksService,
    private readonly subjects: SubjectsService,
  ) {}

  async tiersOf(
    subjectId: string,
    asOf?: string,
  ): Promise<{ subject: unknown; asOf: string | null; stored: boolean; tiers: TierView[] }> {
    const subject = await this.subjects.get(subjectId);
    if (asOf) {
      const live = await this.tiering.computeAsOf(subjectId, asOf);
      return { subject, asOf, stored: false, tiers: live.map(viewComputed) };
    }
    let rows = await this.store.current(subjectId);
    if (rows.length === 0) {
      await this.tiering.recompute([subjectId], { trigger: 'first-read' });
      rows = await this.store.current(subjectId);
    }
    return { subject, asOf: null, stored: true, tiers: rows.map((r) => viewStored(r, this.labelOf(r.packId, r.tier))) };
  }

  /**
   * Subject search with the stored-tier filters: the ids holding the tier come from this module's store, the
   * rest of the search (filters, order, keyset pages) stays with the subjects module.
   */
  async searchSubjects(q: SubjectSearchQuery & TierFilter): Promise<SubjectPage> {
    const { industry, tier, ...rest } = q;
    if (industry === undefined) {
      if (tier !== undefined)
        throw new ValidationFailed([{ field: 'tier', reason: 'requires industry (a tier is defined per industry)' }]);
      return this.subjects.search(rest);
    }
    const known = TIER_VALUES[industry as Industry] as readonly string[] | undefined;
    if (!known)
      throw new ValidationFailed([{ field: 'industry', reason: `is not an industry (行业) of this service` }]);
    if (tier !== undefined && !known.includes(tier)) {
      throw new ValidationFailed([
        { field: 'tier', reason: `is not a tier of ${industry} (its tiers: ${known.join(', ')})` },
      ]);
    }
    return this.subjects.search({ ...rest, ids: await this.store.subjectIdsWith(industry, tier) });
  }

  async history(subjectId: string, industry: string | undefined, limit: number) {
    await this.subjects.get(subjectId);
    return { items: await this.store.history(subjectId, industry, limit) };
  }

  private labelOf(packId: string, tier: string): { label: string; labelZh: string } | undefined {
    const pack = this.packs.active().find((p) => p.pack.id === packId)?.pack;
    const t = pack?.tiers.find((x) => x.tier === tier);
    return t ? { label: t.label, labelZh: t.labelZh } : undefined;
  }
}
