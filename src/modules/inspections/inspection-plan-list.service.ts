import { Injectable } from '@nestjs/common';
import { PLAN_LIST_LIMIT_DEFAULT, type PlanListQuery, type PlanPageDto } from './dto/plan-list.dto';
import { InspectionsStore } from './inspections.store';

/** Past inspection plans (抽查计划列表), newest first, with keyset paging. */
@Injectable()
export class InspectionPlanListService {
  constructor(private readonly store: InspectionsStore) {}

  async list(q: PlanListQuery): Promise<PlanPageDto> {
    const limit = q.limit ?? PLAN_LIST_LIMIT_DEFAULT;
    const rows = await this.store.listPlans(q.industry ?? null, limit + 1, q.cursor ?? null);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        id: r.id,
        department: r.department,
        industry: r.industry,
        region: r.region,
        period: { from: r.periodFrom, to: r.periodTo },
        seed: r.seed,
        tiers: [...r.tiers],
        items: r.items,
        results: r.results,
        caller: r.caller,
        createdAt: new Date(r.createdAt).toISOString(),
      })),
      nextCursor: rows.length > limit ? page[page.length - 1].id : null,
    };
  }
}
