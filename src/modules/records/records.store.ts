import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Queryable } from '../../common/queryable';
import type { RecordColumns } from './record-normalise';
import type { FactRow, RecordRow } from './record.view';

const d = (c: string) => `to_char(${c}, 'YYYY-MM-DD') AS ${c}`;
/** Dates as text (never through a JS Date and a time zone); the fine as exact text. */
const COLUMNS = [
  'id',
  'subject_id',
  'type',
  'source',
  'decision_number',
  'industry',
  'sector',
  'severity',
  'list_type',
  'list_ground',
  'tax_level',
  'tax_year',
  'public_credit_grade',
  d('decision_date'),
  d('publicity_min_end'),
  d('publicity_end'),
  d('valid_until'),
  'rule_version',
  'penalty_types',
  'fine_amount::text AS fine_amount',
  'commitment_status',
  d('commitment_status_date'),
  'commitment_type',
  'inspection_result',
  'status',
  d('revoked_at'),
  'revocation_reason',
  d('repaired_at'),
  d('ended_at'),
  'details',
  'content_hash',
  'created_at',
  'updated_at',
].join(', ');

/** The columns toFactRecord reads (a batch reads no more). */
const FACT_COLUMNS = [
  'id',
  'subject_id',
  'type',
  'industry',
  'severity',
  'list_type',
  'list_ground',
  'tax_level',
  'tax_year',
  'public_credit_grade',
  d('decision_date'),
  d('publicity_end'),
  d('valid_until'),
  'penalty_types',
  'fine_amount::text AS fine_amount',
  'commitment_status',
  d('commitment_status_date'),
  'commitment_type',
  'inspection_result',
  'status',
  d('revoked_at'),
  d('repaired_at'),
  d('ended_at'),
].join(', ');

/** The date a record stops counting by itself: a licence's validity end, otherwise its publicity / list end. */
const END = `(CASE WHEN type = 'licence' THEN valid_until ELSE publicity_end END)`;
/** In force at $asOf: the SQL twin of inForceAt() in src/rules/facts/derive-facts.ts. */
const inForce = (asOf: string) => `decision_date <= ${asOf} AND (${END} IS NULL OR ${END} > ${asOf})
  AND (revoked_at IS NULL OR revoked_at > ${asOf}) AND (repaired_at IS NULL OR repaired_at > ${asOf})
  AND (ended_at IS NULL OR ended_at > ${asOf})`;

const RECORDSET = `subject_id uuid, type text, source text, decision_number text, industry text, sector text, severity text,
  list_type text, list_ground smallint, tax_level text, tax_year int, public_credit_grade text, decision_date date, publicity_min_end date, publicity_end date, valid_until date,
  rule_version text, penalty_types text[], fine_amount numeric, commitment_status text, commitment_status_date date, commitment_type text,
  inspection_result text, status text, revoked_at date, revocation_reason text, repaired_at date, ended_at date, details jsonb,
  content_hash text`;
const WRITTEN = RECORDSET.split(',').map((c) => c.trim().split(/\s+/)[0]);
/**
 * What the service decided survives an import that does not carry it: a revocation (撤销), an approved
 * credit repair (信用修复: repaired_at) and a commitment's outcome (fulfilled / breached, with the finding
 * kept in details). A corrected re-import of the source row must not undo them.
 */
const SPECIAL = new Set([
  'revoked_at',
  'revocation_reason',
  'status',
  'source',
  'decision_number',
  'repaired_at',
  'commitment_status',
  'commitment_status_date',
  'details',
]);
const KEEP_OUTCOME = `c.commitment_status IN ('fulfilled', 'breached') AND COALESCE(EXCLUDED.commitment_status, 'pending') = 'pending'`;
const OUTCOME_KEYS = [
  'commitmentKind',
  'outcomeDepartment',
  'outcomeReason',
  'outcomeLegalBasis',
  'outcomeCommitmentType',
  'revokedApprovalRecordId',
  'voidedRepairRecordId',
  'rejectedRepairApplicationId',
];
const SET = [
  ...WRITTEN.filter((c) => !SPECIAL.has(c)).map((c) => `${c} = EXCLUDED.${c}`),
  'revoked_at = COALESCE(EXCLUDED.revoked_at, c.revoked_at)',
  'revocation_reason = CASE WHEN EXCLUDED.revoked_at IS NULL THEN c.revocation_reason ELSE EXCLUDED.revocation_reason END',
  'repaired_at = COALESCE(EXCLUDED.repaired_at, c.repaired_at)',
  `status = CASE WHEN EXCLUDED.revoked_at IS NULL AND c.revoked_at IS NOT NULL THEN 'revoked'
    WHEN EXCLUDED.status = 'active' AND c.repaired_at IS NOT NULL THEN 'repaired' ELSE EXCLUDED.status END`,
  `commitment_status = CASE WHEN ${KEEP_OUTCOME} THEN c.commitment_status ELSE EXCLUDED.commitment_status END`,
  `commitment_status_date = CASE WHEN ${KEEP_OUTCOME} THEN c.commitment_status_date ELSE EXCLUDED.commitment_status_date END`,
  `details = CASE WHEN ${KEEP_OUTCOME} THEN EXCLUDED.details || jsonb_strip_nulls(jsonb_build_object(${OUTCOME_KEYS.map((k) => `'${k}', c.details->'${k}'`).join(', ')})) ELSE EXCLUDED.details END`,
  'updated_at = now()',
].join(',\n  ');

