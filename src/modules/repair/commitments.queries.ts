import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { subjectBriefColumns, type SubjectBriefColumns } from '../subjects/subjects.store';

export interface CommitmentListRow extends SubjectBriefColumns {
  id: string;
  source: string;
  decisionNumber: string;
  industry: string | null;
  decisionDate: string;
  status: string;
  commitmentStatus: string;
  commitmentStatusDate: string | null;
  commitmentType: string;
  outcome: {
    kind: string;
    outcome: string;
    date: string;
    department: string;
    reason: string;
    legalBasis: string | null;
    caller: string | null;
  } | null;
}

/**
 * The commitments list (信用承诺): commitment records (the records module's credit_records, type
 * commitment) with their subject and the outcome this module keeps (commitment_outcomes); a read-only report.
 */
@Injectable()
export class CommitmentsQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Newest commitment first (decision date, then id), after the record `after` (keyset). */
  list(q: {
    commitmentStatus: string | null;
    commitmentType: string | null;
    department: string | null;
    limit: number;
    after: string | null;
  }): Promise<CommitmentListRow[]> {
    return this.ds.query(
      `SELECT r.id, r.subject_id AS "subjectId", ${subjectBriefColumns('s')}, r.source, r.decision_number AS "decisionNumber", r.industry,
              to_char(r.decision_date, 'YYYY-MM-DD') AS "decisionDate", r.status, r.commitment_status AS "commitmentStatus",
              to_char(r.commitment_status_date, 'YYYY-MM-DD') AS "commitmentStatusDate", r.commitment_type AS "commitmentType",
              CASE WHEN o.id IS NULL THEN NULL ELSE jsonb_build_object('kind', o.kind, 'outcome', o.outcome,
                'date', to_char(o.outcome_date, 'YYYY-MM-DD'), 'department', o.department, 'reason', o.reason,
                'legalBasis', o.legal_basis, 'caller', o.caller) END AS outcome
         FROM credit_records r JOIN subjects s ON s.id = r.subject_id
         LEFT JOIN commitment_outcomes o ON o.record_id = r.id
        WHERE r.type = 'commitment'
          AND ($1::text IS NULL OR r.commitment_status = $1)
          AND ($2::text IS NULL OR r.source = $2)
          AND ($5::text IS NULL OR r.commitment_type = $5)
          AND ($4::uuid IS NULL OR (r.decision_date, r.id) < (SELECT a.decision_date, a.id FROM credit_records a WHERE a.id = $4::uuid))
        ORDER BY r.decision_date DESC, r.id DESC LIMIT $3`,
      [q.commitmentStatus, q.department, q.limit, q.after, q.commitmentType],
    );
  }
}
