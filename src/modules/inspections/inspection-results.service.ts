import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { scrubIdNumbers } from '../../common/pii';
import { ValidationFailed } from '../../common/problem';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { RecordsService } from '../records/records.service';
import { SubjectsService } from '../subjects/subjects.service';
import type { PlanResultDto } from './dto/plan-request.dto';
import { PlanItemNotFound, ResultAlreadyRecorded } from './inspections.exception';
import { InspectionPlansService } from './inspection-plans.service';
import { InspectionsStore } from './inspections.store';
import { SubjectNotFound } from '../subjects/subjects.exception';
import { randomUUID } from 'node:crypto';
import type { PendingAudit } from '../audit/audit-outbox';

export interface ResultAnswer {
  planId: string;
  itemId: string;
  subjectId: string;
  result: string;
  date: string;
  findings: string | null;
  recordId: string;
}

/**
 * Results of planned inspections (检查结果): stored on the item and filed as an inspection credit record
 * through RecordsService, so the next tiering sees it (tiering listens to record changes). Audited.
 */
@Injectable()
export class InspectionResultsService {
  constructor(
    private readonly plans: InspectionPlansService,
    private readonly store: InspectionsStore,
    private readonly records: RecordsService,
    private readonly subjects: SubjectsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async record(planId: string, itemId: string, dto: PlanResultDto, caller: Caller | undefined): Promise<ResultAnswer> {
    const plan = await this.plans.planRow(planId);
    const item = await this.store.item(plan.id, itemId);
    if (!item) throw new PlanItemNotFound(plan.id, itemId);
    if (item.result) throw new ResultAlreadyRecorded(item.id, item.result);
    if (dto.date < plan.periodFrom || dto.date > plan.periodTo) {
      throw new ValidationFailed([
        { field: 'date', reason: `must be within the plan period (${plan.periodFrom} to ${plan.periodTo})` },
      ]);
    }
    if (dto.date > this.clock.today())
      throw new ValidationFailed([
        { field: 'date', reason: `must not be in the future (today is ${this.clock.today()})` },
      ]);
    const findings = dto.findings ? scrubIdNumbers(dto.findings) : null;
    const subject = await this.subjects.get(item.subjectId);
    const identity = await this.identity(subject, dto.subjectIdNumber);
    // Claim first, so that two results for one item never both reach the credit record.
    if (!(await this.store.claimResult(item.id, { result: dto.result, date: dto.date, findings })))
      throw new ResultAlreadyRecorded(item.id, 'recorded concurrently');
    // The entry this result will become: the record's transaction stages it (audit outbox), so a crash
    // before the append below still leaves the result in the trail.
    const pending: PendingAudit = {
      entryId: randomUUID(),
      kind: 'inspection.result',
      caller: caller?.name ?? null,
      operator: null,
      request: { planId, itemId, result: dto.result, date: dto.date },
    };
    let recordId: string;
    try {
      const { record } = await this.records.ingestOne(
        {
          type: 'inspection',
          source: plan.department,
          decisionNumber: `抽查-${plan.id}-${item.position + 1}`,
          industry: plan.industry,
          subjectName: subject.name,
          ...identity,
          inspectionResult: dto.result,
          decisionDate: dto.date,
          ...(findings ? { violationFacts: findings } : {}),
          remarks: `双随机抽查计划 ${plan.id}`,
        },
        pending,
      );
      recordId = record.id;
    } catch (err) {
      await this.store.releaseResult(item.id);
      throw err;
    }
    await this.store.attachRecord(item.id, recordId);
    const record = { id: recordId };
    const answer: ResultAnswer = {
      planId: plan.id,
      itemId: item.id,
      subjectId: item.subjectId,
      result: dto.result,
      date: dto.date,
      findings,
      recordId: record.id,
    };
    await this.audit.append({
      id: pending.entryId,
      kind: pending.kind,
      caller: pending.caller,
      subjectIds: [item.subjectId],
      request: pending.request,
      response: answer,
    });
    return answer;
  }

  /** The subject as the records API knows it: its code, or (natural person) the ID number given now and checked. */
  private async identity(
    subject: { id: string; code: string | null; kind: string },
    idNumber: string | undefined,
  ): Promise<Record<string, string>> {
    if (subject.code) return { subjectCode: subject.code, subjectKind: subject.kind };
    if (!idNumber)
      throw new ValidationFailed([
        { field: 'subjectIdNumber', reason: "is required to file a natural person's inspection record" },
      ]);
    const found = await this.subjects.lookup({ idNumber }).catch((e: unknown) => {
      if (e instanceof SubjectNotFound) return null;
      // The lookup names its own field (idNumber); the request's is subjectIdNumber.
      if (e instanceof ValidationFailed)
        throw new ValidationFailed((e.errors ?? []).map((x) => ({ ...x, field: 'subjectIdNumber' })));
      throw e;
    });
    if (found?.id !== subject.id)
      throw new ValidationFailed([{ field: 'subjectIdNumber', reason: 'does not belong to the inspected subject' }]);
    return { subjectIdNumber: idNumber, subjectKind: subject.kind };
  }
}
