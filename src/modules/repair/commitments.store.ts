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

/** SQL of `commitment_outcomes`; the commitment record itself is settled through RecordsService in the same transaction. */
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
    const rows: OutcomeRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM commitment_outcomes WHERE record_id = $1::uuid`,
      [recordId],
    );
    return rows[0] ?? null;
  }
}
