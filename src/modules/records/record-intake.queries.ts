import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../common/queryable';
import { ADMIN_INFO_TYPES } from '../../rules/facts';

/**
 * The record types counted by the statistics: "双公示" (licences, penalties) and the other administrative information
 * reported to the national platform (行政强制、行政奖励、行政确认、行政裁决、行政监督检查, whose 合规率 the district plan
 * task 3 asks to reach 100 %).
 */
export const SHUANG_GONGSHI_TYPES: readonly string[] = ['licence', 'penalty', ...ADMIN_INFO_TYPES];
/** The groups the statistics may be narrowed to (?recordGroup=). */
export const RECORD_GROUPS = ['shuang_gongshi', 'admin_info'] as const;
export type RecordGroup = (typeof RECORD_GROUPS)[number];
export const typesOfGroup = (g: RecordGroup | undefined): readonly string[] =>
  g === 'shuang_gongshi' ? ['licence', 'penalty'] : g === 'admin_info' ? ADMIN_INFO_TYPES : SHUANG_GONGSHI_TYPES;
/** The department of a refused row that named none. */
export const NO_SOURCE = '(未填写数据来源单位 / no source)';

/** A timestamptz as the China Standard Time calendar date (independent of the session's time zone). */
const chinaDate = (col: string) => `((${col} AT TIME ZONE 'UTC') + interval '8 hours')::date`;
/** The date a refused row counts on: its decision date when readable, else the day it was refused. */
const REFUSED_ON = `COALESCE(j.decision_date, ${chinaDate('j.rejected_at')})`;
/** A refused row still outstanding: not accepted since under the same department and decision number. */
const OUTSTANDING = `(j.record_type IS NULL OR j.record_type = ANY($TYPES::text[]))
  AND NOT EXISTS (SELECT 1 FROM credit_records c WHERE c.source = j.source AND c.decision_number = j.decision_number)`;
/**
 * The outstanding refusals, one per department and decision number (the latest; a row without a decision
 * number is its own), with the day each counts on. `dept` and `none` name the department filter and the
 * NO_SOURCE parameters.
 */
const LATEST = (dept: string, none: string) => `
  SELECT DISTINCT ON (COALESCE(j.source, ${none}), COALESCE(j.decision_number, j.id::text))
    j.id, COALESCE(j.source, ${none}) AS department, j.decision_number AS "decisionNumber", j.record_type AS "recordType",
    to_char(j.decision_date, 'YYYY-MM-DD') AS "decisionDate", j.subject_code AS "subjectCode", j.subject_masked AS "subjectMasked",
    j.code_check_failed AS "codeCheckFailed", j.row_number AS row, j.line, j.errors, j.rejected_at AS "rejectedAt", ${REFUSED_ON} AS on_day
  FROM record_rejections j
  WHERE ${OUTSTANDING} AND (${dept}::text IS NULL OR COALESCE(j.source, ${none}) = ${dept})
  ORDER BY COALESCE(j.source, ${none}), COALESCE(j.decision_number, j.id::text), j.rejected_at DESC, j.id`;
const RECEIVED_ON = chinaDate('COALESCE(r.received_at, c.created_at)');

export interface PeriodCount {
  readonly department: string;
  readonly period: string;
  readonly inRange: boolean;
  readonly n: number;
}
export interface LateCandidate {
  readonly recordId: string;
  readonly department: string;
  readonly decisionNumber: string;
  readonly recordType: string;
  readonly decisionDate: string;
  readonly receivedOn: string;
}
export interface RefusedRow {
  readonly id: string;
  readonly department: string;
  readonly decisionNumber: string | null;
  readonly recordType: string | null;
  readonly decisionDate: string | null;
  readonly subjectCode: string | null;
  readonly subjectMasked: string | null;
  readonly codeCheckFailed: boolean;
  readonly row: number;
  readonly line: number | null;
  readonly errors: { field: string; reason: string }[];
  readonly rejectedAt: Date;
}

/**
 * Reads of what imports leave (credit_records, record_receipts, record_rejections) for the data-quality
 * statistics of "双公示" (src/modules/quality). Each read runs on `db`: the pool by default, or the
 * snapshot the statistics hold (QualityStore.snapshot), so that every figure comes from one snapshot.
 */
