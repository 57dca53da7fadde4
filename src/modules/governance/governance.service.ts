import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { scrubIdNumbers } from '../../common/pii';
import { ValidationFailed } from '../../common/problem';
import type { PendingAudit } from '../audit/audit-outbox';
import { stageAuditChange } from '../audit/audit.store';
import type { Caller } from '../auth/caller';
import { subjectBrief } from '../subjects/subjects.store';
import type { DecideProposalDto, ExitEntryDto, OpenEntryDto } from './dto/governance-requests.dto';
import type {
  DeclinedDto,
  EntryDto,
  ExitRateDto,
  ExitStatisticsDto,
  KeyAttentionListDto,
  ProposalListDto,
  PublicBodyDefaultersDto,
} from './dto/governance-responses.dto';
import {
  AlreadyOpen,
  EntryNotOpen,
  GovernanceEntryNotFound,
  GovernanceSubjectNotFound,
  NoProposal,
} from './governance.exception';
import {
  GOVERNANCE_PARAMETERS,
  GOVERNANCE_PARAMETERS_BASIS,
  GOVERNANCE_TARGETS,
  KEY_ATTENTION_NOTE,
} from './governance.parameters';
import { GovernanceStore, type DepartmentCounts, type EntryRow, type NewEntry } from './governance.store';

/**
 * The special governance ledger (专项治理台账) of the "屡禁不止、屡罚不改" campaign (district plan task 13): rule
 * proposals from repeated penalties, the credit office's acceptance or declination, manual entries, exits with
 * evidence, the exit rate (退出率) per department; and, for task 14, the public bodies on the 失信被执行人 list with
 * their rectification rate (整改到位率). Every state change is audited in its own transaction.
 */
@Injectable()
export class GovernanceService {
  constructor(
    private readonly store: GovernanceStore,
    private readonly clock: Clock,
  ) {}

  async proposals(asOf: string | undefined): Promise<ProposalListDto> {
    const day = asOf ?? this.clock.today();
    const rows = await this.store.proposals({ asOf: day, ...GOVERNANCE_PARAMETERS });
    return {
      asOf: day,
      parameters: { ...GOVERNANCE_PARAMETERS, basis: GOVERNANCE_PARAMETERS_BASIS },
      items: rows.map((r) => ({
        subject: subjectBrief(r),
        violationType: r.violationType,
        penalties: r.penalties,
        department: r.department,
        lastDate: r.lastDate,
        records: r.records,
      })),
    };
  }

  /** Accepts today's proposal of this subject and violation type: a ledger entry with its triggering penalties. */
  async accept(dto: DecideProposalDto, caller: Caller | undefined, audit?: PendingAudit): Promise<EntryDto> {
    const today = this.clock.today();
    const proposal = await this.proposalOf(dto.subjectId, dto.violationType, today);
    const entry: NewEntry = {
      subjectId: dto.subjectId,
      department: dto.department ?? proposal.department,
      reason: scrubIdNumbers(dto.reason),
      source: 'rule',
      violationType: proposal.violationType,
      recordIds: proposal.recordIds,
      openedOn: today,
      openedBy: caller?.name ?? null,
    };
    return this.open(entry, 'accepted', audit);
  }

  async decline(dto: DecideProposalDto, caller: Caller | undefined, audit?: PendingAudit): Promise<DeclinedDto> {
    const today = this.clock.today();
    const proposal = await this.proposalOf(dto.subjectId, dto.violationType, today);
    const reason = scrubIdNumbers(dto.reason);
    await this.store.ds.transaction(async (m) => {
      await this.store.decline(m, {
        subjectId: dto.subjectId,
        violationType: proposal.violationType,
        recordIds: proposal.recordIds,
        reason,
        on: today,
        by: caller?.name ?? null,
      });
      if (audit)
        await stageAuditChange(m, audit, {
          subjectIds: [dto.subjectId],
          change: { declined: { violationType: proposal.violationType, recordIds: proposal.recordIds, reason } },
        });
    });
    return {
      declined: true,
      subjectId: dto.subjectId,
      violationType: proposal.violationType,
      recordIds: proposal.recordIds,
    };
  }

  async openManual(dto: OpenEntryDto, caller: Caller | undefined, audit?: PendingAudit): Promise<EntryDto> {
    const today = this.clock.today();
    if (dto.openedOn > today)
      throw new ValidationFailed([
        { field: 'openedOn', reason: `must not be in the future (today is ${today}, China Standard Time)` },
      ]);
    if (!(await this.subjectExists(dto.subjectId))) throw new GovernanceSubjectNotFound(dto.subjectId);
    const entry: NewEntry = {
      subjectId: dto.subjectId,
      department: dto.department,
      reason: scrubIdNumbers(dto.reason),
      source: 'manual',
      violationType: dto.violationType ?? null,
      recordIds: [],
      openedOn: dto.openedOn,
      openedBy: caller?.name ?? null,
    };
    return this.open(entry, 'entered', audit);
  }

