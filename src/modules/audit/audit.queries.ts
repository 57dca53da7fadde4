import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDIT_COLUMNS, AuditRow, viewOfRow } from './audit-entry';
import { AuditEntryNotFound } from './audit.exception';
import type { AuditEntryView } from './audit.types';

export interface AuditFilter {
  readonly subjectId?: string;
  readonly caller?: string;
  readonly scenario?: string;
  readonly kind?: string;
  /** created_at >= from (ISO 8601) */
  readonly from?: string;
  /** created_at < to (ISO 8601) */
  readonly to?: string;
}

export interface AuditPage {
  readonly items: AuditEntryView[];
  /** Pass as afterSeq for the next page; null on the last page. */
  readonly nextAfterSeq: number | null;
}

/** Feedback rates of one caller and scenario (checks/feedback.service.ts). */
export interface FeedbackRate {
  caller: string | null;
  scenario: string | null;
  checks: number;
  checksWithMeasures: number;
  checksWithFeedback: number;
  feedbackRate: number | null;
}

/** How often a measure was offered in one scenario, and what callers reported (checks/feedback.service.ts). */
export interface MeasureOfferCount {
  scenario: string;
  measure: string;
  /** Parties of checks answered with the measure. */
  offered: number;
  /** Of them, those whose latest report says applied / not applied. */
  applied: number;
  notApplied: number;
}

/** The latest report on one measure of one party of a check (checks module's check_feedback). */
export interface LatestFeedback {
  checkId: string;
  partyIndex: number;
  measure: string;
  applied: boolean;
}

const EXPORT_PAGE = 1000;

/** Read side of the audit trail: one entry, keyset pages by seq, and a streamed walk for export. */
@Injectable()
export class AuditQueries {
  constructor(private readonly ds: DataSource) {}

