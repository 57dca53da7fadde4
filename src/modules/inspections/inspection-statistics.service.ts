import { Injectable } from '@nestjs/common';
import { InspectionStatisticsQueries } from './inspection-statistics.queries';

/**
 * Statistics of graded inspection (分级分类抽查统计): the tier distribution, how much of each tier the plans
 * drew against the ratio the tier promises, and the subjects never inspected.
 */
@Injectable()
export class InspectionStatisticsService {
  constructor(private readonly queries: InspectionStatisticsQueries) {}

  async statistics(industry: string, region: string | null) {
    const tiers = await this.queries.tiers(industry, region);
    const never = await this.queries.neverInspected(industry, region);
    return {
      industry,
      region,
      tiers,
      neverInspected: { count: never[0]?.total ?? 0, sample: never.map((n) => n.id) },
    };
  }
}
