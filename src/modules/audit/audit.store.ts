import type { Queryable } from '../../common/queryable';
import { AUDIT_COLUMNS, type AuditRow } from './audit-entry';
import type { OutboxChange, PendingAudit, StrandedEntry } from './audit-outbox';

/*
 * SQL of the audit trail's tables (audit_log, audit_outbox) apart from the API's reads (audit.queries.ts).
 * Every function runs on what it is given: the pool, a transaction's manager or its query runner.
 */

/** pg_advisory_xact_lock key that serialises audit writers across every instance ("audt"). */
export const AUDIT_LOCK_KEY = 0x61756474;

/** Inside a batch's transaction: wait for the chain's lock, held until COMMIT. */
export async function lockChain(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
}

/** The last entry of the chain, or null when it is empty. */
export async function chainHead(tx: Queryable): Promise<{ seq: string; hash: string } | null> {
  const head: Array<{ seq: string; hash: string }> = await tx.query(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  return head[0] ?? null;
}

/** Entries stored under one of `ids`, or under one of the (caller, idempotency key) pairs (one query). */
export async function storedEntries(
  tx: Queryable,
  ids: readonly string[],
  keys: ReadonlyArray<{ caller: string; key: string | null }>,
): Promise<AuditRow[]> {
  return await tx.query<AuditRow[]>(
    `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE id = ANY($1::uuid[])
     UNION ALL
     SELECT ${AUDIT_COLUMNS.replace(/(\w+)/g, 'a.$1')} FROM audit_log a
       JOIN unnest($2::text[], $3::text[]) AS k(k_caller, k_key) ON coalesce(a.caller, '') = k.k_caller AND a.idempotency_key = k.k_key`,
    [ids, keys.map((k) => k.caller), keys.map((k) => k.key)],
  );
}

/**
 * The batch's rows (a JSON array of objects named as the columns), and in the same statement the outbox rows
 * their entries settle (audit-outbox.ts).
 */
export async function insertEntries(tx: Queryable, rowsJson: string, entryIds: readonly string[]): Promise<void> {
  await tx.query(
    `WITH settled AS (DELETE FROM audit_outbox WHERE entry_id = ANY($2::uuid[]))
     INSERT INTO audit_log (${AUDIT_COLUMNS.replace(/\s+/g, ' ')})
     SELECT ${AUDIT_COLUMNS.replace(/\s+/g, ' ')} FROM jsonb_to_recordset($1::jsonb) AS x(seq bigint, id uuid, kind text,
       caller text, operator text, scenario text, subject_ids uuid[], idempotency_key text, request_hash text,
       request jsonb, response jsonb, pack_versions jsonb, created_at timestamptz, algorithm text, prev_hash text, hash text)
     ORDER BY seq`,
    [rowsJson, entryIds],
  );
}

/**
 * In the change's own transaction (the caller's manager): the outbox row that its entry — or, after a
 * crash, the sweep — settles. The one write other modules make to the trail's tables, through this function.
 */
export async function stageAuditChange(m: Queryable, pending: PendingAudit, c: OutboxChange): Promise<void> {
  await m.query(
    // clock_timestamp(), not now(): the grace counts from this statement, not from the start of a long transaction.
    `INSERT INTO audit_outbox (entry_id, kind, caller, operator, subject_ids, request, change, created_at)
     VALUES ($1, $2, $3, $4, $5::uuid[], $6::jsonb, $7::jsonb, clock_timestamp())`,
    [
      pending.entryId,
      pending.kind,
      pending.caller,
      pending.operator,
      [...new Set(c.subjectIds)],
      JSON.stringify(pending.request),
      JSON.stringify(c.change),
    ],
  );
}

/** Outbox rows older than `graceMs`, grouped by the entry they wait for (at most `limit` entries). */
export function strandedEntries(db: Queryable, graceMs: number, limit: number): Promise<StrandedEntry[]> {
  return db.query(
    `SELECT o.entry_id, min(o.kind) AS kind, min(o.caller) AS caller, min(o.operator) AS operator,
         (SELECT coalesce(array_agg(DISTINCT s), '{}') FROM audit_outbox o2, unnest(o2.subject_ids) AS s WHERE o2.entry_id = o.entry_id) AS subject_ids,
         (array_agg(o.request ORDER BY o.created_at))[1] AS request, jsonb_agg(o.change ORDER BY o.created_at) AS changes, min(o.created_at) AS first_at,
         EXISTS (SELECT 1 FROM audit_log a WHERE a.id = o.entry_id) AS in_chain, array_agg(o.id) AS row_ids
     FROM audit_outbox o
     GROUP BY o.entry_id
     HAVING max(o.created_at) < now() - make_interval(secs => $1::double precision / 1000.0)
     ORDER BY min(o.created_at)
     LIMIT $2`,
    [graceMs, limit],
  );
}

/** Outbox rows moved to another entry id (a follow-up of an entry already chained). */
export async function rekeyOutbox(db: Queryable, entryId: string, rowIds: readonly string[]): Promise<void> {
  await db.query(`UPDATE audit_outbox SET entry_id = $1 WHERE id = ANY($2::uuid[])`, [entryId, rowIds]);
}

/** Entries the outbox waits for, and its oldest row. */
export async function outboxCounts(db: Queryable): Promise<{ entries: number; oldest: Date | null }> {
  const [row]: { entries: string; oldest: Date | null }[] = await db.query(
    `SELECT count(DISTINCT entry_id) AS entries, min(created_at) AS oldest FROM audit_outbox`,
  );
  return { entries: Number(row?.entries ?? 0), oldest: row?.oldest ?? null };
}

/** The three reads of the chain verifier (audit-verifier.ts), over audit_log. */
export const CHAIN_READS = {
  /** The entry before fromSeq: $1 = seq. */
  predecessor: `SELECT id, hash, prev_hash FROM audit_log WHERE seq = $1`,
  /** A page of the chain: $1 = after this seq, $2 = page size. */
  page: `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
  /** The entry whose hash is $1. */
  byHash: `SELECT seq FROM audit_log WHERE hash = $1 LIMIT 1`,
} as const;

/** Runs one SQL statement on `db` (the verifier's SqlRunner, audit-verifier.ts). */
export const sqlRunnerOf =
  (db: Queryable) =>
  (sql: string, params?: unknown[]): Promise<unknown[]> =>
    db.query(sql, params);
