import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DrawInput, DrawPlan } from '../../rules/draw';
import type { Candidate } from './plan-inputs';
import { isUuid } from '../../common/uuid';
import { subjectBriefColumns, type SubjectBriefColumns } from '../subjects/subjects.store';

export interface PlanRow {
  id: string;
  department: string;
  industry: string;
  region: string | null;
  periodFrom: string;
  periodTo: string;
  seed: string;
  algorithm: string;
  inputsHash: string;
  inputs: DrawInput;
  inspectors: Array<{ id: string; name: string; department: string }>;
  tiers: DrawPlan['tiers'];
  packVersions: Record<string, string>;
  caller: string | null;
  createdAt: string;
}

export interface ItemRow {
  id: string;
  position: number;
  subjectId: string;
  tier: string;
  reason: string;
  inspectors: string[];
  onSite: boolean;
  keyItemsFull: boolean;
  result: 'passed' | 'failed' | null;
  resultDate: string | null;
  findings: string | null;
  recordId: string | null;
}

export interface PlanSummaryRow {
  id: string;
  department: string;
  industry: string;
  region: string | null;
  periodFrom: string;
  periodTo: string;
  seed: string;
  tiers: DrawPlan['tiers'];
  caller: string | null;
  createdAt: string;
  items: number;
  results: number;
}

export interface DueItemRow extends SubjectBriefColumns {
  itemId: string;
  planId: string;
  department: string;
  industry: string;
  periodFrom: string;
  periodTo: string;
  tier: string;
  reason: string;
  onSite: boolean;
  inspectors: Array<{ id: string; name: string | null }>;
  total: number;
  overdue: number;
}

export interface NewPlan {
  department: string;
  industry: string;
  region: string | null;
  period: { from: string; to: string };
  inputsHash: string;
  inputs: DrawInput;
  inspectors: Array<{ id: string; name: string; department: string }>;
  packVersions: Record<string, string>;
  caller: string | null;
}

const PLAN_COLUMNS = `id, department, industry, region, to_char(period_from, 'YYYY-MM-DD') AS "periodFrom", to_char(period_to, 'YYYY-MM-DD') AS "periodTo",
  seed, algorithm, inputs_hash AS "inputsHash", inputs, inspectors, tiers, pack_versions AS "packVersions", caller, created_at AS "createdAt"`;
const ITEM_COLUMNS = `id, position, subject_id AS "subjectId", tier, reason, inspectors, on_site AS "onSite", key_items_full AS "keyItemsFull",
  result, to_char(result_date, 'YYYY-MM-DD') AS "resultDate", findings, record_id AS "recordId"`;

/** SQL of the plan tables, and the read of the industry's current tiers a draw starts from. */
@Injectable()
export class InspectionsStore {
  constructor(private readonly ds: DataSource) {}

  /**
   * Current tiers of one industry (credit_tiers) for the subjects of a region, in id order. Inspections in
   * the 12 months up to `today` are those of this industry only (a fire inspection meets no food-safety
   * frequency): its inspection credit records not revoked, or the results recorded in its plans when more
   * (a result's record may not be filed yet). The tier's fact inspectionsLast12Months counts every industry.
   * `lastInspected`: the latest such inspection up to `today`, for frequencies below once a year.
   */
  candidates(industry: string, region: string | null, today: string): Promise<Candidate[]> {
    return this.ds.query(
      `SELECT t.subject_id::text AS id, s.code, t.tier, t.inspection_policy AS policy, t.pack_id AS "packId", t.pack_version AS "packVersion",
         t.pack_hash AS "packHash",
         GREATEST(COALESCE(c.n, 0), COALESCE(r.n, 0))::int AS inspections12,
         to_char(GREATEST(c.last, r.last), 'YYYY-MM-DD') AS "lastInspected", to_char(s.registered_on, 'YYYY-MM-DD') AS "registeredOn"
       FROM credit_tiers t JOIN subjects s ON s.id = t.subject_id
       LEFT JOIN (
         SELECT c.subject_id, count(*) FILTER (WHERE c.decision_date > $3::date - interval '12 months') AS n, max(c.decision_date) AS last
         FROM credit_records c
         WHERE c.type = 'inspection' AND c.industry = $1 AND c.status <> 'revoked' AND c.decision_date <= $3::date
         GROUP BY c.subject_id
       ) c ON c.subject_id = t.subject_id
       LEFT JOIN (
         SELECT i.subject_id, count(*) FILTER (WHERE i.result_date > $3::date - interval '12 months') AS n, max(i.result_date) AS last
         FROM inspection_plan_items i JOIN inspection_plans p ON p.id = i.plan_id
         WHERE p.industry = $1 AND i.result IS NOT NULL AND i.result_date <= $3::date
         GROUP BY i.subject_id
       ) r ON r.subject_id = t.subject_id
       WHERE t.industry = $1 AND ($2::text IS NULL OR s.region LIKE $2 || '%')
       ORDER BY t.subject_id`,
      [industry, region, today],
    );
  }

