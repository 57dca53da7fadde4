import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StoredRecordForLaw } from '../../rules/quality';

/**
 * The stored records the law may contradict (issue 14): active entries of the lists whose law fixes a term
 * (失信被执行人, procurement ban, major tax violation) and active penalties whose types or fine fix a grade
 * under 令第36号. The rules themselves are applied by legalFindingsOf (src/rules/quality).
 */
@Injectable()
export class RecordLegalQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  candidates(department: string | null): Promise<StoredRecordForLaw[]> {
    return this.ds.query(
      `SELECT id, source, decision_number AS "decisionNumber", type, list_type AS "listType", list_ground AS "listGround",
         severity, penalty_types AS "penaltyTypes", fine_amount::float8 AS "fineAmount",
         to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate", to_char(publicity_end, 'YYYY-MM-DD') AS "publicityEnd"
       FROM credit_records
       WHERE status = 'active' AND ($1::text IS NULL OR source = $1)
         AND ((type = 'list_entry' AND list_type IN ('court_defaulter', 'procurement_dishonesty', 'major_tax_violation'))
           OR (type = 'penalty' AND (penalty_types && ARRAY['licence_revocation', 'employment_restriction', 'closure',
                 'confiscation', 'warning', 'public_criticism']::text[] OR fine_amount >= 200)))
       ORDER BY source, decision_number, id`,
      [department],
    );
  }
}
