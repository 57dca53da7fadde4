import { DomainError, NotFound } from '../../common/problem';

/** Error codes of the subjects feature (信用主体). Details never carry an ID number. */
export const SUBJECT_ERRORS = {
  NOT_FOUND: 'SUBJECT_NOT_FOUND',
  EXISTS: 'SUBJECT_EXISTS',
} as const;

export class SubjectNotFound extends NotFound {
  constructor(what = 'No subject (信用主体) matches.') {
    super(SUBJECT_ERRORS.NOT_FOUND, what);
  }
}

/** 409: the code or ID number is already registered; `subjectId` names the existing subject. */
export class SubjectExists extends DomainError {
  constructor(subjectId: string, by: 'code' | 'idNumber') {
    super(
      409,
      SUBJECT_ERRORS.EXISTS,
      'Subject already registered (主体已登记)',
      by === 'code'
        ? 'A subject with this unified social credit code is already registered; see subjectId.'
        : 'A natural person with this ID number is already registered; see subjectId.',
      [{ field: by, reason: 'already registered' }],
      { subjectId },
    );
  }
}

/** 404: the subject has no open assignment to that industry to end. */
export class NoOpenAssignment extends NotFound {
  constructor(industry: string) {
    super(
      'INDUSTRY_ASSIGNMENT_NOT_FOUND',
      `The subject has no open assignment (行业归属认定) to ${industry} to end; membership by records or industry code is not ended here — record an exclusion (effect excluded) instead.`,
    );
  }
}
