import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface TierStatistics {
  tier: string;
  subjects: number;
  /** The sampling ratio the tier's policy promises. */
  samplingRatio: number | null;
  /** Distinct subjects of the tier in any plan of the industry. */
  planned: number;
  plannedShare: number | null;
  inspected: number;
}

/**
 * SQL of the inspection statistics: the inspection tables (inspections.store.ts owns them) read with the
 * tiers, subjects and inspection records they are measured against (a report over four modules' tables).
 */
@Injectable()
export class InspectionStatisticsQueries {
  constructor(private readonly ds: DataSource) {}

  /** The industry's tiers (of the subjects whose region starts with `region`, when given) against its plans. */
  tiers(industry: string, region: string | null): Promise<TierStatistics[]> {
    return this.ds.query(
      `WITH base AS (
         SELECT t.subject_id, t.tier, (t.inspection_policy->>'samplingRatio')::float AS ratio
         FROM credit_tiers t JOIN subjects s ON s.id = t.subject_id
         WHERE t.industry = $1 AND ($2::text IS NULL OR s.region LIKE $2 || '%')
       ), planned AS (
         SELECT i.subject_id, bool_or(i.result IS NOT NULL) AS inspected
         FROM inspection_plan_items i JOIN inspection_plans p ON p.id = i.plan_id
         WHERE p.industry = $1 GROUP BY i.subject_id
       )
       SELECT b.tier, count(*)::int AS subjects, max(b.ratio) AS "samplingRatio", count(pl.subject_id)::int AS planned,
         round(count(pl.subject_id)::numeric / count(*), 4)::float AS "plannedShare", count(*) FILTER (WHERE pl.inspected)::int AS inspected
       FROM base b LEFT JOIN planned pl ON pl.subject_id = b.subject_id
       GROUP BY b.tier ORDER BY b.tier`,
      [industry, region],
    );
  }

  /** Up to 100 subjects of the industry never inspected (no result in a plan, no inspection record in 12 months), with the total. */
  neverInspected(industry: string, region: string | null): Promise<Array<{ id: string; total: number }>> {
    return this.ds.query(
      `SELECT t.subject_id::text AS id, count(*) OVER ()::int AS total
       FROM credit_tiers t JOIN subjects s ON s.id = t.subject_id
       WHERE t.industry = $1 AND ($2::text IS NULL OR s.region LIKE $2 || '%')
         AND NOT EXISTS (SELECT 1 FROM credit_records c
                         WHERE c.subject_id = t.subject_id AND c.type = 'inspection' AND c.industry = $1 AND c.status <> 'revoked'
                           AND c.decision_date > t.as_of - interval '12 months' AND c.decision_date <= t.as_of)
         AND NOT EXISTS (SELECT 1 FROM inspection_plan_items i JOIN inspection_plans p ON p.id = i.plan_id
                         WHERE p.industry = $1 AND i.subject_id = t.subject_id AND i.result IS NOT NULL)
       ORDER BY t.subject_id LIMIT 100`,
      [industry, region],
    );
  }
}
