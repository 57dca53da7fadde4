import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { scrubIdNumbers } from '../../common/pii';
import type { Caller } from '../auth/caller';
import type { RecordView } from '../records/record.view';
import { RecordsService } from '../records/records.service';
import { SubjectsService } from '../subjects/subjects.service';
import type { ApplyRepairDto, ApproveRepairDto, ListRepairQuery, RejectRepairDto } from './dto/repair-requests.dto';
import { assertRepairable } from './repair-eligibility';
import {
  RecordNotInForce,
  RepairAlreadyPending,
  RepairApplicationNotFound,
  RepairNotPending,
  WrongDepartment,
  assertActsFor,
} from './repair.exception';
import { RepairStore, type ApplicationRow, type Decision } from './repair.store';
import { toApplicationView, type RepairApplicationView } from './repair.view';
import type { PendingAudit } from '../audit/audit-outbox';
import { stageAuditChange } from '../audit/audit.store';
import { stageEvents, type StagedEvent } from '../webhooks/webhooks.store';
import { isUuid } from '../../common/uuid';

/**
 * Credit repair (信用修复, NDRC 令第36号; 令第58号 windows for decisions before 2026-04-01): apply with a
 * public credit commitment once the minimum publicity period has passed; the recognising department
 * (the record's source: "谁认定、谁修复") approves — the record is marked repaired in the same transaction
 * and stops counting at once for tiers, checks and measures — or rejects with a reason.
 */
@Injectable()
export class RepairService {
  private readonly logger = new Logger(RepairService.name);

  constructor(
    private readonly store: RepairStore,
    private readonly records: RecordsService,
    private readonly subjects: SubjectsService,
    private readonly clock: Clock,
  ) {}

  async apply(dto: ApplyRepairDto, caller: Caller | undefined, audit?: PendingAudit): Promise<RepairApplicationView> {
    const today = this.clock.today();
    const record = await this.records.get(dto.recordId); // 404 RECORD_NOT_FOUND
    const { department, earliestRepairDate } = assertRepairable(record, today);
    const open = await this.store.pendingFor(record.id);
    if (open) throw new RepairAlreadyPending(record.id, open.id);
    const application = {
      recordId: record.id,
      subjectId: record.subjectId,
      decisionNumber: record.decisionNumber,
      department,
      applicantKind: dto.applicant.kind,
      applicantName: scrubIdNumbers(dto.applicant.name),
      commitment: scrubIdNumbers(dto.commitment),
      reason: scrubIdNumbers(dto.reason),
      evidence: (dto.evidence ?? []).map(scrubIdNumbers),
      earliestRepairDate,
      appliedOn: today,
      caller: caller?.name ?? null,
    };
    let row = await this.store.ds.transaction(async (m) => {
      const inserted = await this.store.insert(application, m);
      if (inserted && audit)
        await stageAuditChange(m, audit, {
          subjectIds: [record.subjectId],
          change: { applicationId: inserted.id, status: 'pending', recordId: record.id },
        });
      return inserted;
    });
    if (!row) throw new RepairAlreadyPending(record.id, (await this.store.pendingFor(record.id))?.id ?? null); // a concurrent application won
    const commitmentRecordId = await this.fileCommitment(row, record, today, audit);
    if (commitmentRecordId) row = (await this.store.setCommitmentRecord(row.id, commitmentRecordId)) ?? row;
    return toApplicationView(row);
  }

  async get(id: string): Promise<RepairApplicationView> {
    return toApplicationView(await this.row(id));
  }

  async list(
    q: ListRepairQuery,
  ): Promise<{ total: number; limit: number; offset: number; items: RepairApplicationView[] }> {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const page = await this.store.list(
      { status: q.status, subjectId: q.subjectId, recordId: q.recordId },
      limit,
      offset,
    );
    return { total: page.total, limit, offset, items: page.items.map(toApplicationView) };
  }

  /**
   * Approve (准予修复): application 'approved' and record 'repaired' (repaired_at = today) in one transaction.
   * The record must still qualify today as it had to when applied for: a record past its publicity end
   * meanwhile (409), or corrected by a re-import to a later minimum (422 with the new date), is not repaired.
   */
  async approve(
    id: string,
    dto: ApproveRepairDto,
    caller: Caller | undefined,
    audit?: PendingAudit,
  ): Promise<RepairApplicationView> {
    const app = await this.decidable(id, dto.department, caller);
    const today = this.clock.today();
    assertRepairable(await this.records.get(app.recordId), today);
    const decided = await this.store.ds.transaction(async (m) => {
      const row = await this.store.decide(
        m,
        this.decision(app, 'approved', today, dto.department, dto.reason ?? null, caller),
      );
      if (!row) return null; // read why outside: the embedded database's one connection is this transaction's
      if (!(await this.records.markRepaired(m, app.recordId, today)))
        throw new RecordNotInForce(app.recordId, 'was revoked, repaired, ended or corrected meanwhile');
      if (audit)
        await stageAuditChange(m, audit, {
          subjectIds: [app.subjectId],
          change: { applicationId: app.id, status: 'approved', recordId: app.recordId, repairedAt: today },
        });
      await stageEvents(m, [decidedEvent(app, 'approved', today, dto.department, dto.reason ?? null)]);
      return row;
    });
    if (!decided) throw await this.notPending(id);
    this.records.announce({ subjectIds: [app.subjectId], reason: 'repair' });
    return toApplicationView(decided);
  }

