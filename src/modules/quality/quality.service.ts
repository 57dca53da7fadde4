import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { scrubAllIdNumbers, scrubIdNumbers } from '../../common/pii';
import { ValidationFailed } from '../../common/problem';
import {
  codeQuality,
  DEFAULT_TIMELY_WORKING_DAYS,
  departmentQuality,
  monthBounds,
  monthsBetween,
  timelinessOf,
  totalQuality,
  type CodeQuality,
  type DepartmentCounts,
  type DepartmentQuality,
} from '../../rules/quality';
import { isCalendarDate } from '../../common/calendar-date';
import { QUALITY_CONFIG, type QualityConfig } from '../../config/quality.config';
import type { Queryable } from '../../common/queryable';
import {
  RecordIntakeQueries,
  typesOfGroup,
  type PeriodCount,
  type RecordGroup,
  type RefusedRow,
} from '../records/record-intake.queries';
import { SubjectsService } from '../subjects/subjects.service';
import { QualityStore, type LedgerRow } from './quality.store';
import type { PendingAudit } from '../audit/audit-outbox';

export interface RangeQuery {
  readonly from?: string;
  readonly to?: string;
  readonly department?: string;
  readonly workingDays?: number;
  readonly recordGroup?: RecordGroup;
}
export interface FailuresQuery extends RangeQuery {
  readonly kind?: 'refused' | 'late';
  readonly limit?: number;
  readonly offset?: number;
}

export const DEFINITIONS = {
  reported:
    '上报率 (reported) = rows received (accepted + refused) in the months the department declared ÷ the count it declared for them (PUT /api/v1/quality/ledgers/{department}/{period}); null without a declaration. May exceed 1.',
  compliant:
    '合规率 (compliant) = accepted ÷ (accepted + refused): a refused row missed a required field or had an invalid one. A refused row later accepted under the same department and decision number no longer counts; the same refused row sent twice counts once.',
  timely:
    '及时率 (timely) = accepted records received within N working days after the decision date ÷ accepted. Received = first receipt by the service.',
  codes:
    '重错码 (duplicate / wrong codes) = distinct unified social credit codes used under several names, sharing a name with another code, or refused for their GB 32100 check character ÷ distinct codes seen, per 10,000 (target: under 1).',
};

export interface LateRecord {
  readonly kind: 'late';
  readonly department: string;
  readonly recordId: string;
  readonly decisionNumber: string;
  readonly recordType: string;
  readonly decisionDate: string;
  readonly receivedOn: string;
  readonly deadline: string;
  readonly workingDays: number;
  readonly allowedWorkingDays: number;
}
export type RefusedFailure = { readonly kind: 'refused' } & Omit<RefusedRow, 'rejectedAt'> & {
    readonly rejectedAt: string;
  };

/** "双公示" data quality (綦江区 plan tasks 4–5): 上报率、合规率、及时率 per department, 重错码, and the failures behind them. */
@Injectable()
export class QualityService {
  constructor(
    private readonly store: QualityStore,
    private readonly intake: RecordIntakeQueries,
    private readonly subjects: SubjectsService,
    private readonly clock: Clock,
    @Inject(QUALITY_CONFIG) private readonly config: QualityConfig,
  ) {}

  private range(q: RangeQuery): {
    from: string;
    to: string;
    allowed: number;
    department: string | null;
    types: readonly string[];
  } {
    const today = this.clock.today();
    const from = q.from ?? `${today.slice(0, 4)}-01-01`;
    const to = q.to ?? today;
    const errors = [
      ['from', from],
      ['to', to],
    ]
      .filter(([, v]) => !isCalendarDate(v))
      .map(([field]) => ({ field, reason: 'must be a real calendar date written YYYY-MM-DD' }));
    if (!errors.length && from > to) errors.push({ field: 'from', reason: 'must be on or before to' });
    if (!errors.length && monthsBetween(from, to).length > 120)
      errors.push({ field: 'from', reason: 'the range may span at most 10 years' });
    const department = q.department?.trim() || null;
    // A department is a name: one holding an ID number (15-digit first-generation ones too) is refused, never echoed.
    if (department && scrubAllIdNumbers(department) !== department)
      errors.push({ field: 'department', reason: 'must be a department name, not an ID number' });
    if (errors.length) throw new ValidationFailed(errors);
    return {
      from,
      to,
      allowed: q.workingDays ?? this.config.timelyWorkingDays,
      department,
      types: typesOfGroup(q.recordGroup),
    };
  }

