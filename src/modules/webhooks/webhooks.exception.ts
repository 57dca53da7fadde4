import { DomainError } from '../../common/problem';

/** The error codes of the webhooks module. */
export class WebhookNotFound extends DomainError {
  constructor(id: string) {
    super(
      404,
      'WEBHOOK_NOT_FOUND',
      'Webhook subscription not found (订阅不存在)',
      `No subscription ${id.slice(0, 64)}.`,
    );
  }
}
export class WebhookNameTaken extends DomainError {
  constructor(name: string) {
    super(409, 'WEBHOOK_NAME_TAKEN', 'Subscription name taken (订阅名称已存在)', `A subscription is named ${name}.`, [
      { field: 'name', reason: 'already taken' },
    ]);
  }
}
