import { Injectable } from '@nestjs/common';
import { PacksService } from '../packs/packs.service';
import { SubjectsService } from '../subjects/subjects.service';
import { TieringService } from './tiering.service';
import { TierStore } from './tier.store';
import { TierView, viewComputed, viewStored } from './tier.view';

/** Read side of tiering: a subject's tiers now, as of a date, and their history. */
@Injectable()
export class TieringQueries {
  constructor(
    private readonly tiering: TieringService,
    private readonly store: TierStore,
    private readonly packs: PacksService,
    private readonly subjects: SubjectsService,
  ) {}

  async tiersOf(subjectId: string, asOf?: string): Promise<{ subject: unknown; asOf: string | null; stored: boolean; tiers: TierView[] }> {
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