  private async late(
    db: Queryable,
    from: string,
    to: string,
    department: string | null,
    allowed: number,
    types: readonly string[],
  ): Promise<LateRecord[]> {
    const out: LateRecord[] = [];
    for (const c of await this.intake.lateCandidates(from, to, department, allowed, db, types)) {
      const t = timelinessOf(c.decisionDate, c.receivedOn, allowed, this.config.calendar);
      if (!t.timely)
        out.push({ kind: 'late', ...c, deadline: t.deadline, workingDays: t.workingDays, allowedWorkingDays: allowed });
    }
    return out;
  }

  /** Every figure from one snapshot of the database (QualityStore.snapshot): an import committing meanwhile is in all or none. */
  async statistics(q: RangeQuery) {
    const { from, to, allowed, department, types } = this.range(q);
    const months = monthsBetween(from, to);
    const [mFrom, mTo] = [monthBounds(months[0]).from, monthBounds(months[months.length - 1]).to];
    const { accepted, refused, late, ledgers, codes } = await this.store.snapshot(async (db) => ({
      accepted: await this.intake.accepted(mFrom, mTo, from, to, department, db, types),
      refused: await this.intake.refused(mFrom, mTo, from, to, department, db, types),
      late: await this.late(db, from, to, department, allowed, types),
      ledgers: await this.store.ledgers(months, department, db),
      codes: await this.codes(db, department),
    }));
    const counts = departmentCounts(months, accepted, refused, late, ledgers);
    const departments: DepartmentQuality[] = counts.map(departmentQuality);
    return {
      from,
      to,
      department,
      generatedAt: this.clock.now().toISOString(),
      parameters: {
        recordTypes: types,
        timelyWorkingDays: allowed,
        timelyWorkingDaysDefault: DEFAULT_TIMELY_WORKING_DAYS,
        timelyWorkingDaysSource:
          'local parameter (QUALITY_TIMELY_WORKING_DAYS, or ?workingDays=), to be confirmed against the 双公示 rules in force (7 个工作日 for licences and penalties: 发改办财金〔2018〕424号); the same deadline is applied, as a local parameter, to 行政强制、行政奖励、行政确认、行政裁决、行政监督检查, for which no national deadline was read',
        workingCalendar: `Monday to Friday, ${this.config.calendar.holidays?.size ?? 0} statutory holidays and ${this.config.calendar.workdays?.size ?? 0} weekend working days configured (QUALITY_HOLIDAYS, QUALITY_WORKDAYS)`,
      },
      definitions: DEFINITIONS,
      totals: totalQuality(counts),
      departments,
      codes,
    };
  }

  private async codes(db: Queryable, department: string | null): Promise<CodeQuality> {
    const seen = await this.codesSeen(db, department);
    const q = codeQuality(seen.pairs, seen.wrong);
    const per10k = seen.population ? Math.round((q.offending / seen.population) * 10_000 * 100) / 100 : null;
    return { ...q, codes: seen.population, per10k, withinTarget: per10k === null ? null : per10k < q.targetPer10k };
  }

  /**
   * Codes for the 重错码 rate: the number of distinct codes seen (registered organisations, codes reported
   * with records, codes refused), and the candidate (code, name) pairs — codes under more than one name as
   * written, names (NFKC, no spaces) under more than one code; the exact test is codeQuality().
   * With a department: the codes of its records' subjects, of its receipts and of the rows it had refused.
   */
  private async codesSeen(
    db: Queryable,
    department: string | null,
  ): Promise<{ population: number; pairs: { code: string; name: string }[]; wrong: string[] }> {
    const scope = department === null ? null : await this.intake.subjectIdsOf(department, db);
    const pairs = [
      ...(await this.subjects.codedNames(scope, db)),
      ...(await this.intake.reportedNames(department, db)),
    ];
    const wrong = await this.intake.wrongCodes(department, db);
    const population = new Set([...pairs.map((p) => p.code), ...wrong]).size;
    return { population, pairs: await this.store.nameCandidates(pairs, db), wrong };
  }

