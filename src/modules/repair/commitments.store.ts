import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CommitmentKind, CommitmentOutcome } from './dto/commitment-outcome.dto';

export interface OutcomeRow {
  id: string;
  recordId: string;
  subjectId: string;
  kind: CommitmentKind;
  outcome: CommitmentOutcome;
  date: string;
  department: string;
  reason: string;
  legalBasis: string | null;
  caller: string | null;
  createdAt: Date;
}
export type NewOutcome = Omit<OutcomeRow, 'id' | 'createdAt'>;

const COLUMNS = `id, record_id AS "recordId", subject_id AS "subjectId", kind, outcome, to_char(outcome_date, 'YYYY-MM-DD') AS "date", department, reason,
  legal_basis AS "legalBasis", caller, created_at AS "createdAt"`;

/** SQL of `commitment_outcomes`, and the conditional update of the commitment record in the same transaction. */
@Injectable()
export class CommitmentsStore {
  constructor(@InjectDataSource() readonly ds: DataSource) {}

  /** Null when the record already has an outcome. */
  async insert(m: EntityManager, o: NewOutcome): Promise<OutcomeRow | null> {
    const rows: OutcomeRow[] = await m.query(
      `INSERT INTO commitment_outcomes (record_id, subject_id, kind, outcome, outcome_date, department, reason, legal_basis, caller)
       VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9) ON CONFLICT (record_id) DO NOTHING RETURNING ${COLUMNS}`,
      [o.recordId, o.subjectId, o.kind, o.outcome, o.date, o.department, o.reason, o.legalBasis, o.caller],
    );
    return rows[0] ?? null;
  }

  async findByRecord(recordId: string): Promise<OutcomeRow | null> {
    const rows: OutcomeRow[] = await this.ds.query(`SELECT ${COLUMNS} FROM commitment_outcomes WHERE record_id = $1::uuid`, [recordId]);
    return rows[0] ?? null;
  }

  /**
   * The commitment record takes its outcome (commitment_status and its date) and keeps in `details` the kind,
   * the finding department, the finding and, for a breach, its legal basis. Only from pending and in force:
   * false when it no longer qualifies.
   */
  async settle(m: EntityManager, o: NewOutcome): Promise<boolean> {
    const details = {
      commitmentKind: o.kind, outcomeDepartment: o.department, outcomeReason: o.reason, ...(o.legalBasis ? { outcomeLegalBasis: o.legalBasis } : {}),
    };
    const rows: [unknown[], number] = await m.query(
      `UPDATE credit_records SET commitment_status = $2, commitment_status_date = $3::date, details = details || $4::jsonb, updated_at = now()
       WHERE id = $1::uuid AND type = 'commitment' AND commitment_status = 'pending' AND status = 'active' AND decision_date <= $3::date
       RETURNING id`,
      [o.recordId, o.outcome, o.date, JSON.stringify(details)],
    );
    return (rows[0]?.length ?? 0) > 0;
  }
}