  async get(id: string): Promise<AuditEntryView> {
    const [row] = await this.ds.query<AuditRow[]>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE id = $1`, [id]);
    if (!row) throw new AuditEntryNotFound(id);
    return viewOfRow(row);
  }

  async findByIdempotencyKey(caller: string | null, key: string): Promise<AuditEntryView | null> {
    const [row] = await this.ds.query<AuditRow[]>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE coalesce(caller, '') = $1 AND idempotency_key = $2`,
      [caller ?? '', key],
    );
    return row ? viewOfRow(row) : null;
  }

  async list(filter: AuditFilter, afterSeq: number, limit: number): Promise<AuditPage> {
    const { where, params } = whereOf(filter, afterSeq);
    const rows = await this.ds.query<AuditRow[]>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE ${where} ORDER BY seq LIMIT $${params.length + 1}`,
      [...params, limit + 1],
    );
    const items = rows.slice(0, limit).map(viewOfRow);
    return { items, nextAfterSeq: rows.length > limit ? items[items.length - 1].seq : null };
  }

  /**
   * Feedback rates per caller and scenario (反馈率): checks answered with at least one measure, and how many
   * of them have feedback. Checks are counted from the trail, the one record of what was answered;
   * `feedbackCheckIds` holds the check id of every feedback row (the checks module's check_feedback).
   * `from` and `to` are days in China Standard Time (UTC+8), both included.
   */
  feedbackRates(
    from: string | undefined,
    to: string | undefined,
    feedbackCheckIds: readonly string[],
  ): Promise<FeedbackRate[]> {
    return this.ds.query(
      `WITH checks AS (
         SELECT id, caller, scenario, jsonb_path_exists(response, '$.parties[*].measures[0]') AS with_measures
         FROM audit_log WHERE kind = 'check'
           AND ($1::date IS NULL OR created_at >= ($1::date - interval '8 hours') AT TIME ZONE 'UTC')
           AND ($2::date IS NULL OR created_at < ($2::date + 1 - interval '8 hours') AT TIME ZONE 'UTC')
       )
       SELECT c.caller, c.scenario, count(*)::int AS checks, count(*) FILTER (WHERE c.with_measures)::int AS "checksWithMeasures",
         count(DISTINCT f.check_id)::int AS "checksWithFeedback",
         CASE WHEN count(*) FILTER (WHERE c.with_measures) = 0 THEN NULL
           ELSE round(count(DISTINCT f.check_id) FILTER (WHERE c.with_measures)::numeric / count(*) FILTER (WHERE c.with_measures), 4)::float END AS "feedbackRate"
       FROM checks c LEFT JOIN unnest($3::uuid[]) AS f(check_id) ON f.check_id = c.id
       GROUP BY c.caller, c.scenario ORDER BY c.caller, c.scenario`,
      [from ?? null, to ?? null, feedbackCheckIds],
    );
  }

  /**
   * Per scenario and measure (信易+ 反馈统计): parties of checks answered with the measure, and how many of them
   * the caller reported as applied or not (latest report). Only the given scenarios; `from` / `to` as feedbackRates.
   */
  measureOffers(
    from: string | undefined,
    to: string | undefined,
    scenarios: readonly string[],
    feedback: readonly LatestFeedback[],
  ): Promise<MeasureOfferCount[]> {
    return this.ds.query(
      `WITH offers AS (
         SELECT a.id, a.scenario, (p.ord - 1)::int AS party_index, m.value->>'code' AS measure
         FROM audit_log a
           CROSS JOIN LATERAL jsonb_array_elements(a.response->'parties') WITH ORDINALITY AS p(party, ord)
           CROSS JOIN LATERAL jsonb_array_elements(p.party->'measures') AS m(value)
         WHERE a.kind = 'check' AND a.scenario = ANY($3::text[])
           AND ($1::date IS NULL OR a.created_at >= ($1::date - interval '8 hours') AT TIME ZONE 'UTC')
           AND ($2::date IS NULL OR a.created_at < ($2::date + 1 - interval '8 hours') AT TIME ZONE 'UTC')
       )
       SELECT o.scenario, o.measure, count(*)::int AS offered,
         count(*) FILTER (WHERE f.applied)::int AS applied,
         count(*) FILTER (WHERE NOT f.applied)::int AS "notApplied"
       FROM offers o LEFT JOIN jsonb_to_recordset($4::jsonb) AS f("checkId" uuid, "partyIndex" int, measure text, applied boolean)
         ON f."checkId" = o.id AND f."partyIndex" = o.party_index AND f.measure = o.measure
       GROUP BY o.scenario, o.measure ORDER BY o.scenario, o.measure`,
      [from ?? null, to ?? null, scenarios, JSON.stringify(feedback)],
    );
  }

  /** Every matching entry in seq order, a page per query: no transaction is held between pages. */
  async *walk(filter: AuditFilter, afterSeq = 0): AsyncGenerator<AuditEntryView> {
    let after = afterSeq;
    for (;;) {
      const page = await this.list(filter, after, EXPORT_PAGE);
      yield* page.items;
      if (page.nextAfterSeq === null) return;
      after = page.nextAfterSeq;
    }
  }
}

function whereOf(f: AuditFilter, afterSeq: number): { where: string; params: unknown[] } {
  const params: unknown[] = [afterSeq];
  const conditions = ['seq > $1'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (f.subjectId) add((p) => `subject_ids @> ARRAY[${p}::uuid]`, f.subjectId);
  if (f.caller) add((p) => `caller = ${p}`, f.caller);
  if (f.scenario) add((p) => `scenario = ${p}`, f.scenario);
  if (f.kind) add((p) => `kind = ${p}`, f.kind);
  if (f.from) add((p) => `created_at >= ${p}::timestamptz`, inChinaTime(f.from));
  if (f.to) add((p) => `created_at < ${p}::timestamptz`, inChinaTime(f.to));
  return { where: conditions.join(' AND '), params };
}

/**
 * An instant as an officer writes it: a date is midnight in China Standard Time, a date-time without an
 * offset is China Standard Time too (UTC+8, no daylight saving); one with Z or an offset is as written.
 * The database session's own time zone never decides it.
 */
export function inChinaTime(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return `${iso}T00:00:00+08:00`;
  return /T/.test(iso) && !/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(iso) ? `${iso}+08:00` : iso;
}
