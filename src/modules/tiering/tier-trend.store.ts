import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { subjectBriefColumns, type SubjectBriefColumns } from '../subjects/subjects.store';

export interface TrendRow {
  /** First day of the period (day, ISO week from Monday, or month). */
  period: string;
  industry: string;
  tier: string;
  subjects: number;
}

export interface TierChangeRow extends SubjectBriefColumns {
  id: string;
  industry: string;
  previousTier: string | null;
  tier: string | null;
  score: number | null;
  trigger: string;
  asOf: string;
  computedAt: string;
}

/**
 * SQL of the supervisor's overview over tier history (credit_tier_history, owned by this module): tiers
 * held at the end of each period, and the latest changes with their subject.
 */
@Injectable()
export class TierTrendStore {
  constructor(private readonly ds: DataSource) {}

  /**
   * Subjects per industry and tier held at the end of each period (its `lastDay`): the latest history row per subject and industry dated (as_of) on or before
   * that day; a removal (tier NULL) counts nowhere.
   */
  trend(q: {
    periods: readonly { start: string; lastDay: string }[];
    industry: string | null;
    region: string | null;
  }): Promise<TrendRow[]> {
    const to = q.periods[q.periods.length - 1].lastDay;
    return this.ds.query(
      // Each history row holds from its as_of until the next row of its subject and industry (a later row of
      // the same day replaces it at once); a period counts the rows holding on its last day. One pass over
      // history (a window), then a range join with at most 400 periods: no per-period sort.
      `WITH periods AS (
         SELECT * FROM unnest($1::date[], $2::date[]) AS p(start, last_day)
       ), h AS (
         SELECT h.industry, h.tier, h.as_of AS valid_from,
                lead(h.as_of) OVER (PARTITION BY h.subject_id, h.industry ORDER BY h.as_of, h.id) AS valid_to
         FROM credit_tier_history h JOIN subjects s ON s.id = h.subject_id
         WHERE h.as_of <= $3::date AND ($4::text IS NULL OR h.industry = $4)
           AND ($5::text IS NULL OR s.region LIKE $5 || '%')
       )
       SELECT to_char(p.start, 'YYYY-MM-DD') AS period, h.industry, h.tier, count(*)::int AS subjects
       FROM periods p
       JOIN h ON h.valid_from <= p.last_day AND (h.valid_to IS NULL OR h.valid_to > p.last_day)
       WHERE h.tier IS NOT NULL
       GROUP BY p.start, h.industry, h.tier ORDER BY p.start, h.industry, h.tier`,
      [q.periods.map((p) => p.start), q.periods.map((p) => p.lastDay), to, q.industry, q.region],
    );
  }

  /**
   * The latest tier changes (history rows whose tier moved: a first tier, a new tier or a removal; not a
   * score or rule change within the same tier), newest first, with the subject (a natural person masked).
   */
  changes(q: { industry: string | null; region: string | null; limit: number }): Promise<TierChangeRow[]> {
    return this.ds.query(
      `SELECT h.id::text AS id, h.subject_id AS "subjectId", ${subjectBriefColumns('s')}, h.industry, h.previous_tier AS "previousTier",
              h.tier, h.score::float AS score, h.trigger, to_char(h.as_of, 'YYYY-MM-DD') AS "asOf", h.computed_at AS "computedAt"
       FROM credit_tier_history h JOIN subjects s ON s.id = h.subject_id
       WHERE h.tier IS DISTINCT FROM h.previous_tier
         AND ($1::text IS NULL OR h.industry = $1) AND ($2::text IS NULL OR s.region LIKE $2 || '%')
       ORDER BY h.id DESC LIMIT $3`,
      [q.industry, q.region, q.limit],
    );
  }
}
