/**
 * Industry membership (行业归属, 分行业监管): which industries supervise a subject at an instant T, and why.
 * A tier pack tiers only the subjects of its industry; a subject outside it has no tier there.
 *
 * A subject belongs to a pack's industry at T when its kind is one the pack applies to and, unless a
 * department excluded it, one of these holds (each a basis, with its source and date):
 *   - `every_subject`: the pack supervises every subject of its kinds (tax: every taxpayer);
 *   - `record`: a record of the pack's industry and of a type the pack names (`membership.fromRecords`) is
 *     in force at T — a construction qualification, a food business licence, a fire inspection…;
 *   - `industry_code`: the subject's registered industry code (国民经济行业分类, GB/T 4754-2017) starts
 *     with one of the pack's `membership.industryCodes`;
 *   - `assigned`: the supervising department assigned it (an assignment in force at T, effect `member`).
 * An assignment of effect `excluded` in force at T takes the subject out whatever the other bases say
 * (a department that does not supervise a hotel its code would put in). Pure: same inputs, same answer.
 */
import { inForceAt } from '../facts/derive-facts';
import type { FactRecord, RecordType } from '../facts/record.types';
import type { Industry, SubjectKind } from '../shared/facts.catalogue';

/** How a pack says which subjects its industry supervises (pack.json `membership`). */
export interface PackMembership {
  /** Every subject of the pack's kinds (tax: every taxpayer). */
  readonly everySubject?: boolean;
  /** Records of the pack's industry, of these types, in force at T make a subject a member. */
  readonly fromRecords?: readonly RecordType[];
  /** GB/T 4754-2017 code prefixes (门类 letter, then 大类/中类/小类 digits): E47, H61, F5251. */
  readonly industryCodes?: readonly string[];
  /** Id of the pack's legal source that decides who the industry supervises. */
  readonly source: string;
  readonly note?: string;
  readonly noteZh?: string;
}

/** What a membership needs of the pack. */
export interface MembershipPack {
  readonly industry: Industry;
  readonly appliesTo: readonly SubjectKind[];
  /** Absent (packs written before 分行业): every subject of its kinds, as then. */
  readonly membership?: PackMembership;
}

export const ASSIGNMENT_EFFECTS = ['member', 'excluded'] as const;
export type AssignmentEffect = (typeof ASSIGNMENT_EFFECTS)[number];

/** A department's decision that a subject is (or is not) one it supervises, from `since` until `until` (exclusive). */
export interface IndustryAssignment {
  readonly id?: string;
  readonly industry: string;
  readonly effect: AssignmentEffect;
  /** 'YYYY-MM-DD' */
  readonly since: string;
  /** 'YYYY-MM-DD', exclusive; null (or absent) = open. */
  readonly until?: string | null;
  readonly reason?: string;
}

export interface MembershipSubject {
  readonly kind: SubjectKind;
  /** GB/T 4754-2017 code of its registration (letter + up to 4 digits), or null. */
  readonly industryCode?: string | null;
  readonly registeredOn?: string | null;
}

export const MEMBERSHIP_SOURCES = ['every_subject', 'record', 'industry_code', 'assigned'] as const;
export type MembershipSource = (typeof MEMBERSHIP_SOURCES)[number];

/** One reason a subject belongs to an industry. */
export interface MembershipBasis {
  readonly source: MembershipSource;
  /** Since when the basis holds ('YYYY-MM-DD'), when known: a record's decision date, the registration date, an assignment's start. */
  readonly since: string | null;
  readonly recordId?: string;
  readonly recordType?: RecordType;
  readonly industryCode?: string;
  readonly assignmentId?: string;
  readonly reason?: string;
}

/** Why a subject is not a member: its kind, no basis, or a department's exclusion. */
export type OutsideReason = 'kind' | 'no-basis' | 'excluded';

export interface Membership {
  readonly industry: Industry;
  readonly member: boolean;
  /** The bases that make it a member (also listed, for the record, when an exclusion overrides them). */
  readonly bases: readonly MembershipBasis[];
  readonly outside?: OutsideReason;
  /** The exclusion in force, when `outside` is 'excluded'. */
  readonly excludedBy?: MembershipBasis;
}

/** GB/T 4754-2017: a section letter A–T, then 2, 3 or 4 digits (大类, 中类, 小类). */
const INDUSTRY_CODE = /^[A-T](\d{2}(\d{1,2})?)?$/;

/** Why `v` is not a GB/T 4754-2017 industry code, or undefined. */
export function industryCodeProblem(v: unknown): string | undefined {
  if (typeof v !== 'string') return 'must be a string';
  if (!INDUSTRY_CODE.test(v))
    return 'must be a GB/T 4754-2017 code: a section letter A–T, optionally followed by 2, 3 or 4 digits (e.g. E4710, H61)';
  return undefined;
}

const inForce = (a: IndustryAssignment, t: string): boolean =>
  a.since <= t && (a.until === null || a.until === undefined || t < a.until);

/** The assignment of `industry` that holds at T: the latest started; on a tie, an exclusion. */
export function assignmentAt(
  assignments: readonly IndustryAssignment[],
  industry: string,
  t: string,
): IndustryAssignment | undefined {
  let best: IndustryAssignment | undefined;
  for (const a of assignments) {
    if (a.industry !== industry || !inForce(a, t)) continue;
    if (!best || a.since > best.since || (a.since === best.since && a.effect === 'excluded')) best = a;
  }
  return best;
}

const assignedBasis = (a: IndustryAssignment): MembershipBasis => ({
  source: 'assigned',
  since: a.since,
  ...(a.id === undefined ? {} : { assignmentId: a.id }),
  ...(a.reason === undefined ? {} : { reason: a.reason }),
});

/** Does the subject belong to the pack's industry at `asOf`, and on what bases? */
export function membershipIn(
  pack: MembershipPack,
  subject: MembershipSubject,
  records: readonly FactRecord[],
  assignments: readonly IndustryAssignment[],
  asOf: string,
): Membership {
  const industry = pack.industry;
  if (!pack.appliesTo.includes(subject.kind)) return { industry, member: false, bases: [], outside: 'kind' };
  const m = pack.membership;
  const bases: MembershipBasis[] = [];
  if (!m || m.everySubject) bases.push({ source: 'every_subject', since: null });
  const types = m?.fromRecords ?? [];
  if (types.length > 0) {
    for (const r of records) {
      if (r.industry !== industry || !types.includes(r.type) || !inForceAt(r, asOf)) continue;
      bases.push({
        source: 'record',
        since: r.decisionDate,
        recordType: r.type,
        ...(r.id === undefined ? {} : { recordId: r.id }),
      });
    }
  }
  const code = subject.industryCode?.toUpperCase();
  const prefix = code ? m?.industryCodes?.find((c) => code.startsWith(c.toUpperCase())) : undefined;
  if (code && prefix) bases.push({ source: 'industry_code', since: subject.registeredOn ?? null, industryCode: code });
  const assignment = assignmentAt(assignments, industry, asOf);
  if (assignment?.effect === 'member') bases.push(assignedBasis(assignment));
  if (assignment?.effect === 'excluded')
    return { industry, member: false, bases, outside: 'excluded', excludedBy: assignedBasis(assignment) };
  return bases.length > 0 ? { industry, member: true, bases } : { industry, member: false, bases, outside: 'no-basis' };
}
