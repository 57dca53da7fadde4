import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { scrubIdNumbers } from '../../common/pii';
import { ValidationFailed } from '../../common/problem';
import {
  BREACH_CONSEQUENCES,
  COMMITMENT_TYPES,
  DEFAULT_COMMITMENT_TYPE,
  breachBasis,
  type CommitmentType,
} from '../../rules/facts';
import type { Caller } from '../auth/caller';
import type { RecordView } from '../records/record.view';
import { RecordsService } from '../records/records.service';
import type { CommitmentSettlement } from '../records/records.store';
import { stageEvents } from '../webhooks/webhooks.store';
import { consequencesOf, kindOf, revokesApproval, type ConsequenceView } from './commitment-consequences';
import { CommitmentsStore, type NewOutcome, type OutcomeRow } from './commitments.store';
import type { CommitmentOutcomeDto } from './dto/commitment-outcome.dto';
import {
  CommitmentAlreadyDecided,
  NotACommitment,
  NotACommitmentOutcome,
  WrongDepartment,
  assertActsFor,
} from './repair.exception';
import { decidedEvent } from './repair.service';
import { RepairStore } from './repair.store';
import type { PendingAudit } from '../audit/audit-outbox';
import { stageAuditChange } from '../audit/audit.store';

/**
 * 国办发〔2020〕42号 (domain.md §6 [v]): a false commitment goes into the credit record with punishment,
 * and an applicant with an earlier false commitment may not use notify-and-commit until repaired.
 * The basis of a notify-and-commit breach; the other types have theirs (src/rules/facts/commitment-types.ts).
 */
export const FALSE_COMMITMENT_BASIS = breachBasis('notify_commit');

/** The local parameter a voided repair rests on (no national text found: commitment-types.ts). */
const REPAIR_VOID_BASIS = BREACH_CONSEQUENCES.credit_repair.find((c) => c.code === 'repair_voided')!.basis;

export interface CommitmentOutcomeResult {
  readonly outcome: Omit<OutcomeRow, 'createdAt'> & { readonly createdAt: string };
  /** The commitment record after the outcome: a breach makes it negative information in force. */
  readonly record: RecordView;
  readonly commitmentType: CommitmentType;
  /** What the breach leads to under the record's type, with the basis (empty for a fulfilment). */
  readonly consequences: ConsequenceView[];
  readonly revokedApprovalRecordId: string | null;
  readonly voidedRepairRecordId: string | null;
  readonly rejectedRepairApplicationId: string | null;
}

interface Effects {
  revokedApprovalRecordId: string | null;
  voidedRepairRecordId: string | null;
  rejectedRepairApplicationId: string | null;
}

/**
 * The outcome of a credit commitment (信用承诺履行情况). A breach sets the commitment record to breached
 * with its date: from then it is a negative record in force — it lowers the tier of its own industry's pack
 * (`industryCommitmentsBreachedLast36Months`) and denies commitment-based incentives (notify-and-commit, the
 * measures' `commitmentsBreachedUnrepaired`) until it is repaired through a repair application. Every commitment
 * type counts so. By type (承诺类型): a breach of notify_commit, approval_substitute or gap_acceptance revokes the
 * approval named with it (approvalRecordId); a breach of a credit_repair commitment voids the repair it was made
 * for (or rejects the pending application).
 */
@Injectable()
export class CommitmentsService {
  constructor(
    private readonly store: CommitmentsStore,
    private readonly records: RecordsService,
    private readonly repairs: RepairStore,
    private readonly clock: Clock,
  ) {}

