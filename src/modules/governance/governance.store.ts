import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../common/queryable';
import { subjectBriefColumns, type SubjectBriefColumns } from '../subjects/subjects.store';
import type { EntryStatus, ExitStatus } from './governance.parameters';

export interface TriggeringRecord {
  id: string;
  decisionNumber: string;
  decisionDate: string;
  source: string;
}

export interface ProposalRow extends SubjectBriefColumns {
  violationType: string;
  penalties: number;
  department: string;
  lastDate: string;
  recordIds: string[];
  records: TriggeringRecord[];
}

export interface EntryRow extends SubjectBriefColumns {
  id: string;
  department: string;
  reason: string;
  source: 'manual' | 'rule';
  violationType: string | null;
  recordIds: string[];
  openedOn: string;
  openedBy: string | null;
  status: EntryStatus;
  exitDate: string | null;
  exitNote: string | null;
  exitDecidedBy: string | null;
  keyAttentionListed: boolean;
}

export interface NewEntry {
  subjectId: string;
  department: string;
  reason: string;
  source: 'manual' | 'rule';
  violationType: string | null;
  recordIds: string[];
  openedOn: string;
  openedBy: string | null;
}

export interface DepartmentCounts {
  department: string;
  entries: number;
  open: number;
  rectified: number;
  repaired: number;
  closedOther: number;
}

export interface KeyAttentionRow extends SubjectBriefColumns {
  listings: { id: string; source: string; decisionNumber: string; listedOn: string; listEnd: string | null }[];
  openEntryIds: string[];
}

export interface PublicBodyRow extends SubjectBriefColumns {
  listings: { id: string; source: string; decisionNumber: string; listedOn: string; rectified: boolean }[];
  rectified: boolean;
}

/** A record in force at $asOf (the SQL twin of the records module's inForce, on alias `r`). */
const inForce = (asOf: string) => `r.decision_date <= ${asOf}
  AND (r.publicity_end IS NULL OR r.publicity_end > ${asOf}) AND (r.revoked_at IS NULL OR r.revoked_at > ${asOf})
  AND (r.repaired_at IS NULL OR r.repaired_at > ${asOf}) AND (r.ended_at IS NULL OR r.ended_at > ${asOf})`;

const ENTRY_COLUMNS = `e.id, e.subject_id AS "subjectId", ${subjectBriefColumns('s')}, e.department, e.reason, e.source,
  e.violation_type AS "violationType", e.record_ids AS "recordIds", to_char(e.opened_on, 'YYYY-MM-DD') AS "openedOn",
  e.opened_by AS "openedBy", e.status, to_char(e.exit_date, 'YYYY-MM-DD') AS "exitDate", e.exit_note AS "exitNote",
  e.exit_decided_by AS "exitDecidedBy",
  EXISTS (SELECT 1 FROM credit_records r WHERE r.subject_id = e.subject_id AND r.type = 'list_entry'
    AND r.list_type = 'key_attention' AND ${inForce('$1::date')}) AS "keyAttentionListed"`;

/**
 * SQL of the governance ledger (专项治理台账: governance_entries, governance_declined_proposals); the
 * penalties and listings it reads are the records module's credit_records.
 */
@Injectable()
export class GovernanceStore {
  constructor(@InjectDataSource() readonly ds: DataSource) {}

