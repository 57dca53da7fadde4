import type { DataSource } from 'typeorm';
import { entryHash, GENESIS_HASH, type ChainFields, type RenderedBodies } from './audit-chain';
import { PreparedEntry, viewOf, viewOfRow, type AuditRow } from './audit-entry';
import { AuditIdConflict } from './audit.exception';
import type { AuditAppendResult, AuditEntryView } from './audit.types';
import { appendBatch, begin, commit, rollback, type BatchSql, type ChainHead, type PgClient } from './audit.store';

const idemKey = (caller: string | null, key: string) => `${caller ?? ''}\u0000${key}`;

/** Optimistic attempts (one statement each) before a batch holds the lock across its round trips. */
const OPTIMISTIC_TRIES = 2;

/** What a writer believes the chain's head is after its last batch: undefined when it does not know. */
export interface HeadMemo {
  head?: ChainHead | null;
}

/**
 * One batch: chained on the head this writer last wrote, and appended in one statement (`appendBatch`: lock, check
 * the head and the batch's ids and keys, insert, commit — one round trip). If another instance appended meanwhile,
 * or some entry is already recorded, nothing was written and the answer says what is there: the batch is chained
 * again on it. After OPTIMISTIC_TRIES, or when the head is not known, the batch holds the lock in a transaction
 * while it chains (BEGIN, ask, append, COMMIT), so it cannot lose to a busier writer forever. Answers one result (or
 * a per-entry refusal) per input entry, in order. Throws when it failed: then nothing of the batch was written.
 */
export async function commitBatch(
  ds: DataSource,
  entries: readonly PreparedEntry[],
  sql: BatchSql = { named: true },
  memo: HeadMemo = {},
): Promise<Array<AuditAppendResult | Error>> {
  const qr = ds.createQueryRunner();
  let broken: Error | undefined;
  const known = new Known();
  try {
    // The connection's own `pg` client: named statements, no BEGIN / COMMIT round trips (audit.store.ts, PgClient).
    const client = (await qr.connect()) as PgClient;
    for (let attempt = 0; attempt < OPTIMISTIC_TRIES && memo.head !== undefined; attempt++) {
      const plan = chain(entries, memo.head, known);
      if (plan.rows.length === 0) return plan.results;
      const outcome = await appendBatch(client, sql, memo.head, plan.rowsJson, plan.ids, plan.keys);
      if (outcome.ok) {
        memo.head = plan.head;
        return plan.results;
      }
      memo.head = outcome.head;
      known.add(outcome.stored);
    }
    memo.head = undefined;
    await begin(client);
    try {
      const asked = await appendBatch(client, sql, undefined, '[]', ids(entries), keys(entries));
      if (asked.ok) throw new Error('audit_append wrote an unchained batch');
      known.add(asked.stored);
      const plan = chain(entries, asked.head, known);
      if (plan.rows.length) {
        const outcome = await appendBatch(client, sql, asked.head, plan.rowsJson, plan.ids, plan.keys);
        if (!outcome.ok) throw new Error('the audit chain moved while its lock was held');
      }
      await commit(client);
      memo.head = plan.head;
      return plan.results;
    } catch (err) {
      // A connection that cannot even roll back goes out of the pool, not back into it.
      await rollback(client).catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
      throw err;
    }
  } catch (err) {
    memo.head = undefined; // an outcome not known (a commit whose answer was lost): ask next time
    throw err;
  } finally {
    await (qr as unknown as { release(err?: Error): Promise<void> }).release(broken);
  }
}

const ids = (entries: readonly PreparedEntry[]) => entries.map((e) => e.id);
const keys = (entries: readonly PreparedEntry[]) =>
  entries.flatMap((e) => (e.idempotency_key === null ? [] : [{ caller: e.caller ?? '', key: e.idempotency_key }]));

/** Entries found recorded (the trail is append-only: once found, always there), by idempotency key and by id. */
class Known {
  readonly byKey = new Map<string, AuditEntryView>();
  readonly byId = new Map<string, AuditEntryView>();
  add(stored: readonly AuditRow[]): void {
    for (const r of stored) {
      const v = viewOfRow(r);
      this.byId.set(v.id, v);
      if (v.idempotencyKey !== null) this.byKey.set(idemKey(v.caller, v.idempotencyKey), v);
    }
  }
}

interface Plan {
  readonly results: Array<AuditAppendResult | Error>;
  readonly rows: readonly string[];
  readonly rowsJson: string;
  /** The entries to write: their ids and keys (what the append checks are not recorded yet). */
  readonly ids: string[];
  readonly keys: Array<{ caller: string; key: string }>;
  /** The head once they are written. */
  readonly head: ChainHead | null;
}

/** The batch chained in order on `head`, the entries known recorded (or repeated within the batch) left out. */
function chain(entries: readonly PreparedEntry[], head: ChainHead | null, known: Known): Plan {
  const byKey = new Map(known.byKey);
  const byId = new Map(known.byId);
  let seq = head ? head.seq : 0;
  let prev = head ? head.hash : GENESIS_HASH;
  const rows: string[] = [];
  const written: PreparedEntry[] = [];
  const results: Array<AuditAppendResult | Error> = [];
  for (const e of entries) {
    const key = e.idempotency_key === null ? null : idemKey(e.caller, e.idempotency_key);
    const first = (key !== null ? byKey.get(key) : undefined) ?? byId.get(e.id);
    if (first) {
      const same = first.id !== e.id || (first.kind === e.kind && first.caller === e.caller);
      results.push(same ? { duplicate: true, entry: first } : new AuditIdConflict(e.id));
      continue;
    }
    seq += 1;
    const { rendered, ...prepared } = e;
    const fields: ChainFields = { ...prepared, seq };
    const hash = entryHash(prev, fields, rendered);
    const entry = viewOf(fields, prev, hash);
    rows.push(rowJson(fields, prev, hash, rendered));
    written.push(e);
    results.push({ duplicate: false, entry });
    byId.set(e.id, entry);
    if (key !== null) byKey.set(key, entry);
    prev = hash;
  }
  // Only the entries written now settle their outbox rows: a duplicate's rows (staged after its entry was
  // chained, e.g. by the sweep) stay for the sweep to chain as a follow-up.
  return {
    results,
    rows,
    rowsJson: `[${rows.join(',')}]`,
    ids: ids(written),
    keys: keys(written),
    head: rows.length ? { seq, hash: prev } : head,
  };
}

/** One row as JSON for the INSERT: the request and response as the canonical texts already written (valid JSON). */
function rowJson(f: ChainFields, prev: string, hash: string, rendered?: RenderedBodies): string {
  if (!rendered) return JSON.stringify({ ...f, prev_hash: prev, hash });
  const { request: _request, response: _response, ...rest } = f;
  const head = JSON.stringify({ ...rest, prev_hash: prev, hash });
  return `${head.slice(0, -1)},"request":${rendered.request},"response":${rendered.response}}`;
}