  async record(
    recordId: string,
    dto: CommitmentOutcomeDto,
    caller: Caller | undefined,
    audit?: PendingAudit,
  ): Promise<CommitmentOutcomeResult> {
    const today = this.clock.today();
    const record = await this.records.get(recordId); // 404 RECORD_NOT_FOUND
    if (record.type !== 'commitment') throw new NotACommitment(record.id, record.type);
    if (record.commitmentStatus !== 'pending')
      throw new CommitmentAlreadyDecided(record.id, record.commitmentStatus ?? 'unknown');
    if (record.status !== 'active') throw new CommitmentAlreadyDecided(record.id, record.status);
    if (dto.department !== record.source) throw new WrongDepartment(record.source, dto.department);
    assertActsFor(caller, dto.department);
    if (dto.date > today)
      throw new ValidationFailed([
        { field: 'date', reason: `must not be in the future (today is ${today}, China Standard Time)` },
      ]);
    if (dto.date < record.decisionDate)
      throw new ValidationFailed([
        { field: 'date', reason: `must be on or after the commitment's date ${record.decisionDate}` },
      ]);
    const type = record.commitmentType ?? DEFAULT_COMMITMENT_TYPE;
    const approval = await this.approvalToRevoke(dto, record, type);
    const input = {
      recordId: record.id,
      subjectId: record.subjectId,
      kind: dto.kind ?? kindOf(type),
      outcome: dto.outcome,
      date: dto.date,
      department: dto.department,
      reason: scrubIdNumbers(dto.reason),
      legalBasis: dto.outcome === 'breached' ? breachBasis(type) : null,
      caller: caller?.name ?? null,
    };
    const { row, effects } = await this.store.ds.transaction(async (m) => {
      const inserted = await this.store.insert(m, input);
      if (!inserted) throw new CommitmentAlreadyDecided(record.id, 'no longer pending');
      const fx: Effects = {
        revokedApprovalRecordId: null,
        voidedRepairRecordId: null,
        rejectedRepairApplicationId: null,
      };
      if (approval) {
        const reason = `违背信用承诺 (${record.decisionNumber}): ${input.reason}`.slice(0, 500);
        if (!(await this.records.revokeIn(m, approval.id, dto.date, reason)))
          throw new ValidationFailed([{ field: 'approvalRecordId', reason: 'was revoked meanwhile' }]);
        fx.revokedApprovalRecordId = approval.id;
      }
      if (dto.outcome === 'breached' && type === 'credit_repair')
        Object.assign(fx, await this.voidRepair(m, record, input, today));
      if (!(await this.records.settleCommitment(m, settlementOf(input, type, fx))))
        throw new CommitmentAlreadyDecided(record.id, 'no longer pending');
      if (audit)
        await stageAuditChange(m, audit, {
          subjectIds: [record.subjectId],
          change: {
            recordId: record.id,
            outcome: dto.outcome,
            kind: input.kind,
            commitmentType: type,
            date: dto.date,
            legalBasis: input.legalBasis,
            ...fx,
          },
        });
      return { row: inserted, effects: fx };
    });
    this.records.announce({ subjectIds: [record.subjectId], reason: `commitment-${dto.outcome}` });
    return resultOf(row, await this.records.get(record.id), effects);
  }

  async get(recordId: string): Promise<CommitmentOutcomeResult> {
    const record = await this.records.get(recordId);
    const row = await this.store.findByRecord(record.id);
    if (!row) throw new NotACommitmentOutcome(record.id);
    const d = record.details;
    const id = (k: string): string | null => (typeof d[k] === 'string' ? d[k] : null);
    return resultOf(row, record, {
      revokedApprovalRecordId: id('revokedApprovalRecordId'),
      voidedRepairRecordId: id('voidedRepairRecordId'),
      rejectedRepairApplicationId: id('rejectedRepairApplicationId'),
    });
  }