export interface WrittenRow {
  readonly id: string;
  readonly source: string;
  readonly decision_number: string;
  readonly inserted: boolean;
}
export interface StoredKey {
  readonly id: string;
  readonly source: string;
  readonly decision_number: string;
  readonly subject_id: string;
  readonly content_hash: string;
}

/** SQL of `credit_records`; used by the records module only (other modules go through RecordsService). */
/** A commitment's outcome as its record keeps it (commitment_status, its date, and what goes into details). */
export interface CommitmentSettlement {
  readonly recordId: string;
  readonly outcome: string;
  readonly date: string;
  readonly details: Record<string, unknown>;
}

@Injectable()
export class RecordsStore {
  constructor(@InjectDataSource() readonly ds: DataSource) {}

  /**
   * INSERT … ON CONFLICT (source, decision_number) DO UPDATE … WHERE the content hash differs: rows
   * returned were inserted or updated; a row not returned was already stored with the same content.
   * No two rows may share a key (one statement cannot touch a row twice).
   */
  async upsert(m: EntityManager, rows: readonly RecordColumns[]): Promise<WrittenRow[]> {
    if (!rows.length) return [];
    return m.query(
      `INSERT INTO credit_records AS c (${WRITTEN.join(', ')})
       SELECT ${WRITTEN.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${RECORDSET})
       ON CONFLICT (source, decision_number) DO UPDATE SET
         ${SET}
       WHERE c.content_hash IS DISTINCT FROM EXCLUDED.content_hash
       RETURNING id, source, decision_number, (xmax = 0) AS inserted`,
      [JSON.stringify(rows)],
    );
  }

  /** The records already stored under these keys (id and current subject). */
  async byKeys(m: EntityManager, keys: readonly { source: string; decision_number: string }[]): Promise<StoredKey[]> {
    if (!keys.length) return [];
    return m.query(
      `SELECT c.id, c.source, c.decision_number, c.subject_id, c.content_hash
       FROM unnest($1::text[], $2::text[]) AS k(source, decision_number)
       JOIN credit_records c ON c.source = k.source AND c.decision_number = k.decision_number`,
      [keys.map((k) => k.source), keys.map((k) => k.decision_number)],
    );
  }

  async findById(id: string): Promise<RecordRow | null> {
    const rows: RecordRow[] = await this.ds.query(`SELECT ${COLUMNS} FROM credit_records WHERE id = $1::uuid`, [id]);
    return rows[0] ?? null;
  }

  /** Records of many subjects in force at a date, in one query. */
  /**
   * The records in force at $asOf of the subjects whose id is in (afterId, lastId] (a batch's keyset page: an index
   * range, not a list of ids), with only the columns the facts read, ordered as inForceFor.
   */
  async factRowsInRange(afterId: string | null, lastId: string, asOf: string): Promise<FactRow[]> {
    return this.ds.query(
      `SELECT ${FACT_COLUMNS} FROM credit_records
       WHERE ($1::uuid IS NULL OR subject_id > $1::uuid) AND subject_id <= $2::uuid AND ${inForce('$3::date')}
       ORDER BY subject_id, decision_date, id`,
      [afterId, lastId, asOf],
    );
  }

  async inForceFor(subjectIds: readonly string[], asOf: string): Promise<RecordRow[]> {
    if (!subjectIds.length) return [];
    return this.ds.query(
      `SELECT ${COLUMNS} FROM credit_records WHERE subject_id = ANY($1::uuid[]) AND ${inForce('$2::date')}
       ORDER BY subject_id, decision_date, id`,
      [subjectIds, asOf],
    );
  }

