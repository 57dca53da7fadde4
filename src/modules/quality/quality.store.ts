import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Queryable } from '../../common/queryable';
import type { PendingAudit } from '../audit/audit-outbox';
import { stageAuditChange } from '../audit/audit.store';

export interface LedgerRow {
  readonly department: string;
  readonly period: string;
  readonly declared: number;
  readonly note: string | null;
  readonly declaredBy: string | null;
  readonly updatedAt: Date;
}

/**
 * SQL of quality_ledgers (migration 1764300001000), the snapshot the statistics are read in, and the
 * name-conflict test of the 重错码 rate. What imports leave (credit_records, record_receipts,
 * record_rejections) is read through the records module's RecordIntakeQueries, organisations' names
 * through SubjectsService, each on the snapshot's manager.
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

  /**
   * Of the (code, name) pairs given, those of a code under more than one name as written, or of a name
   * (NFKC, no spaces) under more than one code, in order; the exact test is codeQuality(). Reads no table.
   */
  nameCandidates(
    pairs: ReadonlyArray<{ code: string; name: string }>,
    db: Queryable = this.ds,
  ): Promise<Array<{ code: string; name: string }>> {
    return db.query(
      `WITH p AS (SELECT DISTINCT code, name FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text)),
         k AS (SELECT code, name, regexp_replace(normalize(name, NFKC), '\\s', '', 'g') AS key FROM p)
       SELECT code, name FROM k WHERE code IN (SELECT code FROM k GROUP BY code HAVING count(DISTINCT name) > 1)
         OR key IN (SELECT key FROM k GROUP BY key HAVING count(DISTINCT code) > 1)
       ORDER BY code, name`,
      [JSON.stringify(pairs)],
    );
  }

  ledgers(periods: readonly string[], department: string | null, db: Queryable = this.ds): Promise<LedgerRow[]> {
    return db.query(
      `SELECT department, period, declared, note, declared_by AS "declaredBy", updated_at AS "updatedAt" FROM quality_ledgers
       WHERE period = ANY($1::text[]) AND ($2::text IS NULL OR department = $2) ORDER BY department, period`,
      [periods, department],
    );
  }

  async declare(
    department: string,
    period: string,
    declared: number,
    note: string | null,
    by: string | null,
    audit?: PendingAudit,
  ): Promise<LedgerRow> {
    return this.ds.transaction(async (m) => {
      const row = await this.upsertLedger(m, department, period, declared, note, by);
      if (audit) await stageAuditChange(m, audit, { subjectIds: [], change: { department, period, declared } });
      return row;
    });
  }

  private async upsertLedger(
    m: EntityManager,
    department: string,
    period: string,
    declared: number,
    note: string | null,
    by: string | null,
  ): Promise<LedgerRow> {
    const rows: LedgerRow[] = await m.query(
      `INSERT INTO quality_ledgers (department, period, declared, note, declared_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (department, period) DO UPDATE SET declared = EXCLUDED.declared, note = EXCLUDED.note, declared_by = EXCLUDED.declared_by, updated_at = now()
       RETURNING department, period, declared, note, declared_by AS "declaredBy", updated_at AS "updatedAt"`,
      [department, period, declared, note, by],
    );
    return rows[0];
  }
}
