import type { DataSource, QueryRunner } from 'typeorm';
import { entryHash, GENESIS_HASH, type ChainFields, type RenderedBodies } from './audit-chain';
import { PreparedEntry, viewOf, viewOfRow } from './audit-entry';
import { AuditIdConflict } from './audit.exception';
import type { AuditAppendResult, AuditEntryView } from './audit.types';
import { chainHead, insertEntries, lockChain, storedEntries } from './audit.store';

const idemKey = (caller: string | null, key: string) => `${caller ?? ''}\u0000${key}`;

/**
 * One batch, one transaction: lock, read the chain head, drop what is already recorded, chain the rest
 * in order, one multi-row INSERT, COMMIT. Answers one result (or a per-entry refusal) per input entry,
 * in order. Throws when the transaction fails: then nothing of the batch was written.
 */
export async function commitBatch(
  ds: DataSource,
  entries: readonly PreparedEntry[],
): Promise<Array<AuditAppendResult | Error>> {
  const qr = ds.createQueryRunner();
  try {
    await qr.connect();
    await qr.startTransaction();
    try {
      const results = await chainAndInsert(qr, entries);
      await qr.commitTransaction();
      return results;
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw err;
    }
  } finally {
    await qr.release();
  }
}

async function chainAndInsert(
  qr: QueryRunner,
  entries: readonly PreparedEntry[],
): Promise<Array<AuditAppendResult | Error>> {
  // The head is read by a later statement than the lock: under READ COMMITTED each statement takes a fresh
  // snapshot, so it sees every batch committed before the lock was granted.
  await lockChain(qr);
  const head = await chainHead(qr);
  const { byKey, byId } = await existing(qr, entries);
  let seq = head ? Number(head.seq) : 0;
  let prev = head ? head.hash : GENESIS_HASH;
  const rows: string[] = [];
  const written: string[] = [];
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
    written.push(e.id);
    results.push({ duplicate: false, entry });
    byId.set(e.id, entry);
    if (key !== null) byKey.set(key, entry);
    prev = hash;
  }
  // Only the entries written now settle their outbox rows: a duplicate's rows (staged after its entry was
  // chained, e.g. by the sweep) stay for the sweep to chain as a follow-up.
  if (rows.length) await insertEntries(qr, `[${rows.join(',')}]`, written);
  return results;
}

/** One row as JSON for the INSERT: the request and response as the canonical texts already written (valid JSON). */
function rowJson(f: ChainFields, prev: string, hash: string, rendered?: RenderedBodies): string {
  if (!rendered) return JSON.stringify({ ...f, prev_hash: prev, hash });
  const { request: _request, response: _response, ...rest } = f;
  const head = JSON.stringify({ ...rest, prev_hash: prev, hash });
  return `${head.slice(0, -1)},"request":${rendered.request},"response":${rendered.response}}`;
}

/** Entries already stored under one of the batch's idempotency keys or ids (read inside the lock, one query). */
async function existing(qr: QueryRunner, entries: readonly PreparedEntry[]) {
  const byKey = new Map<string, AuditEntryView>();
  const byId = new Map<string, AuditEntryView>();
  const keyed = entries.filter((e) => e.idempotency_key !== null);
  const stored = await storedEntries(
    qr,
    entries.map((e) => e.id),
    keyed.map((e) => ({ caller: e.caller ?? '', key: e.idempotency_key })),
  );
  for (const r of stored) {
    const v = viewOfRow(r);
    byId.set(v.id, v);
    if (v.idempotencyKey !== null) byKey.set(idemKey(v.caller, v.idempotencyKey), v);
  }
  return { byKey, byId };
}
