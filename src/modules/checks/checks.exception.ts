import { DomainError, NotFound } from '../../common/problem';

export class IdempotencyConflict extends DomainError {
  constructor() {
    super(
      422,
      'IDEMPOTENCY_KEY_REUSED',
      'Idempotency key reused with a different request (幂等键已用于不同请求)',
      'This Idempotency-Key was already used by this caller with a different request body; use a new key for a new check.',
      [{ field: 'Idempotency-Key', reason: 'was used with a different request body' }],
    );
  }
}

export class CheckNotFound extends NotFound {
  constructor(id: string) {
    super('CHECK_NOT_FOUND', `No check with id ${id} for this caller (未找到该核查记录).`);
  }
}

export class ApprovalSystemNotFound extends NotFound {
  constructor(system: string, known: readonly string[]) {
    super(
      'APPROVAL_SYSTEM_NOT_FOUND',
      `No integration for approval system "${system.slice(0, 100)}" (未对接该业务系统); known: ${known.join(', ')}.`,
    );
  }
}
