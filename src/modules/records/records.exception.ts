import { DomainError, NotFound } from '../../common/problem';

/** Error codes of the records feature (信用记录). */
export const RECORD_ERRORS = {
  NOT_FOUND: 'RECORD_NOT_FOUND',
  ALREADY_REVOKED: 'RECORD_ALREADY_REVOKED',
  REPAIR_NOTICE_NOT_APPLICABLE: 'REPAIR_NOTICE_NOT_APPLICABLE',
} as const;

export class RecordNotFound extends NotFound {
  constructor(id: string) {
    super(RECORD_ERRORS.NOT_FOUND, `No credit record (信用记录) with id ${id}.`);
  }
}

/** A record that has no credit repair (licences, red lists, tax levels…): no repair notice. */
export class RepairNoticeNotApplicable extends NotFound {
  constructor() {
    super(
      RECORD_ERRORS.REPAIR_NOTICE_NOT_APPLICABLE,
      'This record has no credit repair (无需信用修复): only penalties and dishonesty listings do.',
    );
  }
}

export class RecordAlreadyRevoked extends DomainError {
  constructor(id: string, revokedAt: string | null) {
    super(
      409,
      RECORD_ERRORS.ALREADY_REVOKED,
      'Record already revoked (记录已撤销)',
      `Credit record ${id} was revoked on ${revokedAt ?? 'an earlier date'}.`,
      [{ field: 'id', reason: 'already revoked' }],
    );
  }
}