  /** The approval to revoke with a breach, checked: a licence record of the subject, not revoked; 400 naming approvalRecordId. */
  private async approvalToRevoke(
    dto: CommitmentOutcomeDto,
    record: RecordView,
    type: CommitmentType,
  ): Promise<RecordView | null> {
    if (dto.approvalRecordId === undefined) return null;
    const refuse = (reason: string) => new ValidationFailed([{ field: 'approvalRecordId', reason }]);
    if (dto.outcome !== 'breached') throw refuse('only with a breach (违背承诺)');
    if (!revokesApproval(type))
      throw refuse(`a breach of a ${type} commitment does not revoke an approval (commitment-types.ts)`);
    const approval = await this.records.get(dto.approvalRecordId).catch(() => null);
    if (!approval) throw refuse('is not a record of this service');
    if (approval.type !== 'licence' || approval.subjectId !== record.subjectId)
      throw refuse("must be a licence record (行政许可) of the commitment's subject");
    if (approval.revokedAt !== null) throw refuse(`was revoked on ${approval.revokedAt}`);
    if (dto.date < approval.decisionDate)
      throw refuse(`was granted on ${approval.decisionDate}, after the breach date`);
    return approval;
  }

  /**
   * A breached credit-repair commitment (信用修复型): the repair it was made for is void — an approved application's
   * record is published and counted again; a pending application is rejected (不予修复). Local parameter
   * COMMITMENT_REPAIR_BREACH_VOIDS_REPAIR: no national text read says so.
   */
  private async voidRepair(
    m: EntityManager,
    record: RecordView,
    o: NewOutcome,
    today: string,
  ): Promise<Partial<Effects>> {
    const app = await this.repairs.byCommitmentRecord(m, record.id);
    if (!app) return {};
    if (app.status === 'approved') {
      const voided = await this.records.voidRepair(m, app.recordId, {
        repairVoided: {
          repairedOn: app.decidedOn,
          voidedOn: o.date,
          applicationId: app.id,
          commitmentRecordId: record.id,
          basis: REPAIR_VOID_BASIS,
        },
      });
      return voided ? { voidedRepairRecordId: app.recordId } : {};
    }
    if (app.status !== 'pending') return {};
    const reason = `信用修复承诺违背 (commitment ${record.id} breached on ${o.date}): ${o.reason}`.slice(0, 2000);
    const rejected = await this.repairs.decide(m, {
      id: app.id,
      status: 'rejected',
      on: today,
      by: o.department,
      reason,
      caller: o.caller,
    });
    if (!rejected) return {};
    await stageEvents(m, [decidedEvent(app, 'rejected', today, o.department, reason)]);
    return { rejectedRepairApplicationId: app.id };
  }
}

/** The type a breach was judged under (kept in details: a later re-import may change the record's type). */
function resultOf(row: OutcomeRow, record: RecordView, fx: Effects): CommitmentOutcomeResult {
  const kept = record.details.outcomeCommitmentType;
  const type =
    typeof kept === 'string' && (COMMITMENT_TYPES as readonly string[]).includes(kept)
      ? (kept as CommitmentType)
      : (record.commitmentType ?? DEFAULT_COMMITMENT_TYPE);
  return {
    outcome: { ...row, createdAt: new Date(row.createdAt).toISOString() },
    record,
    commitmentType: type,
    consequences:
      row.outcome === 'breached'
        ? consequencesOf(type, {
            approvalRevoked: fx.revokedApprovalRecordId !== null,
            repairVoided: fx.voidedRepairRecordId !== null || fx.rejectedRepairApplicationId !== null,
          })
        : [],
    ...fx,
  };
}

/** What the commitment record keeps of its outcome: the status and date, and in `details` the kind, the finding department, the finding and, for a breach, its legal basis and what it did. */
function settlementOf(o: NewOutcome, type: CommitmentType, fx: Effects): CommitmentSettlement {
  const effects = Object.fromEntries(Object.entries(fx).filter(([, v]) => v !== null));
  const details = {
    commitmentKind: o.kind,
    outcomeDepartment: o.department,
    outcomeReason: o.reason,
    ...(o.legalBasis ? { outcomeLegalBasis: o.legalBasis, outcomeCommitmentType: type } : {}),
    ...effects,
  };
  return { recordId: o.recordId, outcome: o.outcome, date: o.date, details };
}