  /**
   * Penalties that may be major violation records for the procurement look-back (政府采购法 Art. 22(1)(5)),
   * whatever their publicity end: decided in the 36 months up to `asOf`, not revoked or repaired by then,
   * ordering suspension, revoking a licence or fining 200万元 or more. procurementMajorViolations (src/rules)
   * applies the exact rule.
   */
  async procurementLookBackFor(subjectIds: readonly string[], asOf: string): Promise<RecordRow[]> {
    if (!subjectIds.length) return [];
    return this.ds.query(
      `SELECT ${COLUMNS} FROM credit_records WHERE subject_id = ANY($1::uuid[]) AND type = 'penalty'
         AND decision_date <= $2::date AND decision_date > ($2::date - interval '37 months')
         AND (revoked_at IS NULL OR revoked_at > $2::date) AND (repaired_at IS NULL OR repaired_at > $2::date)
         AND (penalty_types && ARRAY['suspension', 'licence_revocation']::text[] OR fine_amount >= 200)
       ORDER BY subject_id, decision_date, id`,
      [subjectIds, asOf],
    );
  }

  /** One subject's records: in force at `asOf`, or (includeEnded) every record decided by then. */
  async forSubject(subjectId: string, asOf: string | null, includeEnded: boolean): Promise<RecordRow[]> {
    const params: unknown[] = [subjectId];
    let where = 'subject_id = $1::uuid';
    if (asOf !== null) {
      params.push(asOf);
      where += includeEnded ? ' AND decision_date <= $2::date' : ` AND ${inForce('$2::date')}`;
    }
    return this.ds.query(
      `SELECT ${COLUMNS} FROM credit_records WHERE ${where} ORDER BY decision_date DESC, id`,
      params,
    );
  }

  /** Conditional update: null when the record does not exist or was already revoked. */
  async revoke(
    id: string,
    revokedAt: string,
    reason: string,
    m: EntityManager = this.ds.manager,
  ): Promise<RecordRow | null> {
    const rows: [RecordRow[], number] = await m.query(
      `UPDATE credit_records SET status = 'revoked', revoked_at = $2::date, revocation_reason = $3, updated_at = now()
       WHERE id = $1::uuid AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [id, revokedAt, reason],
    );
    return rows[0]?.[0] ?? null;
  }

  /**
   * In the caller's transaction (credit repair, repair module): mark a record repaired (信用修复) from `on`,
   * only while it is active, not revoked, ended nor already repaired, before its publicity end and not
   * before its minimum publicity end (the conditions of repair-eligibility.ts, race-free). Returns its
   * subject, or null when it no longer qualifies.
   */
  async markRepaired(m: Queryable, recordId: string, on: string): Promise<{ subjectId: string } | null> {
    const rows: [{ subjectId: string }[], number] = await m.query(
      `UPDATE credit_records SET repaired_at = $2::date, status = 'repaired', updated_at = now()
       WHERE id = $1::uuid AND status = 'active' AND revoked_at IS NULL AND repaired_at IS NULL AND ended_at IS NULL AND decision_date <= $2::date
         AND (publicity_end IS NULL OR publicity_end > $2::date) AND (publicity_min_end IS NULL OR publicity_min_end <= $2::date)
       RETURNING subject_id AS "subjectId"`,
      [recordId, on],
    );
    return rows[0]?.[0] ?? null;
  }

  /**
   * In the caller's transaction (a breached credit-repair commitment, 信用修复型信用承诺, commitments module): the
   * repair of a record is void — repaired_at cleared, the record back to its status without the repair, `details`
   * merged (what was voided, when, why). Null when the record is not repaired. An as-of answer for a date between
   * the repair and the void counts the record again: the repair kept in details is the trace.
   */
  async voidRepair(
    m: Queryable,
    recordId: string,
    details: Record<string, unknown>,
  ): Promise<{ subjectId: string } | null> {
    const rows: [{ subjectId: string }[], number] = await m.query(
      `UPDATE credit_records SET repaired_at = NULL, details = details || $2::jsonb, updated_at = now(),
         status = CASE WHEN revoked_at IS NOT NULL THEN 'revoked' WHEN ended_at IS NOT NULL THEN 'ended' ELSE 'active' END
       WHERE id = $1::uuid AND repaired_at IS NOT NULL RETURNING subject_id AS "subjectId"`,
      [recordId, JSON.stringify(details)],
    );
    return rows[0]?.[0] ?? null;
  }

  /**
   * In the caller's transaction (commitment outcomes, repair module): the commitment record takes its
   * outcome (commitment_status and its date) and merges `details` into its own. Only from pending and in
   * force: false when it no longer qualifies.
   */
  async settleCommitment(m: Queryable, o: CommitmentSettlement): Promise<boolean> {
    const rows: [unknown[], number] = await m.query(
      `UPDATE credit_records SET commitment_status = $2, commitment_status_date = $3::date, details = details || $4::jsonb, updated_at = now()
       WHERE id = $1::uuid AND type = 'commitment' AND commitment_status = 'pending' AND status = 'active' AND decision_date <= $3::date
       RETURNING id`,
      [o.recordId, o.outcome, o.date, JSON.stringify(o.details)],
    );
    return (rows[0]?.length ?? 0) > 0;
  }
}
