import { Injectable } from '@nestjs/common';
import { scrubIdNumbers } from '../../common/pii';
import type { PendingAudit } from '../audit/audit-outbox';
import { stageAuditChange } from '../audit/audit.store';
import type { AssignmentEffect, IndustryAssignment } from '../../rules/membership';
import { SubjectIndustriesStore, type IndustryAssignmentRow } from './subject-industries.store';
import { NoOpenAssignment, SubjectNotFound } from './subjects.exception';
import { SubjectChanges } from './subject-changes';

/** Who decides: the caller's key name and the department it acts for. */
export interface Decider {
  readonly name: string;
  readonly department: string | null;
}

export interface AssignmentChange {
  readonly assignment: IndustryAssignmentRow | null;
  /** The assignment the decision ended (replaced or withdrawn), if one was open. */
  readonly ended: IndustryAssignmentRow | null;
}

const toCore = (r: IndustryAssignmentRow): IndustryAssignment => ({
  id: r.id,
  industry: r.industry,
  effect: r.effect,
  since: r.since,
  until: r.until,
  reason: r.reason,
});

/**
 * Department assignments of subjects to industries (行业归属认定): a supervising department says a subject is
 * (or, against its records or code, is not) one it supervises. Each decision is a row from the day it is made,
 * ending the one before; nothing is deleted, every decision is audited in its own transaction.
 */
@Injectable()
export class SubjectIndustriesService {
  constructor(
    private readonly store: SubjectIndustriesStore,
    private readonly changes: SubjectChanges,
  ) {}

  /** Every assignment of these subjects, as the rules core reads them, by subject id. */
  async assignmentsFor(ids: readonly string[]): Promise<Map<string, IndustryAssignment[]>> {
    const out = new Map<string, IndustryAssignment[]>();
    for (const r of await this.store.forSubjects(ids))
      out.set(r.subjectId, [...(out.get(r.subjectId) ?? []), toCore(r)]);
    return out;
  }

  /** As assignmentsFor, for the subjects whose id is in (afterId, lastId] (a batch's keyset page). */
  async assignmentsInRange(afterId: string | null, lastId: string): Promise<Map<string, IndustryAssignment[]>> {
    const out = new Map<string, IndustryAssignment[]>();
    for (const r of await this.store.forSubjectRange(afterId, lastId)) {
      const list = out.get(r.subjectId);
      if (list) list.push(toCore(r));
      else out.set(r.subjectId, [toCore(r)]);
    }
    return out;
  }

  history(subjectId: string): Promise<IndustryAssignmentRow[]> {
    return this.store.forSubjects([subjectId]);
  }

  /** Record a decision from `today`: the open one of that industry ends today (replaced). 404 for an unknown subject. */
  assign(
    subjectId: string,
    industry: string,
    effect: AssignmentEffect,
    reason: string,
    by: Decider,
    today: string,
    audit?: PendingAudit,
  ): Promise<AssignmentChange> {
    const why = scrubIdNumbers(reason);
    const change = this.store.ds.transaction(async (m) => {
      if (!(await this.store.lockSubject(m, subjectId))) throw new SubjectNotFound();
      const ended = await this.store.endOpen(m, subjectId, industry, today, 'replaced by a new decision', by.name);
      const assignment = await this.store.insert(m, {
        subjectId,
        industry,
        effect,
        since: today,
        reason: why,
        decidedBy: by.name,
        department: by.department,
      });
      if (audit)
        await stageAuditChange(m, audit, {
          subjectIds: [subjectId],
          change: {
            industry,
            effect,
            since: today,
            reason: why,
            assignmentId: assignment.id,
            ended: ended?.id ?? null,
          },
        });
      return { assignment, ended };
    });
    return this.announced(subjectId, change);
  }

  /** Withdraw the open decision of that industry from `today`; 404 when none is open. */
  end(subjectId: string, industry: string, reason: string, by: Decider, today: string, audit?: PendingAudit) {
    const why = scrubIdNumbers(reason);
    const change = this.store.ds.transaction(async (m): Promise<AssignmentChange> => {
      if (!(await this.store.lockSubject(m, subjectId))) throw new SubjectNotFound();
      const ended = await this.store.endOpen(m, subjectId, industry, today, why, by.name);
      if (!ended) throw new NoOpenAssignment(industry);
      if (audit)
        await stageAuditChange(m, audit, {
          subjectIds: [subjectId],
          change: { industry, ended: ended.id, until: ended.until, reason: why },
        });
      return { assignment: null, ended };
    });
    return this.announced(subjectId, change);
  }

  /** Once the decision committed: this instance's checks stop using what they kept of the subject. */
  private async announced(subjectId: string, change: Promise<AssignmentChange>): Promise<AssignmentChange> {
    const done = await change;
    this.changes.announce([subjectId]);
    return done;
  }
}