  async exit(id: string, dto: ExitEntryDto, caller: Caller | undefined, audit?: PendingAudit): Promise<EntryDto> {
    const today = this.clock.today();
    const entry = await this.get(id);
    if (entry.status !== 'open') throw new EntryNotOpen(id, entry.status);
    if (dto.date > today)
      throw new ValidationFailed([
        { field: 'date', reason: `must not be in the future (today is ${today}, China Standard Time)` },
      ]);
    if (dto.date < entry.openedOn)
      throw new ValidationFailed([{ field: 'date', reason: `must be on or after the entry date ${entry.openedOn}` }]);
    const note = scrubIdNumbers(dto.note);
    await this.store.ds.transaction(async (m) => {
      if (!(await this.store.exit(m, id, { status: dto.status, date: dto.date, note, by: caller?.name ?? null })))
        throw new EntryNotOpen(id, 'no longer open');
      if (audit)
        await stageAuditChange(m, audit, {
          subjectIds: [entry.subject.id],
          change: { entryId: id, status: dto.status, date: dto.date, note },
        });
    });
    return this.get(id);
  }

  async get(id: string): Promise<EntryDto> {
    const row = await this.store.get(id, this.clock.today());
    if (!row) throw new GovernanceEntryNotFound(id);
    return view(row);
  }

  async list(q: { status?: string; department?: string; limit?: number }): Promise<EntryDto[]> {
    const rows = await this.store.list({
      today: this.clock.today(),
      status: q.status ?? null,
      department: q.department ?? null,
      limit: q.limit ?? 100,
    });
    return rows.map(view);
  }

  async statistics(asOf: string | undefined): Promise<ExitStatisticsDto> {
    const day = asOf ?? this.clock.today();
    const rows = await this.store.counts(day);
    const total = rows.reduce<DepartmentCounts>(
      (a, r) => ({
        department: 'overall',
        entries: a.entries + r.entries,
        open: a.open + r.open,
        rectified: a.rectified + r.rectified,
        repaired: a.repaired + r.repaired,
        closedOther: a.closedOther + r.closedOther,
      }),
      { department: 'overall', entries: 0, open: 0, rectified: 0, repaired: 0, closedOther: 0 },
    );
    return { asOf: day, target: GOVERNANCE_TARGETS.exitRate, overall: rate(total), departments: rows.map(rate) };
  }

  async publicBodyDefaulters(asOf: string | undefined): Promise<PublicBodyDefaultersDto> {
    const day = asOf ?? this.clock.today();
    const rows = await this.store.publicBodyDefaulters(day);
    const rectified = rows.filter((r) => r.rectified).length;
    return {
      asOf: day,
      target: GOVERNANCE_TARGETS.publicBodyRectificationRate,
      subjects: rows.length,
      rectified,
      rectificationRate: rows.length === 0 ? null : ratio(rectified, rows.length),
      items: rows.map((r) => ({ subject: subjectBrief(r), rectified: r.rectified, listings: r.listings })),
    };
  }

  async keyAttention(asOf: string | undefined): Promise<KeyAttentionListDto> {
    const day = asOf ?? this.clock.today();
    const rows = await this.store.keyAttention(day);
    return {
      asOf: day,
      measures: [],
      note: KEY_ATTENTION_NOTE,
      items: rows.map((r) => ({ subject: subjectBrief(r), listings: r.listings, openEntryIds: r.openEntryIds })),
    };
  }

  private async proposalOf(subjectId: string, violationType: string, today: string) {
    if (!(await this.subjectExists(subjectId))) throw new GovernanceSubjectNotFound(subjectId);
    const [proposal] = await this.store.proposals({ asOf: today, ...GOVERNANCE_PARAMETERS, subjectId, violationType });
    if (!proposal) throw new NoProposal(subjectId, violationType);
    return proposal;
  }

  private async open(entry: NewEntry, how: 'accepted' | 'entered', audit?: PendingAudit): Promise<EntryDto> {
    const id = await this.store.ds.transaction(async (m) => {
      const inserted = await this.store.insert(m, entry);
      if (!inserted) throw new AlreadyOpen(entry.subjectId, entry.violationType);
      if (audit)
        await stageAuditChange(m, audit, {
          subjectIds: [entry.subjectId],
          change: { entryId: inserted, [how]: { ...entry } },
        });
      return inserted;
    });
    return this.get(id);
  }

  private subjectExists(id: string): Promise<boolean> {
    return this.store.subjectExists(id);
  }
}

function view(r: EntryRow): EntryDto {
  return {
    id: r.id,
    subjectId: r.subjectId,
    subject: subjectBrief(r),
    department: r.department,
    reason: r.reason,
    source: r.source,
    violationType: r.violationType,
    recordIds: r.recordIds,
    openedOn: r.openedOn,
    openedBy: r.openedBy,
    status: r.status,
    exitDate: r.exitDate,
    exitNote: r.exitNote,
    exitDecidedBy: r.exitDecidedBy,
    keyAttentionListed: r.keyAttentionListed,
  };
}

/** 退出率 = (rectified + repaired) / (entries − closedOther): closed otherwise (注销, entered in error) is left out (local reading). */
function rate(c: DepartmentCounts): ExitRateDto {
  const base = c.entries - c.closedOther;
  return { ...c, exitRate: base === 0 ? null : ratio(c.rectified + c.repaired, base) };
}

const ratio = (a: number, b: number): number => Math.round((a / b) * 10000) / 10000;
