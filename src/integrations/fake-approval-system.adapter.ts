import { ApprovalSystemAdapter, MappedCheck, obj, type CheckRequestShape } from './approval-system.port';

/** Test double: passes a check request through unchanged (every field is its own origin), recording what it was given. */
export class FakeApprovalSystemAdapter extends ApprovalSystemAdapter {
  readonly system = 'fake';
  readonly description = 'Test double';
  readonly example = {};
  readonly received: unknown[] = [];

  toCheck(payload: unknown): MappedCheck {
    this.received.push(payload);
    return { request: obj(payload, 'body') as unknown as CheckRequestShape, origins: {} };
  }
}
