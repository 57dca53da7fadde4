import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PendingAudit } from '../audit/audit-outbox';
import { stageAuditChange } from '../audit/audit.store';

/** "双公示": the record types counted by the statistics. */
export const SHUANG_GONGSHI_TYPES = ['licence', 'penalty'];
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
export interface LedgerRow {
  readonly department: string;
  readonly period: string;
  readonly declared: number;
  readonly note: string | null;
  readonly declaredBy: string | null;
  readonly updatedAt: Date;
}

/** Where a read runs: the pool (DataSource) or the transaction of a snapshot (its EntityManager). */
export type Queryable = Pick<EntityManager, 'query'>;

/**
 * SQL of the data-quality tables (migration 1764300001000) and the reads of credit_records and subjects it
 * needs. Each read runs on `db`: the pool by default, or the snapshot it is given (see `snapshot`).
 */
@Injectable()
export class QualityStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * `reads` in one read-only REPEATABLE READ transaction: every query sees the database as it was at the
   * first one, so an import committing meanwhile is in all the figures or in none (an accepted record is
   * never counted without its receipt or lateness). `reads` must run every query on the manager it is
   * given, never on the pool: the embedded database has one connection, held by this transaction.
   */
  snapshot<T>(reads: (db: Queryable) => Promise<T>): Promise<T> {
    return this.ds.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      return reads(m);
    });
  }

  private q<T>(db: Queryable, sql: string, params: unknown[]): Promise<T[]> {
    const n = `$${params.length + 1}`;
    return db.query(sql.replace(/\$TYPES/g, () => n), [...params, SHUANG_GONGSHI_TYPES]);
  }

  /** Accepted records per department and month of decision, between monthFrom and monthTo; inRange: within [from, to]. */
  accepted(monthFrom: string, monthTo: string, from: string, to: string, department: string | null, db: Queryable = this.ds): Promise<PeriodCount[]> {
    return this.q(
      db,
      `SELECT c.source AS department, to_char(c.decision_date, 'YYYY-MM') AS period, (c.decision_date BETWEEN $3::date AND $4::date) AS "inRange", count(*)::int AS n
       FROM credit_records c
       WHERE c.type = ANY($TYPES::text[]) AND c.decision_date BETWEEN $1::date AND $2::date AND ($5::text IS NULL OR c.source = $5)
       GROUP BY 1, 2, 3`,
      [monthFrom, monthTo, from, to, department],
    );
  }

  /** Outstanding refused rows (the latest refusal of each department and decision number), per month of the day it counts on. */
  refused(monthFrom: string, monthTo: string, from: string, to: string, department: string | null, db: Queryable = this.ds): Promise<PeriodCount[]> {
    return this.q(
      db,
      `WITH latest AS (${LATEST('$5', '$6')})
       SELECT department, to_char(on_day, 'YYYY-MM') AS period, (on_day BETWEEN $3::date AND $4::date) AS "inRange", count(*)::int AS n
       FROM latest WHERE on_day BETWEEN $1::date AND $2::date GROUP BY 1, 2, 3`,
      [monthFrom, monthTo, from, to, department, NO_SOURCE],
    );
  }

  /** Accepted records received more than `days` calendar days after the decision: the only ones that can be late. */
  lateCandidates(from: string, to: string, department: string | null, days: number, db: Queryable = this.ds): Promise<LateCandidate[]> {
    return this.q(
      db,
      `SELECT c.id AS "recordId", c.source AS department, c.decision_number AS "decisionNumber", c.type AS "recordType",
         to_char(c.decision_date, 'YYYY-MM-DD') AS "decisionDate", to_char(${RECEIVED_ON}, 'YYYY-MM-DD') AS "receivedOn"
       FROM credit_records c LEFT JOIN record_receipts r ON r.record_id = c.id
       WHERE c.type = ANY($TYPES::text[]) AND c.decision_date BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR c.source = $3)
         AND ${RECEIVED_ON} > c.decision_date + $4::int
       ORDER BY c.decision_date, c.source, c.decision_number`,
      [from, to, department, days],
    );
  }

  /** Outstanding refused rows themselves: the latest refusal of each department and decision number. */
  refusedRows(from: string, to: string, department: string | null, db: Queryable = this.ds): Promise<RefusedRow[]> {
    return this.q(
      db,
      `WITH latest AS (${LATEST('$3', '$4')})
       SELECT id, department, "decisionNumber", "recordType", "decisionDate", "subjectCode", "subjectMasked", "codeCheckFailed", row, line, errors, "rejectedAt"
       FROM latest WHERE on_day BETWEEN $1::date AND $2::date ORDER BY "rejectedAt", department, "decisionNumber", id`,
      [from, to, department, NO_SOURCE],
    );
  }

  /**
   * Codes for the 重错码 rate: the number of distinct codes seen (registered organisations, codes reported
   * with records, codes refused), and the candidate (code, name) pairs — codes under more than one name as
   * written, names (NFKC, no spaces) under more than one code; the exact test is codeQuality().
   * With a department: the codes of its records and of the rows it had refused.
   */
  async codes(department: string | null, db: Queryable = this.ds): Promise<{ population: number; pairs: { code: string; name: string }[]; wrong: string[] }> {
    const scope = `($1::text IS NULL OR EXISTS (SELECT 1 FROM credit_records c WHERE c.subject_id = s.id AND c.source = $1))`;
    const pairs = `
      SELECT s.code, s.name FROM subjects s WHERE s.code IS NOT NULL AND ${scope}
      UNION
      SELECT r.subject_code, r.reported_name FROM record_receipts r JOIN credit_records c ON c.id = r.record_id
      WHERE r.subject_code IS NOT NULL AND r.reported_name IS NOT NULL AND ($1::text IS NULL OR c.source = $1)`;
    const wrong = `SELECT DISTINCT j.subject_code AS code FROM record_rejections j WHERE j.code_check_failed AND ($1::text IS NULL OR j.source = $1)`;
    const [{ population }] = await db.query(
      `SELECT count(*)::int AS population FROM (SELECT code FROM (${pairs}) p UNION SELECT code FROM (${wrong}) w) x`, [department],
    );
    const candidates: { code: string; name: string }[] = await db.query(
      `WITH p AS (${pairs}), k AS (SELECT code, name, regexp_replace(normalize(name, NFKC), '\\s', '', 'g') AS key FROM p)
       SELECT code, name FROM k WHERE code IN (SELECT code FROM k GROUP BY code HAVING count(DISTINCT name) > 1)
         OR key IN (SELECT key FROM k GROUP BY key HAVING count(DISTINCT code) > 1)
       ORDER BY code, name`,
      [department],
    );
    const wrongCodes: { code: string }[] = await db.query(`${wrong} ORDER BY 1`, [department]);
    return { population, pairs: candidates, wrong: wrongCodes.map((w) => w.code) };
  }

  ledgers(periods: readonly string[], department: string | null, db: Queryable = this.ds): Promise<LedgerRow[]> {
    return db.query(
      `SELECT department, period, declared, note, declared_by AS "declaredBy", updated_at AS "updatedAt" FROM quality_ledgers
       WHERE period = ANY($1::text[]) AND ($2::text IS NULL OR department = $2) ORDER BY department, period`,
      [periods, department],
    );
  }

  async declare(department: string, period: string, declared: number, note: string | null, by: string | null, audit?: PendingAudit): Promise<LedgerRow> {
    return this.ds.transaction(async (m) => {
      const row = await this.upsertLedger(m, department, period, declared, note, by);
      if (audit) await stageAuditChange(m, audit, { subjectIds: [], change: { department, period, declared } });
      return row;
    });
  }

  private async upsertLedger(m: EntityManager, department: string, period: string, declared: number, note: string | null, by: string | null): Promise<LedgerRow> {
    const rows: LedgerRow[] = await m.query(
      `INSERT INTO quality_ledgers (department, period, declared, note, declared_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (department, period) DO UPDATE SET declared = EXCLUDED.declared, note = EXCLUDED.note, declared_by = EXCLUDED.declared_by, updated_at = now()
       RETURNING department, period, declared, note, declared_by AS "declaredBy", updated_at AS "updatedAt"`,
      [department, period, declared, note, by],
    );
    return rows[0];
  }
}