  /**
   * Subjects penalised at least `minPenalties` times for the same violation type with decision dates in the
   * `windowMonths` months up to `asOf` (revoked penalties do not count), not already in the ledger for that
   * type (open, or closed on the same penalties) and not declined on the same penalties.
   */
  proposals(q: {
    asOf: string;
    minPenalties: number;
    windowMonths: number;
    subjectId?: string | null;
    violationType?: string | null;
  }): Promise<ProposalRow[]> {
    return this.ds.query(
      `WITH p AS (
         SELECT r.subject_id, btrim(r.details->>'violationType') AS vt, r.id, r.decision_date, r.source, r.decision_number
           FROM credit_records r
          WHERE r.type = 'penalty' AND length(btrim(COALESCE(r.details->>'violationType', ''))) > 0
            AND r.decision_date <= $1::date AND r.decision_date > ($1::date - make_interval(months => $3::int))::date
            AND (r.revoked_at IS NULL OR r.revoked_at > $1::date)
       ), g AS (
         SELECT subject_id, vt, count(*)::int AS n, array_agg(id ORDER BY decision_date, id) AS record_ids,
                jsonb_agg(jsonb_build_object('id', id, 'decisionNumber', decision_number,
                  'decisionDate', to_char(decision_date, 'YYYY-MM-DD'), 'source', source) ORDER BY decision_date, id) AS records,
                (array_agg(source ORDER BY decision_date DESC, id DESC))[1] AS department,
                to_char(max(decision_date), 'YYYY-MM-DD') AS last_date
           FROM p GROUP BY subject_id, vt HAVING count(*) >= $2::int
       )
       SELECT g.subject_id AS "subjectId", ${subjectBriefColumns('s')}, g.vt AS "violationType", g.n AS penalties,
              g.department, g.last_date AS "lastDate", g.record_ids AS "recordIds", g.records
         FROM g JOIN subjects s ON s.id = g.subject_id
        WHERE NOT EXISTS (SELECT 1 FROM governance_entries e WHERE e.subject_id = g.subject_id AND e.violation_type = g.vt
                            AND (e.status = 'open' OR e.record_ids @> g.record_ids))
          AND NOT EXISTS (SELECT 1 FROM governance_declined_proposals d WHERE d.subject_id = g.subject_id
                            AND d.violation_type = g.vt AND d.record_ids @> g.record_ids)
          AND ($4::uuid IS NULL OR g.subject_id = $4::uuid) AND ($5::text IS NULL OR g.vt = $5)
        ORDER BY g.n DESC, g.last_date DESC, g.subject_id, g.vt LIMIT 500`,
      [q.asOf, q.minPenalties, q.windowMonths, q.subjectId ?? null, q.violationType ?? null],
    );
  }

