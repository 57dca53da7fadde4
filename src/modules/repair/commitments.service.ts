import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { scrubIdNumbers } from '../../common/pii';
import { ValidationFailed } from '../../common/problem';
import type { Caller } from '../auth/caller';
import type { RecordView } from '../records/record.view';
import { RecordsService } from '../records/records.service';
import type { CommitmentSettlement } from '../records/records.store';
import { CommitmentsStore, type NewOutcome, type OutcomeRow } from './commitments.store';
import type { CommitmentOutcomeDto } from './dto/commitment-outcome.dto';
import {
  CommitmentAlreadyDecided,
  NotACommitment,
  NotACommitmentOutcome,
  WrongDepartment,
  assertActsFor,
} from './repair.exception';
import type { PendingAudit } from '../audit/audit-outbox';
import { stageAuditChange } from '../audit/audit.store';

/**
 * 国办发〔2020〕42号 (domain.md §6 [v]): a false commitment goes into the credit record with punishment,
 * and an applicant with an earlier false commitment may not use notify-and-commit until repaired.
 */
export const FALSE_COMMITMENT_BASIS = '国办发〔2020〕42号';

export interface CommitmentOutcomeResult {
  readonly outcome: Omit<OutcomeRow, 'createdAt'> & { readonly createdAt: string };
  /** The commitment record after the outcome: a breach makes it negative information in force. */
  readonly record: RecordView;
}

/**
 * The outcome of a credit commitment (信用承诺履行情况). A breach sets the commitment record to breached
 * with its date: from then it is a negative record in force — it lowers the tier of its own industry's pack
 * (`industryCommitmentsBreachedLast36Months`) and denies commitment-based incentives (notify-and-commit, the
 * measures' `commitmentsBreachedUnrepaired`) until it is repaired through a repair application.
 */
@Injectable()
export class CommitmentsService {
  constructor(
    private readonly store: CommitmentsStore,
    private readonly records: RecordsService,
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
    const input = {
      recordId: record.id,
      subjectId: record.subjectId,
      kind: dto.kind,
      outcome: dto.outcome,
      date: dto.date,
      department: dto.department,
      reason: scrubIdNumbers(dto.reason),
      legalBasis: dto.outcome === 'breached' ? FALSE_COMMITMENT_BASIS : null,
      caller: caller?.name ?? null,
    };
    const row = await this.store.ds.transaction(async (m) => {
      const inserted = await this.store.insert(m, input);
      if (!inserted || !(await this.records.settleCommitment(m, settlementOf(input))))
        throw new CommitmentAlreadyDecided(record.id, 'no longer pending');
      if (audit)
        await stageAuditChange(m, audit, {
          subjectIds: [record.subjectId],
          change: {
            recordId: record.id,
            outcome: dto.outcome,
            kind: dto.kind,
            date: dto.date,
            legalBasis: input.legalBasis,
          },
        });
      return inserted;
    });
    this.records.announce({ subjectIds: [record.subjectId], reason: `commitment-${dto.outcome}` });
    return {
      outcome: { ...row, createdAt: new Date(row.createdAt).toISOString() },
      record: await this.records.get(record.id),
    };
  }

  async get(recordId: string): Promise<CommitmentOutcomeResult> {
    const record = await this.records.get(recordId);
    const row = await this.store.findByRecord(record.id);
    if (!row) throw new NotACommitmentOutcome(record.id);
    return { outcome: { ...row, createdAt: new Date(row.createdAt).toISOString() }, record };
  }
}

/** What the commitment record keeps of its outcome: the status and date, and in `details` the kind, the finding department, the finding and, for a breach, its legal basis. */
function settlementOf(o: NewOutcome): CommitmentSettlement {
  const details = {
    commitmentKind: o.kind,
    outcomeDepartment: o.department,
    outcomeReason: o.reason,
    ...(o.legalBasis ? { outcomeLegalBasis: o.legalBasis } : {}),
  };
  return { recordId: o.recordId, outcome: o.outcome, date: o.date, details };
}
