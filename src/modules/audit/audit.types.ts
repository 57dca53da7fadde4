import type { JsonValue } from '../../common/canonical-json';

/** What a feature hands to `AuditService.append`. Strings are plain text; request/response any JSON-like value. */
export interface AuditAppendInput {
  /** Entry id; for a check it is the check id. Default: a fresh UUID. */
  readonly id?: string;
  /** e.g. check, feedback, record.ingest, record.revoke, pack.publish, auth.refused */
  readonly kind: string;
  /** Calling system / API key name (调用方). */
  readonly caller?: string | null;
  /** Person acting in the calling system (经办人). */
  readonly operator?: string | null;
  readonly scenario?: string | null;
  readonly subjectIds?: readonly string[];
  /** With the caller, makes the append idempotent: a second append answers the first entry. */
  readonly idempotencyKey?: string | null;
  /** Hex SHA-256/SM3 (64 characters) of the caller's raw request, when the caller hashed it. */
  readonly requestHash?: string | null;
  readonly request?: unknown;
  readonly response?: unknown;
  /** Rule-pack versions the answer was computed with, e.g. {"food_drug": "1.2.0"}. */
  readonly packVersions?: Readonly<Record<string, string>>;
}

/** One audit entry as stored and answered (审计记录). */
export interface AuditEntryView {
  readonly seq: number;
  readonly id: string;
  readonly kind: string;
  readonly caller: string | null;
  readonly operator: string | null;
  readonly scenario: string | null;
  readonly subjectIds: string[];
  readonly idempotencyKey: string | null;
  readonly requestHash: string | null;
  readonly request: JsonValue;
  readonly response: JsonValue;
  readonly packVersions: JsonValue;
  readonly createdAt: string;
  readonly algorithm: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditAppendResult {
  /** True when (caller, idempotencyKey) or the id was already recorded: `entry` is the first one. */
  readonly duplicate: boolean;
  readonly entry: AuditEntryView;
}

export type ChainProblem = 'altered' | 'removed' | 'reordered' | 'inserted';

export interface ChainReport {
  readonly valid: boolean;
  /** Entries examined (the walk stops at the first invalid one). */
  readonly entries: number;
  readonly fromSeq: number;
  /** Last entry examined: publish or countersign its hash to anchor the chain's end. */
  readonly head: { seq: number; hash: string } | null;
  readonly firstInvalid?: { seq: number; id: string | null; problem: ChainProblem; detail: string };
  readonly durationMs: number;
}

export interface AuditWriterStats {
  /** Transactions committed (one per batch). */
  readonly batches: number;
  /** Entries written (duplicates not counted). */
  readonly written: number;
  readonly duplicates: number;
  /** Batches that failed (every waiter answered 503). */
  readonly failedBatches: number;
  readonly largestBatch: number;
  readonly pending: number;
  /** Sizes of the last 50 committed batches, oldest first. */
  readonly recentBatchSizes: number[];
}
