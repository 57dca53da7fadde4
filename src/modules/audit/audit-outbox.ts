import type { EntityManager } from 'typeorm';

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

/** In the change's own transaction: the outbox row that its entry — or, after a crash, the sweep — settles. */
export async function stageAuditChange(m: EntityManager, pending: PendingAudit, c: OutboxChange): Promise<void> {
  await m.query(
    // clock_timestamp(), not now(): the grace counts from this statement, not from the start of a long transaction.
    `INSERT INTO audit_outbox (entry_id, kind, caller, operator, subject_ids, request, change, created_at)
     VALUES ($1, $2, $3, $4, $5::uuid[], $6::jsonb, $7::jsonb, clock_timestamp())`,
    [pending.entryId, pending.kind, pending.caller, pending.operator, [...new Set(c.subjectIds)], JSON.stringify(pending.request), JSON.stringify(c.change)],
  );
}

/** Outbox rows older than `graceMs`, grouped by the entry they wait for (at most `limit` entries). */
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

export const STRANDED_SQL = `
  SELECT o.entry_id, min(o.kind) AS kind, min(o.caller) AS caller, min(o.operator) AS operator,
         (SELECT coalesce(array_agg(DISTINCT s), '{}') FROM audit_outbox o2, unnest(o2.subject_ids) AS s WHERE o2.entry_id = o.entry_id) AS subject_ids,
         (array_agg(o.request ORDER BY o.created_at))[1] AS request, jsonb_agg(o.change ORDER BY o.created_at) AS changes, min(o.created_at) AS first_at,
         EXISTS (SELECT 1 FROM audit_log a WHERE a.id = o.entry_id) AS in_chain, array_agg(o.id) AS row_ids
  FROM audit_outbox o
  GROUP BY o.entry_id
  HAVING max(o.created_at) < now() - make_interval(secs => $1::double precision / 1000.0)
  ORDER BY min(o.created_at)
  LIMIT $2`;
