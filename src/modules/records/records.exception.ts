import { DomainError, NotFound } from '../../common/problem';

/** Error codes of the records feature (信用记录). */
export const RECORD_ERRORS = {
  NOT_FOUND: 'RECORD_NOT_FOUND',
  ALREADY_REVOKED: 'RECORD_ALREADY_REVOKED',
} as const;

export class RecordNotFound extends NotFound {
  constructor(id: string) {
    super(RECORD_ERRORS.NOT_FOUND, `No credit record (信用记录) with id ${id}.`);
  }
}

export class RecordAlreadyRevoked extends DomainError {
  constructor(id: string, revokedAt: string | null) {
    super(409, RECORD_ERRORS.ALREADY_REVOKED, 'Record already revoked (记录已撤销)', `Credit record ${id} was revoked on ${revokedAt ?? 'an earlier date'}.`, [
      { field: 'id', reason: 'already revoked' },
    ]);
  }
}

