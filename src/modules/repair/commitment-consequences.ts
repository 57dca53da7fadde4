import {
  BREACH_CONSEQUENCES,
  DEFAULT_COMMITMENT_TYPE,
  type BreachConsequenceCode,
  type CommitmentType,
} from '../../rules/facts';
import type { CommitmentKind } from './dto/commitment-outcome.dto';

/** A consequence of a breach as answered: its basis and whether the service carried it out. */
export interface ConsequenceView {
  readonly code: BreachConsequenceCode;
  readonly zh: string;
  readonly basis: string;
  readonly basisStatus: string;
  readonly parameter: string | null;
  readonly carriedOut: boolean;
}

/**
 * What the service itself carries out of a breach: the record is negative information in force (credit_record);
 * the checks read it — every type counts in commitmentsBreachedUnrepaired, so notify-and-commit is denied
 * (measure no-notify-and-commit) and the 容缺受理 reward (accept-with-gaps) withheld until repaired; an approval
 * named with the outcome is revoked; a repair resting on a credit_repair commitment is voided (or its pending
 * application rejected). Public disclosure and the association's notice stay with the department.
 */
const ALWAYS: ReadonlySet<BreachConsequenceCode> = new Set([
  'credit_record',
  'notify_commit_barred',
  'gap_acceptance_barred',
]);

export function consequencesOf(
  type: CommitmentType,
  done: { approvalRevoked: boolean; repairVoided: boolean },
): ConsequenceView[] {
  return BREACH_CONSEQUENCES[type].map((c) => ({
    code: c.code,
    zh: c.zh,
    basis: c.basis,
    basisStatus: c.basisStatus,
    parameter: c.parameter ?? null,
    carriedOut:
      ALWAYS.has(c.code) ||
      (c.code === 'approval_revoked' && done.approvalRevoked) ||
      (c.code === 'repair_voided' && done.repairVoided),
  }));
}

/** Types whose breach revokes the approval given on the commitment (an approvalRecordId may come with it). */
export function revokesApproval(type: CommitmentType): boolean {
  return BREACH_CONSEQUENCES[type].some((c) => c.code === 'approval_revoked');
}

/** The filing kind (承诺方式) a type implies when the finding department does not give one. */
export function kindOf(type: CommitmentType | null): CommitmentKind {
  switch (type ?? DEFAULT_COMMITMENT_TYPE) {
    case 'credit_repair':
      return 'repair';
    case 'voluntary_disclosure':
    case 'industry_self_discipline':
      return 'voluntary';
    case 'notify_commit':
    case 'approval_substitute':
    case 'gap_acceptance':
      return 'notify_and_commit';
  }
}