@Injectable()
export class RecordIntakeQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private q<T>(db: Queryable, sql: string, params: unknown[], types: readonly string[]): Promise<T[]> {
    const n = `$${params.length + 1}`;
    return db.query(
      sql.replace(/\$TYPES/g, () => n),
      [...params, types],
    );
  }

  /** Accepted records per department and month of decision, between monthFrom and monthTo; inRange: within [from, to]. */
  accepted(
    monthFrom: string,
    monthTo: string,
    from: string,
    to: string,
    department: string | null,
    db: Queryable = this.ds,
    types: readonly string[] = SHUANG_GONGSHI_TYPES,
  ): Promise<PeriodCount[]> {
    return this.q(
      db,
      `SELECT c.source AS department, to_char(c.decision_date, 'YYYY-MM') AS period, (c.decision_date BETWEEN $3::date AND $4::date) AS "inRange", count(*)::int AS n
       FROM credit_records c
       WHERE c.type = ANY($TYPES::text[]) AND c.decision_date BETWEEN $1::date AND $2::date AND ($5::text IS NULL OR c.source = $5)
       GROUP BY 1, 2, 3`,
      [monthFrom, monthTo, from, to, department],
      types,
    );
  }

  /** Outstanding refused rows (the latest refusal of each department and decision number), per month of the day it counts on. */
  refused(
    monthFrom: string,
    monthTo: string,
    from: string,
    to: string,
    department: string | null,
    db: Queryable = this.ds,
    types: readonly string[] = SHUANG_GONGSHI_TYPES,
  ): Promise<PeriodCount[]> {
    return this.q(
      db,
      `WITH latest AS (${LATEST('$5', '$6')})
       SELECT department, to_char(on_day, 'YYYY-MM') AS period, (on_day BETWEEN $3::date AND $4::date) AS "inRange", count(*)::int AS n
       FROM latest WHERE on_day BETWEEN $1::date AND $2::date GROUP BY 1, 2, 3`,
      [monthFrom, monthTo, from, to, department, NO_SOURCE],
      types,
    );
  }

  /** Accepted records received more than `days` calendar days after the decision: the only ones that can be late. */
  lateCandidates(
    from: string,
    to: string,
    department: string | null,
    days: number,
    db: Queryable = this.ds,
    types: readonly string[] = SHUANG_GONGSHI_TYPES,
  ): Promise<LateCandidate[]> {
    return this.q(
      db,
      `SELECT c.id AS "recordId", c.source AS department, c.decision_number AS "decisionNumber", c.type AS "recordType",
         to_char(c.decision_date, 'YYYY-MM-DD') AS "decisionDate", to_char(${RECEIVED_ON}, 'YYYY-MM-DD') AS "receivedOn"
       FROM credit_records c LEFT JOIN record_receipts r ON r.record_id = c.id
       WHERE c.type = ANY($TYPES::text[]) AND c.decision_date BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR c.source = $3)
         AND ${RECEIVED_ON} > c.decision_date + $4::int
       ORDER BY c.decision_date, c.source, c.decision_number`,
      [from, to, department, days],
      types,
    );
  }

  /** Outstanding refused rows themselves: the latest refusal of each department and decision number. */
  refusedRows(
    from: string,
    to: string,
    department: string | null,
    db: Queryable = this.ds,
    types: readonly string[] = SHUANG_GONGSHI_TYPES,
  ): Promise<RefusedRow[]> {
    return this.q(
      db,
      `WITH latest AS (${LATEST('$3', '$4')})
       SELECT id, department, "decisionNumber", "recordType", "decisionDate", "subjectCode", "subjectMasked", "codeCheckFailed", row, line, errors, "rejectedAt"
       FROM latest WHERE on_day BETWEEN $1::date AND $2::date ORDER BY "rejectedAt", department, "decisionNumber", id`,
      [from, to, department, NO_SOURCE],
      types,
    );
  }

  /** The (code, name) pairs organisations were reported with on accepted records (of the department's records, when given). */
  reportedNames(department: string | null, db: Queryable = this.ds): Promise<Array<{ code: string; name: string }>> {
    return db.query(
      `SELECT DISTINCT r.subject_code AS code, r.reported_name AS name FROM record_receipts r JOIN credit_records c ON c.id = r.record_id
       WHERE r.subject_code IS NOT NULL AND r.reported_name IS NOT NULL AND ($1::text IS NULL OR c.source = $1)`,
      [department],
    );
  }

  /** Codes refused for a wrong check character (of the rows the department had refused, when given), in order. */
  async wrongCodes(department: string | null, db: Queryable = this.ds): Promise<string[]> {
    const rows: { code: string }[] = await db.query(
      `SELECT DISTINCT j.subject_code AS code FROM record_rejections j WHERE j.code_check_failed AND ($1::text IS NULL OR j.source = $1) ORDER BY 1`,
      [department],
    );
    return rows.map((r) => r.code);
  }

  /** The subjects the department's records are about. */
  async subjectIdsOf(department: string, db: Queryable = this.ds): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `SELECT DISTINCT subject_id AS id FROM credit_records WHERE source = $1`,
      [department],
    );
    return rows.map((r) => r.id);
  }
}
