import { ApprovalSystemAdapter, CheckRequestShape, obj } from './approval-system.port';

/** Test double: passes a check request through unchanged, recording what it was given. */
export class FakeApprovalSystemAdapter extends ApprovalSystemAdapter {
  readonly system = 'fake';
  readonly description = 'Test double';
  readonly received: unknown[] = [];

  toCheck(payload: unknown): CheckRequestShape {
    this.received.push(payload);
    return obj(payload, 'body') as unknown as CheckRequestShape;
  }
}
