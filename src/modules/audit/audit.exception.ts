import { DomainError, NotFound } from '../../common/problem';

/** Error codes of the audit trail (审计日志). */
export const AUDIT_ERRORS = {
  UNAVAILABLE: 'AUDIT_UNAVAILABLE',
  NOT_FOUND: 'AUDIT_ENTRY_NOT_FOUND',
  ID_CONFLICT: 'AUDIT_ID_CONFLICT',
  INVALID_ENTRY: 'AUDIT_ENTRY_INVALID',
} as const;

/** The entry could not be committed: the caller must answer 503, never a silent success. */
export class AuditUnavailable extends DomainError {
  constructor() {
    super(
      503,
      AUDIT_ERRORS.UNAVAILABLE,
      'Audit trail unavailable (审计日志不可用)',
      'The audit entry could not be recorded, so the answer is withheld; retry later.',
    );
  }
}

export class AuditEntryNotFound extends NotFound {
  constructor(id: string) {
    super(AUDIT_ERRORS.NOT_FOUND, `No audit entry (审计记录) with id ${id}.`);
  }
}

export class AuditIdConflict extends DomainError {
  constructor(id: string) {
    super(
      409,
      AUDIT_ERRORS.ID_CONFLICT,
      'Audit entry id already used (审计记录ID冲突)',
      `Audit entry ${id} already exists with another kind or caller.`,
      [{ field: 'id', reason: 'already used by another entry' }],
    );
  }
}

/** A programming error of the appending feature (bad kind, malformed UUID …): refused before it can spoil a batch. */
export class AuditEntryInvalid extends DomainError {
  constructor(field: string, reason: string) {
    super(500, AUDIT_ERRORS.INVALID_ENTRY, 'Audit entry refused (审计记录无效)', `${field}: ${reason}`, [
      { field, reason },
    ]);
  }
}