  /** Plan and items in one transaction; answers the plan id. */
  async insert(plan: NewPlan, drawn: DrawPlan): Promise<string> {
    return this.ds.transaction(async (m) => {
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO inspection_plans (department, industry, region, period_from, period_to, seed, algorithm, inputs_hash, inputs, inspectors, tiers, pack_versions, caller)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12::jsonb, $13) RETURNING id`,
        [
          plan.department,
          plan.industry,
          plan.region,
          plan.period.from,
          plan.period.to,
          drawn.seed,
          drawn.algorithm,
          plan.inputsHash,
          JSON.stringify(plan.inputs),
          JSON.stringify(plan.inspectors),
          JSON.stringify(drawn.tiers),
          JSON.stringify(plan.packVersions),
          plan.caller,
        ],
      );
      const items = drawn.items.map((i, position) => ({
        position,
        subject_id: i.subjectId,
        tier: i.tier,
        reason: i.reason,
        inspectors: i.inspectors,
        on_site: i.onSite,
        key_items_full: i.keyItemsFull,
      }));
      for (let at = 0; at < items.length; at += 5000) {
        await m.query(
          `INSERT INTO inspection_plan_items (plan_id, position, subject_id, tier, reason, inspectors, on_site, key_items_full)
           SELECT $1, x.position, x.subject_id, x.tier, x.reason, x.inspectors, x.on_site, x.key_items_full
           FROM jsonb_to_recordset($2::jsonb) AS x(position int, subject_id uuid, tier text, reason text, inspectors jsonb, on_site boolean, key_items_full boolean)`,
          [row.id, JSON.stringify(items.slice(at, at + 5000))],
        );
      }
      return row.id;
    });
  }

  async plan(id: string): Promise<PlanRow | null> {
    if (!isUuid(id)) return null;
    const rows: PlanRow[] = await this.ds.query(`SELECT ${PLAN_COLUMNS} FROM inspection_plans WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  items(planId: string): Promise<ItemRow[]> {
    return this.ds.query(`SELECT ${ITEM_COLUMNS} FROM inspection_plan_items WHERE plan_id = $1 ORDER BY position`, [
      planId,
    ]);
  }

  async item(planId: string, itemId: string): Promise<ItemRow | null> {
    if (!isUuid(itemId)) return null;
    const rows: ItemRow[] = await this.ds.query(
      `SELECT ${ITEM_COLUMNS} FROM inspection_plan_items WHERE plan_id = $1 AND id = $2`,
      [planId, itemId],
    );
    return rows[0] ?? null;
  }

  /** Claims the item for a result (once): false when it already had one. The record id follows (attachRecord). */
  async claimResult(itemId: string, r: { result: string; date: string; findings: string | null }): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `WITH u AS (UPDATE inspection_plan_items SET result = $2, result_date = $3, findings = $4, result_at = now()
         WHERE id = $1 AND result IS NULL RETURNING id) SELECT id FROM u`,
      [itemId, r.result, r.date, r.findings],
    );
    return rows.length > 0;
  }

