import { Injectable } from '@nestjs/common';
import { FieldError, ValidationFailed } from '../../common/problem';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import type { CheckAnswer } from './check.types';
import { ChecksService } from './checks.service';
import type { FeedbackDto } from './dto/feedback.dto';
import { randomUUID } from 'node:crypto';
import type { PendingAudit } from '../audit/audit-outbox';
import type { FeedbackRate } from '../audit/audit.queries';
import { PacksService } from '../packs/packs.service';
import { FeedbackStore, type FeedbackRow } from './feedback.store';

/**
 * Feedback closes the loop (反馈闭环): for each measure of a check, applied or not (with the reason),
 * and the outcome. Only the caller that made the check reports on it; every report is audited.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly store: FeedbackStore,
    private readonly checks: ChecksService,
    private readonly audit: AuditService,
    private readonly packs: PacksService,
  ) {}

  async record(caller: Caller, checkId: string, body: FeedbackDto): Promise<{ checkId: string; items: FeedbackRow[] }> {
    const check = await this.checks.get(caller, checkId);
    validateAgainst(check, body);
    const rows = body.items.map((i) => ({
      party_index: i.partyIndex,
      measure_code: i.measure,
      applied: i.applied,
      reason: i.reason ?? null,
      outcome: i.outcome ?? null,
    }));
    const subjectIds = check.parties.flatMap((p) => (p.subjectId ? [p.subjectId] : []));
    const pending: PendingAudit = {
      entryId: randomUUID(),
      kind: 'feedback',
      caller: caller.name,
      operator: body.operator ?? null,
      request: { checkId },
    };
    // Stored first, with its outbox row (a crash before the entry still reaches the trail), then audited: the
    // answer waits for both, and the trail never claims a report that was not kept.
    await this.store.insert(
      { id: checkId, caller: check.caller, scenario: check.scenario },
      body.operator,
      rows,
      pending,
      subjectIds,
    );
    await this.audit.append({
      id: pending.entryId,
      kind: 'feedback',
      caller: caller.name,
      operator: body.operator,
      scenario: check.scenario,
      subjectIds,
      request: { checkId, ...body },
      response: { accepted: rows.length },
      packVersions: check.packVersions,
    });
    return this.list(caller, checkId);
  }

  async list(caller: Caller, checkId: string): Promise<{ checkId: string; items: FeedbackRow[] }> {
    await this.checks.get(caller, checkId);
    const items = await this.store.list(checkId);
    return { checkId, items };
  }

  /**
   * Feedback rates per caller and scenario (反馈率): checks answered with at least one measure, and how many
   * of them have feedback. Checks are counted from the audit trail, the one record of what was answered;
   * `from` and `to` are days in China Standard Time (UTC+8), both included.
   */
  async rates(from?: string, to?: string): Promise<FeedbackRate[]> {
    return this.audit.feedbackRates(from, to, await this.store.checkIdsOfRows());
  }

  /**
   * Per 信易+ scenario and measure (信易+ 反馈统计): how many parties of checks were offered the measure and how
   * many the callers reported as applied or not (the latest report counts). Every incentive (reward) measure of
   * the programme's scenarios is listed, zero where none was offered; `from` / `to` as rates().
   */
  async measureFeedback(programme: 'xinyi_plus', from?: string, to?: string): Promise<MeasureFeedbackItem[]> {
    const { scenarios, measures } = this.packs.measures().catalogue;
    const inProgramme = scenarios.filter((s) => s.programme === programme);
    const codes = inProgramme.map((s) => s.code);
    const counts = await this.audit.measureOffers(from, to, codes, await this.store.latestReports(codes));
    const countOf = (scenario: string, measure: string) =>
      counts.find((c) => c.scenario === scenario && c.measure === measure);
    return inProgramme.flatMap((s) =>
      measures
        .filter((m) => m.kind === 'reward' && m.scenarios.includes(s.code))
        .map((m) => {
          const c = countOf(s.code, m.code);
          return {
            scenario: s.code,
            scenarioZh: s.nameZh,
            measure: m.code,
            measureZh: m.nameZh,
            kind: m.kind,
            offered: c?.offered ?? 0,
            applied: c?.applied ?? 0,
            notApplied: c?.notApplied ?? 0,
            appliedRate: c?.offered ? Math.round((c.applied / c.offered) * 10000) / 10000 : null,
          };
        }),
    );
  }
}

/** One measure of one 信易+ scenario with its counts (GET /checks/measure-feedback). */
export interface MeasureFeedbackItem {
  scenario: string;
  scenarioZh: string;
  measure: string;
  measureZh: string;
  kind: string;
  offered: number;
  applied: number;
  notApplied: number;
  appliedRate: number | null;
}

function validateAgainst(check: CheckAnswer, body: FeedbackDto): void {
  const errors: FieldError[] = [];
  body.items.forEach((item, i) => {
    const party = check.parties[item.partyIndex];
    if (!party)
      errors.push({ field: `items[${i}].partyIndex`, reason: `the check has parties 0..${check.parties.length - 1}` });
    else if (!party.measures.some((m) => m.code === item.measure)) {
      errors.push({
        field: `items[${i}].measure`,
        reason: `is not a measure of party ${item.partyIndex} in this check`,
      });
    }
    if (!item.applied && !item.reason)
      errors.push({ field: `items[${i}].reason`, reason: 'is required when the measure was not applied' });
  });
  if (errors.length) throw new ValidationFailed(errors);
}