  /** The refused rows (outstanding) then the late records, paged; both read from one snapshot. */
  async failures(
    q: FailuresQuery,
  ): Promise<{ total: number; limit: number; offset: number; items: (RefusedFailure | LateRecord)[] }> {
    const { from, to, allowed, department, types } = this.range(q);
    const [rows, late] = await this.store.snapshot(
      async (db) =>
        [
          q.kind === 'late' ? [] : await this.intake.refusedRows(from, to, department, db, types),
          q.kind === 'refused' ? [] : await this.late(db, from, to, department, allowed, types),
        ] as const,
    );
    const refused: RefusedFailure[] = rows.map((r) => ({
      kind: 'refused',
      ...r,
      rejectedAt: new Date(r.rejectedAt).toISOString(),
    }));
    const all = [...refused, ...late];
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    return { total: all.length, limit, offset, items: all.slice(offset, offset + limit) };
  }

  async declare(
    department: string,
    period: string,
    declared: number,
    note: string | null,
    by: string | null,
    audit?: PendingAudit,
  ): Promise<LedgerView> {
    const dept = department.trim();
    const errors = [];
    if (!dept || dept.length > 200)
      errors.push({ field: 'department', reason: 'must be 1 to 200 characters (数据来源单位, as in credit records)' });
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    else if (/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(dept))
      errors.push({ field: 'department', reason: 'must not contain control characters or unpaired surrogates' });
    else if (scrubAllIdNumbers(dept) !== dept)
      errors.push({ field: 'department', reason: 'must be a department name, not an ID number' });
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
      errors.push({ field: 'period', reason: 'must be a month written YYYY-MM' });
    if (errors.length) throw new ValidationFailed(errors);
    return view(
      await this.store.declare(dept, period, declared, note === null ? null : scrubIdNumbers(note), by, audit),
    );
  }

  async ledgers(q: RangeQuery): Promise<{ items: LedgerView[] }> {
    const { from, to, department } = this.range(q);
    return { items: (await this.store.ledgers(monthsBetween(from, to), department)).map(view) };
  }
}

/** A ledger as answered: its time as an ISO 8601 string. */
type LedgerView = Omit<LedgerRow, 'updatedAt'> & { readonly updatedAt: string };
const view = (l: LedgerRow): LedgerView => ({ ...l, updatedAt: new Date(l.updatedAt).toISOString() });

/** Per department: counts in [from, to] and, for the months it declared, what arrived in those whole months. */
function departmentCounts(
  months: readonly string[],
  accepted: readonly PeriodCount[],
  refused: readonly PeriodCount[],
  late: readonly LateRecord[],
  ledgers: readonly LedgerRow[],
): DepartmentCounts[] {
  const names = [...new Set([...accepted, ...refused, ...ledgers].map((x) => x.department))].sort();
  const sum = (rows: readonly PeriodCount[], dept: string, pick: (r: PeriodCount) => boolean) =>
    rows.filter((r) => r.department === dept && pick(r)).reduce((s, r) => s + r.n, 0);
  return names.map((department) => {
    const declared = ledgers.filter((l) => l.department === department);
    const periods = declared.map((l) => l.period);
    const inDeclared = (r: PeriodCount) => periods.includes(r.period);
    return {
      department,
      accepted: sum(accepted, department, (r) => r.inRange),
      refused: sum(refused, department, (r) => r.inRange),
      late: late.filter((l) => l.department === department).length,
      ledger: {
        periods,
        declared: declared.reduce((s, l) => s + l.declared, 0),
        received: sum(accepted, department, inDeclared) + sum(refused, department, inDeclared),
      },
      undeclaredPeriods: months.filter((m) => !periods.includes(m)),
    };
  });
}