  async attachRecord(itemId: string, recordId: string): Promise<void> {
    await this.ds.query(
      `WITH u AS (UPDATE inspection_plan_items SET record_id = $2 WHERE id = $1 RETURNING id) SELECT id FROM u`,
      [itemId, recordId],
    );
  }

  /** Undoes a claim whose credit record could not be filed. */
  async releaseResult(itemId: string): Promise<void> {
    await this.ds.query(
      `WITH u AS (UPDATE inspection_plan_items SET result = NULL, result_date = NULL, findings = NULL, result_at = NULL
         WHERE id = $1 AND record_id IS NULL RETURNING id) SELECT id FROM u`,
      [itemId],
    );
  }
  /**
   * Plans newest first (GET /api/v1/inspection-plans), optionally of one industry, after the plan `after`
   * (keyset on created_at, id), with their item and result counts. No migration: plans are few per
   * department; the (industry, created_at) index serves the filtered list.
   */
  async listPlans(industry: string | null, limit: number, after: string | null): Promise<PlanSummaryRow[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    if (industry !== null) where.push(`p.industry = ${p(industry)}`);
    if (after !== null)
      where.push(
        `(p.created_at, p.id) < (SELECT a.created_at, a.id FROM inspection_plans a WHERE a.id = ${p(after)}::uuid)`,
      );
    return this.ds.query(
      `SELECT p.id, p.department, p.industry, p.region, to_char(p.period_from, 'YYYY-MM-DD') AS "periodFrom", to_char(p.period_to, 'YYYY-MM-DD') AS "periodTo",
              p.seed, p.tiers, p.caller, p.created_at AS "createdAt",
              (SELECT count(*)::int FROM inspection_plan_items i WHERE i.plan_id = p.id) AS items,
              (SELECT count(*)::int FROM inspection_plan_items i WHERE i.plan_id = p.id AND i.result IS NOT NULL) AS results
         FROM inspection_plans p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY p.created_at DESC, p.id DESC LIMIT ${p(limit)}`,
      params,
    );
  }

  /**
   * Plan items with no result yet (待检查), the plan's period ending soonest first, with the subject (a
   * natural person masked) and the inspectors' names; `total` and `overdue` (period ended before `today`)
   * count every such item of the filter, not only the page.
   */
  dueItems(q: {
    industry: string | null;
    department: string | null;
    today: string;
    limit: number;
  }): Promise<DueItemRow[]> {
    return this.ds.query(
      `SELECT i.id AS "itemId", p.id AS "planId", p.department, p.industry,
              to_char(p.period_from, 'YYYY-MM-DD') AS "periodFrom", to_char(p.period_to, 'YYYY-MM-DD') AS "periodTo",
              i.subject_id AS "subjectId", ${subjectBriefColumns('s')}, i.tier, i.reason, i.on_site AS "onSite",
              COALESCE((SELECT jsonb_agg(jsonb_build_object('id', x.id, 'name',
                  (SELECT e->>'name' FROM jsonb_array_elements(p.inspectors) e WHERE e->>'id' = x.id LIMIT 1)) ORDER BY x.n)
                FROM jsonb_array_elements_text(i.inspectors) WITH ORDINALITY AS x(id, n)), '[]'::jsonb) AS inspectors,
              count(*) OVER ()::int AS total,
              count(*) FILTER (WHERE p.period_to < $3::date) OVER ()::int AS overdue
         FROM inspection_plan_items i JOIN inspection_plans p ON p.id = i.plan_id JOIN subjects s ON s.id = i.subject_id
        WHERE i.result IS NULL AND ($1::text IS NULL OR p.industry = $1) AND ($2::text IS NULL OR p.department = $2)
        ORDER BY p.period_to, p.created_at, i.position LIMIT $4`,
      [q.industry, q.department, q.today, q.limit],
    );
  }
}
