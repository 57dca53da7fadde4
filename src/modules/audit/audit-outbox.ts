/**
 * The audit entry a change of record will become: chosen before the change (AuditedInterceptor), handed
 * down to the code that writes the change, so that its transaction can leave an outbox row for it.
 */
export interface PendingAudit {
  readonly entryId: string;
  readonly kind: string;
  readonly caller: string | null;
  readonly operator: string | null;
  /** What was asked, as the entry records it (method, path, SHA-256 of the body). */
  readonly request: Record<string, unknown>;
}

/** One committed change waiting for its entry (a row of audit_outbox). */
export interface OutboxChange {
  readonly subjectIds: readonly string[];
  /** What was changed, as the interrupted entry will say it (record ids, keys, statuses). */
  readonly change: Record<string, unknown>;
}

/** Outbox rows older than the grace, grouped by the entry they wait for (audit.store.ts strandedEntries). */
export interface StrandedEntry {
  readonly entry_id: string;
  readonly kind: string;
  readonly caller: string | null;
  readonly operator: string | null;
  readonly subject_ids: string[];
  readonly request: Record<string, unknown>;
  readonly changes: Record<string, unknown>[];
  readonly first_at: Date;
  /** The entry is in the chain already (it was swept, then its request committed more): chain these as a follow-up. */
  readonly in_chain: boolean;
  readonly row_ids: string[];
}
