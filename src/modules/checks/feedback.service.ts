import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldError, ValidationFailed } from '../../common/problem';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import type { CheckAnswer } from './check.types';
import { ChecksService } from './checks.service';
import type { FeedbackDto } from './dto/feedback.dto';
import { randomUUID } from 'node:crypto';
import type { PendingAudit } from '../audit/audit-outbox';
import { stageAuditChange } from '../audit/audit.store';

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

/**
 * Feedback closes the loop (反馈闭环): for each measure of a check, applied or not (with the reason),
 * and the outcome. Only the caller that made the check reports on it; every report is audited.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly ds: DataSource,
    private readonly checks: ChecksService,
    private readonly audit: AuditService,
  ) {}

  async record(caller: Caller, checkId: string, body: FeedbackDto): Promise<{ checkId: string; items: FeedbackRow[] }> {
    const check = await this.checks.get(caller, checkId);
    validateAgainst(check, body);
    const rows = body.items.map((i) => ({ party_index: i.partyIndex, measure_code: i.measure, applied: i.applied, reason: i.reason ?? null, outcome: i.outcome ?? null }));
    const subjectIds = check.parties.flatMap((p) => (p.subjectId ? [p.subjectId] : []));
    const pending: PendingAudit = { entryId: randomUUID(), kind: 'feedback', caller: caller.name, operator: body.operator ?? null, request: { checkId } };
    // Stored first, with its outbox row (a crash before the entry still reaches the trail), then audited: the
    // answer waits for both, and the trail never claims a report that was not kept.
    await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO check_feedback (check_id, caller, scenario, operator, party_index, measure_code, applied, reason, outcome)
         SELECT $1, $2, $3, $4, x.party_index, x.measure_code, x.applied, x.reason, x.outcome
         FROM jsonb_to_recordset($5::jsonb) AS x(party_index int, measure_code text, applied boolean, reason text, outcome text)`,
        [checkId, check.caller, check.scenario, body.operator, JSON.stringify(rows)],
      );
      await stageAuditChange(m, pending, { subjectIds, change: { checkId, items: rows } });
    });
    await this.audit.append({
      id: pending.entryId, kind: 'feedback', caller: caller.name, operator: body.operator, scenario: check.scenario,
      subjectIds, request: { checkId, ...body }, response: { accepted: rows.length },
      packVersions: check.packVersions,
    });
    return this.list(caller, checkId);
  }

  async list(caller: Caller, checkId: string): Promise<{ checkId: string; items: FeedbackRow[] }> {
    await this.checks.get(caller, checkId);
    const items: FeedbackRow[] = await this.ds.query(
      `SELECT id, party_index AS "partyIndex", measure_code AS measure, applied, reason, outcome, operator, created_at AS "createdAt"
       FROM check_feedback WHERE check_id = $1 ORDER BY created_at, id`,
      [checkId],
    );
    return { checkId, items };
  }

  /**
   * Feedback rates per caller and scenario (反馈率): checks answered with at least one measure, and how many
   * of them have feedback. Checks are counted from the audit trail, the one record of what was answered;
   * `from` and `to` are days in China Standard Time (UTC+8), both included.
   */
  async rates(from?: string, to?: string) {
    return this.ds.query(
      `WITH checks AS (
         SELECT id, caller, scenario, jsonb_path_exists(response, '$.parties[*].measures[0]') AS with_measures
         FROM audit_log WHERE kind = 'check'
           AND ($1::date IS NULL OR created_at >= ($1::date - interval '8 hours') AT TIME ZONE 'UTC')
           AND ($2::date IS NULL OR created_at < ($2::date + 1 - interval '8 hours') AT TIME ZONE 'UTC')
       )
       SELECT c.caller, c.scenario, count(*)::int AS checks, count(*) FILTER (WHERE c.with_measures)::int AS "checksWithMeasures",
         count(DISTINCT f.check_id)::int AS "checksWithFeedback",
         CASE WHEN count(*) FILTER (WHERE c.with_measures) = 0 THEN NULL
           ELSE round(count(DISTINCT f.check_id) FILTER (WHERE c.with_measures)::numeric / count(*) FILTER (WHERE c.with_measures), 4)::float END AS "feedbackRate"
       FROM checks c LEFT JOIN check_feedback f ON f.check_id = c.id
       GROUP BY c.caller, c.scenario ORDER BY c.caller, c.scenario`,
      [from ?? null, to ?? null],
    );
  }
}

function validateAgainst(check: CheckAnswer, body: FeedbackDto): void {
  const errors: FieldError[] = [];
  body.items.forEach((item, i) => {
    const party = check.parties[item.partyIndex];
    if (!party) errors.push({ field: `items[${i}].partyIndex`, reason: `the check has parties 0..${check.parties.length - 1}` });
    else if (!party.measures.some((m) => m.code === item.measure)) {
      errors.push({ field: `items[${i}].measure`, reason: `is not a measure of party ${item.partyIndex} in this check` });
    }
    if (!item.applied && !item.reason) errors.push({ field: `items[${i}].reason`, reason: 'is required when the measure was not applied' });
  });
  if (errors.length) throw new ValidationFailed(errors);
}