  async subjectExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(`SELECT 1 FROM subjects WHERE id = $1::uuid`, [id]);
    return rows.length > 0;
  }

  /** Null when the subject already has an open entry for this violation type. */
  async insert(m: Queryable, e: NewEntry): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO governance_entries (subject_id, department, reason, source, violation_type, record_ids, opened_on, opened_by)
       VALUES ($1::uuid, $2, $3, $4, $5, $6::uuid[], $7::date, $8)
       ON CONFLICT (subject_id, COALESCE(violation_type, '')) WHERE status = 'open' DO NOTHING RETURNING id`,
      [e.subjectId, e.department, e.reason, e.source, e.violationType, e.recordIds, e.openedOn, e.openedBy],
    );
    return rows[0]?.id ?? null;
  }

  async decline(
    m: Queryable,
    d: { subjectId: string; violationType: string; recordIds: string[]; reason: string; on: string; by: string | null },
  ): Promise<void> {
    await m.query(
      `INSERT INTO governance_declined_proposals (subject_id, violation_type, record_ids, reason, declined_on, declined_by)
       VALUES ($1::uuid, $2, $3::uuid[], $4, $5::date, $6)`,
      [d.subjectId, d.violationType, d.recordIds, d.reason, d.on, d.by],
    );
  }

  /** Sets the exit of an open entry; false when it is no longer open. */
  async exit(
    m: Queryable,
    id: string,
    x: { status: ExitStatus; date: string; note: string; by: string | null },
  ): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `UPDATE governance_entries SET status = $2, exit_date = $3::date, exit_note = $4, exit_decided_by = $5, updated_at = now()
        WHERE id = $1::uuid AND status = 'open' RETURNING id`,
      [id, x.status, x.date, x.note, x.by],
    );
    return rows.length > 0;
  }

  async get(id: string, today: string): Promise<EntryRow | null> {
    const rows: EntryRow[] = await this.ds.query(
      `SELECT ${ENTRY_COLUMNS} FROM governance_entries e JOIN subjects s ON s.id = e.subject_id WHERE e.id = $2::uuid`,
      [today, id],
    );
    return rows[0] ?? null;
  }

  list(q: { today: string; status: string | null; department: string | null; limit: number }): Promise<EntryRow[]> {
    return this.ds.query(
      `SELECT ${ENTRY_COLUMNS} FROM governance_entries e JOIN subjects s ON s.id = e.subject_id
        WHERE ($2::text IS NULL OR e.status = $2) AND ($3::text IS NULL OR e.department = $3)
        ORDER BY e.opened_on DESC, e.id DESC LIMIT $4`,
      [q.today, q.status, q.department, q.limit],
    );
  }

  /** Per department, the entries opened by `asOf` and how they stood on that day. */
  counts(asOf: string): Promise<DepartmentCounts[]> {
    return this.ds.query(
      `SELECT department, count(*)::int AS entries,
              count(*) FILTER (WHERE status = 'open' OR exit_date > $1::date)::int AS open,
              count(*) FILTER (WHERE status = 'rectified' AND exit_date <= $1::date)::int AS rectified,
              count(*) FILTER (WHERE status = 'repaired' AND exit_date <= $1::date)::int AS repaired,
              count(*) FILTER (WHERE status = 'closed_other' AND exit_date <= $1::date)::int AS "closedOther"
         FROM governance_entries WHERE opened_on <= $1::date GROUP BY department ORDER BY department`,
      [asOf],
    );
  }

  /** Public bodies (事业单位等, kind public_body) ever listed as 失信被执行人 by `asOf`, each listing rectified or not then. */
  publicBodyDefaulters(asOf: string): Promise<PublicBodyRow[]> {
    return this.ds.query(
      `SELECT s.id AS "subjectId", ${subjectBriefColumns('s')},
              jsonb_agg(jsonb_build_object('id', r.id, 'source', r.source, 'decisionNumber', r.decision_number,
                'listedOn', to_char(r.decision_date, 'YYYY-MM-DD'), 'rectified', NOT (${inForce('$1::date')}))
                ORDER BY r.decision_date, r.id) AS listings,
              bool_and(NOT (${inForce('$1::date')})) AS rectified
         FROM credit_records r JOIN subjects s ON s.id = r.subject_id
        WHERE s.kind = 'public_body' AND r.type = 'list_entry' AND r.list_type = 'court_defaulter'
          AND r.decision_date <= $1::date
        GROUP BY s.id ORDER BY s.name, s.id`,
      [asOf],
    );
  }

  /** Subjects on a key-attention list (重点关注名单, list_entry key_attention) in force on `asOf`, with their open ledger entries. */
  keyAttention(asOf: string): Promise<KeyAttentionRow[]> {
    return this.ds.query(
      `SELECT s.id AS "subjectId", ${subjectBriefColumns('s')},
              jsonb_agg(jsonb_build_object('id', r.id, 'source', r.source, 'decisionNumber', r.decision_number,
                'listedOn', to_char(r.decision_date, 'YYYY-MM-DD'), 'listEnd', to_char(r.publicity_end, 'YYYY-MM-DD'))
                ORDER BY r.decision_date, r.id) AS listings,
              COALESCE((SELECT array_agg(e.id ORDER BY e.opened_on, e.id) FROM governance_entries e
                         WHERE e.subject_id = s.id AND e.status = 'open'), '{}') AS "openEntryIds"
         FROM credit_records r JOIN subjects s ON s.id = r.subject_id
        WHERE r.type = 'list_entry' AND r.list_type = 'key_attention' AND ${inForce('$1::date')}
        GROUP BY s.id ORDER BY s.name, s.id LIMIT 1000`,
      [asOf],
    );
  }
}
