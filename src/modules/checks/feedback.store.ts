import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PendingAudit } from '../audit/audit-outbox';
import { stageAuditChange } from '../audit/audit.store';
import type { LatestFeedback } from '../audit/audit.queries';

export interface FeedbackRow {
  id: string;
  partyIndex: number;
  measure: string;
  applied: boolean;
  reason: string | null;
  outcome: string | null;
  operator: string;
  createdAt: string;
}

/** One reported measure of a check, as stored (a row of check_feedback). */
export interface FeedbackItem {
  party_index: number;
  measure_code: string;
  applied: boolean;
  reason: string | null;
  outcome: string | null;
}

/** SQL of check_feedback (migration 1764300000600), owned by the checks module. */
@Injectable()
export class FeedbackStore {
  constructor(private readonly ds: DataSource) {}

  /** The report's rows and, in the same transaction, the outbox row of its audit entry. */
  async insert(
    check: { id: string; caller: string; scenario: string },
    operator: string | undefined,
    rows: readonly FeedbackItem[],
    pending: PendingAudit,
    subjectIds: readonly string[],
  ): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO check_feedback (check_id, caller, scenario, operator, party_index, measure_code, applied, reason, outcome)
         SELECT $1, $2, $3, $4, x.party_index, x.measure_code, x.applied, x.reason, x.outcome
         FROM jsonb_to_recordset($5::jsonb) AS x(party_index int, measure_code text, applied boolean, reason text, outcome text)`,
        [check.id, check.caller, check.scenario, operator, JSON.stringify(rows)],
      );
      await stageAuditChange(m, pending, { subjectIds, change: { checkId: check.id, items: rows } });
    });
  }

  list(checkId: string): Promise<FeedbackRow[]> {
    return this.ds.query(
      `SELECT id, party_index AS "partyIndex", measure_code AS measure, applied, reason, outcome, operator, created_at AS "createdAt"
       FROM check_feedback WHERE check_id = $1 ORDER BY created_at, id`,
      [checkId],
    );
  }

  /** The check id of every feedback row (one per row, as a join on check_feedback would give them). */
  async checkIdsOfRows(): Promise<string[]> {
    const rows: Array<{ check_id: string }> = await this.ds.query(`SELECT check_id FROM check_feedback`);
    return rows.map((r) => r.check_id);
  }

  /** The latest report on each measure of each party, for checks of the given scenarios. */
  latestReports(scenarios: readonly string[]): Promise<LatestFeedback[]> {
    return this.ds.query(
      `SELECT DISTINCT ON (check_id, party_index, measure_code)
         check_id AS "checkId", party_index AS "partyIndex", measure_code AS measure, applied
       FROM check_feedback WHERE scenario = ANY($1::text[])
       ORDER BY check_id, party_index, measure_code, created_at DESC, id DESC`,
      [scenarios],
    );
  }
}
