import { DomainError, NotFound } from '../../common/problem';

/** Error codes of the special governance ledger (专项治理台账). */
export const GOVERNANCE_ERRORS = {
  NOT_FOUND: 'GOVERNANCE_ENTRY_NOT_FOUND',
  SUBJECT_NOT_FOUND: 'SUBJECT_NOT_FOUND',
  NO_PROPOSAL: 'GOVERNANCE_NO_PROPOSAL',
  ALREADY_OPEN: 'GOVERNANCE_ALREADY_OPEN',
  NOT_OPEN: 'GOVERNANCE_ENTRY_NOT_OPEN',
} as const;

export class GovernanceEntryNotFound extends NotFound {
  constructor(id: string) {
    super(GOVERNANCE_ERRORS.NOT_FOUND, `No governance ledger entry (专项治理台账条目) with id ${id}.`);
  }
}

/** 404 naming the field: the subject does not exist. */
export class GovernanceSubjectNotFound extends DomainError {
  constructor(subjectId: string) {
    super(
      404,
      GOVERNANCE_ERRORS.SUBJECT_NOT_FOUND,
      'Not found (未找到)',
      `No subject (信用主体) with id ${subjectId}.`,
      [{ field: 'subjectId', reason: 'no such subject' }],
    );
  }
}

/** 422: no open proposal of this subject and violation type today (threshold not met, or already decided). */
export class NoProposal extends DomainError {
  constructor(subjectId: string, violationType: string) {
    super(
      422,
      GOVERNANCE_ERRORS.NO_PROPOSAL,
      'No such governance proposal (无此治理对象建议)',
      `Subject ${subjectId} has no pending proposal for the violation type "${violationType}" today: the threshold is not met, or the proposal was already accepted or declined.`,
      [{ field: 'violationType', reason: 'no pending proposal of this subject for this violation type' }],
      { subjectId, violationType },
    );
  }
}

/** 409: the subject already has an open entry for this violation type. */
export class AlreadyOpen extends DomainError {
  constructor(subjectId: string, violationType: string | null) {
    super(
      409,
      GOVERNANCE_ERRORS.ALREADY_OPEN,
      'Already in the governance ledger (已在专项治理台账中)',
      `Subject ${subjectId} already has an open ledger entry${violationType ? ` for "${violationType}"` : ''}.`,
      [{ field: violationType ? 'violationType' : 'subjectId', reason: 'an open ledger entry exists' }],
      { subjectId },
    );
  }
}

/** 409: the entry has already exited. */
export class EntryNotOpen extends DomainError {
  constructor(id: string, status: string) {
    super(
      409,
      GOVERNANCE_ERRORS.NOT_OPEN,
      'The entry has already exited (该治理对象已退出)',
      `Ledger entry ${id} is ${status}: its exit is recorded once.`,
      [{ field: 'status', reason: `the entry is already ${status}` }],
      { id, entryStatus: status },
    );
  }
}
