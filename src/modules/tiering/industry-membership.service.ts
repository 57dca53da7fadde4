import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { SubjectIndustriesService, type Decider } from '../subjects/subject-industries.service';
import { SubjectsService } from '../subjects/subjects.service';
import type { PendingAudit } from '../audit/audit-outbox';
import type { AssignmentEffect } from '../../rules/membership';
import { TieringService } from './tiering.service';

/**
 * A subject's industries (行业归属) as of a date — every pack's industry, member or not and why, with the tier it
 * gives — and the department decisions that put it in or take it out. A decision re-tiers the subject at once
 * (queued like a record change): it gains or loses the tier with a history row whose trigger names the decision.
 */
@Injectable()
export class IndustryMembershipService {
  constructor(
    private readonly tiering: TieringService,
    private readonly industries: SubjectIndustriesService,
    private readonly subjects: SubjectsService,
    private readonly clock: Clock,
  ) {}

  async view(subjectId: string, asOf?: string) {
    const day = asOf ?? this.clock.today();
    const subject = await this.subjects.get(subjectId); // 404 for an unknown subject
    const { tiers, memberships } = await this.tiering.membershipAsOf(subject.id, day);
    const tierOf = new Map(tiers.map((t) => [t.evaluation.industry, t.evaluation.tier]));
    return {
      subjectId: subject.id,
      asOf: day,
      industryCode: subject.industryCode,
      industries: memberships.map((m) => ({ ...m, bases: [...m.bases], tier: tierOf.get(m.industry) ?? null })),
      assignments: await this.industries.history(subject.id),
    };
  }

  async assign(
    subjectId: string,
    industry: string,
    effect: AssignmentEffect,
    reason: string,
    by: Decider,
    audit?: PendingAudit,
  ) {
    await this.industries.assign(subjectId, industry, effect, reason, by, this.clock.today(), audit);
    await this.tiering.recomputeQueued([subjectId], `industry:${effect}`);
    return this.view(subjectId);
  }

  async end(subjectId: string, industry: string, reason: string, by: Decider, audit?: PendingAudit) {
    await this.industries.end(subjectId, industry, reason, by, this.clock.today(), audit);
    await this.tiering.recomputeQueued([subjectId], 'industry:withdrawn');
    return this.view(subjectId);
  }
}