  /** Reject (不予修复) with a reason: the record is unchanged. */
  async reject(
    id: string,
    dto: RejectRepairDto,
    caller: Caller | undefined,
    audit?: PendingAudit,
  ): Promise<RepairApplicationView> {
    const app = await this.decidable(id, dto.department, caller);
    const today = this.clock.today();
    const decided = await this.store.ds.transaction(async (m) => {
      const row = await this.store.decide(m, this.decision(app, 'rejected', today, dto.department, dto.reason, caller));
      if (row && audit)
        await stageAuditChange(m, audit, {
          subjectIds: [app.subjectId],
          change: { applicationId: app.id, status: 'rejected', recordId: app.recordId },
        });
      if (row) await stageEvents(m, [decidedEvent(app, 'rejected', today, dto.department, dto.reason)]);
      return row;
    });
    if (!decided) throw await this.notPending(id);
    return toApplicationView(decided);
  }

  private decision(
    app: ApplicationRow,
    status: Decision['status'],
    on: string,
    by: string,
    reason: string | null,
    caller: Caller | undefined,
  ): Decision {
    return {
      id: app.id,
      status,
      on,
      by,
      reason: reason === null ? null : scrubIdNumbers(reason),
      caller: caller?.name ?? null,
    };
  }

  private async row(id: string): Promise<ApplicationRow> {
    const row = isUuid(id) ? await this.store.findById(id) : null;
    if (!row) throw new RepairApplicationNotFound(isUuid(id) ? id : '(not a UUID)');
    return row;
  }

  /** 404 unknown, 409 not pending, 403 not the recognising department or a key that does not act for it. */
  private async decidable(id: string, department: string, caller: Caller | undefined): Promise<ApplicationRow> {
    const app = await this.row(id);
    if (app.status !== 'pending') throw new RepairNotPending(app.id, app.status);
    if (department !== app.department) throw new WrongDepartment(app.department, department);
    assertActsFor(caller, department);
    return app;
  }

  private async notPending(id: string): Promise<RepairNotPending> {
    return new RepairNotPending(id, (await this.store.findById(id))?.status ?? 'decided');
  }

  /**
   * The applicant's public commitment, filed as a credit commitment record (信用承诺, pending) through the
   * records service, so that its later fulfilment or breach can be recorded like any other commitment.
   * Only for subjects with a unified social credit code: a natural person's record needs the full ID
   * number, which the service never keeps. A failure here leaves the application without the link.
   */
  /** Staged under the application's own audit entry: the commitment record is part of what `repair.apply` changed. */
  private async fileCommitment(
    app: ApplicationRow,
    record: RecordView,
    today: string,
    audit: PendingAudit | undefined,
  ): Promise<string | null> {
    try {
      const subject = await this.subjects.get(record.subjectId);
      if (!subject.code) return null;
      const filed = await this.records.ingestOne(
        {
          type: 'commitment',
          source: app.department,
          decisionNumber: `信用修复承诺-${app.id}`,
          subjectName: subject.name,
          subjectCode: subject.code,
          industry: record.industry,
          ...(record.sector ? { sector: record.sector } : {}),
          commitmentStatus: 'pending',
          commitmentType: 'credit_repair', // 信用修复型信用承诺: its breach voids the repair (commitments.service.ts)
          decisionDate: today,
          content: app.commitment,
          remarks:
            `信用修复承诺 (repair commitment) of application ${app.id} for record ${record.decisionNumber}`.slice(
              0,
              1000,
            ),
        },
        audit,
      );
      return filed.record.id;
    } catch (err) {
      this.logger.warn({ err, applicationId: app.id }, 'Repair commitment not filed as a record');
      return null;
    }
  }
}

/** A repair decision (信用修复决定) announced to subscribed systems (repair.decided), with its transaction. */
export function decidedEvent(
  app: ApplicationRow,
  decision: 'approved' | 'rejected',
  on: string,
  department: string,
  reason: string | null,
): StagedEvent {
  return {
    kind: 'repair.decided',
    payload: {
      applicationId: app.id,
      recordId: app.recordId,
      subjectId: app.subjectId,
      decision,
      decidedOn: on,
      department,
      reason: reason === null ? null : scrubIdNumbers(reason),
    },
  };
}
