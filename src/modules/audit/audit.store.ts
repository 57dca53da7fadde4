import type { Queryable } from '../../common/queryable';
import { AUDIT_COLUMNS, type AuditRow } from './audit-entry';
import type { OutboxChange, PendingAudit, StrandedEntry } from './audit-outbox';

/*
 * SQL of the audit trail's tables (audit_log, audit_outbox) apart from the API's reads (audit.queries.ts).
 * Every function runs on what it is given: the pool, a transaction's manager or its query runner.
 */

/** pg_advisory_xact_lock key that serialises audit writers across every instance ("audt"; also in `audit_append`). */
export const AUDIT_LOCK_KEY = 0x61756474;

/**
 * The `pg` client of the connection a batch runs on. The batch talks to it directly: a named statement (parsed
 * once per connection), and no BEGIN / COMMIT of its own in the common case (one round trip a batch; measured
 * before: six statements, ≈ 0.4–0.8 ms each here, ≈ 2.8 ms a batch of one).
 */
export interface PgClient {
  query(q: string | { name?: string; text: string; values: unknown[] }): Promise<unknown>;
}

/**
 * A named statement on a PostgreSQL server; unnamed on the embedded database, where every connection is the
 * same one session (a second connection preparing the name again fails: "already exists").
 */
export interface BatchSql {
  readonly named: boolean;
}
const statement = (sql: BatchSql, name: string, text: string, values: unknown[]) =>
  sql.named ? { name, text, values } : { text, values };

export async function begin(c: PgClient): Promise<void> {
  await c.query('BEGIN');
}

export async function commit(c: PgClient): Promise<void> {
  await c.query('COMMIT');
}

export async function rollback(c: PgClient): Promise<void> {
  await c.query('ROLLBACK');
}

/** The chain's last entry as a writer chains on it; null: the chain is empty. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export type AppendOutcome =
  { readonly ok: true } | { readonly ok: false; readonly head: ChainHead | null; readonly stored: AuditRow[] };

/**
 * One batch in one statement: the function `audit_append` (migration AuditAppendFunction) takes the chain's lock
 * (AUDIT_LOCK_KEY), and inserts `rowsJson` (a JSON array of objects named as the columns, chained on `expected`)
 * and settles their outbox rows only if the chain's head is `expected` and none of `ids` / `keys` is stored yet.
 * Otherwise nothing is written and the answer carries the head and the stored entries. `expected` undefined: only
 * ask (never equal). Outside a transaction the statement commits on its own; inside one, the lock stays held.
 */
export async function appendBatch(
  c: PgClient,
  sql: BatchSql,
  expected: ChainHead | null | undefined,
  rowsJson: string,
  ids: readonly string[],
  keys: ReadonlyArray<{ caller: string; key: string }>,
): Promise<AppendOutcome> {
  const result = (await c.query(
    statement(sql, 'audit_append', 'SELECT audit_append($1, $2, $3::jsonb, $4::uuid[], $5::text[], $6::text[]) AS r', [
      expected === undefined ? -1 : (expected?.seq ?? null),
      expected === undefined ? '' : (expected?.hash ?? null),
      rowsJson,
      ids,
      keys.map((k) => k.caller),
      keys.map((k) => k.key),
    ]),
  )) as { rows: Array<{ r: { ok: boolean; seq?: number | null; hash?: string | null; stored?: AuditRow[] } }> };
  const r = result.rows[0].r;
  if (r.ok) return { ok: true };
  return {
    ok: false,
    head: r.seq === null || r.seq === undefined || !r.hash ? null : { seq: Number(r.seq), hash: r.hash },
    stored: r.stored ?? [],
  };
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
