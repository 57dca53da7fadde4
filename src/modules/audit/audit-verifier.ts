import { entryHash, GENESIS_HASH } from './audit-chain';
import { AuditRow, chainFieldsOf } from './audit-entry';
import { CHAIN_READS } from './audit.store';
import type { ChainProblem, ChainReport } from './audit.types';

/** Runs one SQL statement: `DataSource#query`, a pg Client's query … (no NestJS needed). */
export type SqlRunner = (sql: string, params?: unknown[]) => Promise<unknown[]>;

export const VERIFY_PAGE = 1000;

type Invalid = NonNullable<ChainReport['firstInvalid']>;
interface Link {
  readonly seq: number;
  readonly id: string | null;
  readonly hash: string;
  readonly prevHash: string | null;
}

/**
 * Walks the chain in seq order, a page at a time, and recomputes every hash with the entry's own
 * algorithm. At each entry, in this order:
 * - a seq gap: `removed`, naming the first missing seq;
 * - prev_hash is not the predecessor's hash: `inserted` when it is the hash two back (the predecessor was
 *   slipped in), `reordered` when it is the hash of another entry, else `removed` (the predecessor is
 *   gone or was rewritten);
 * - its own hash does not match its fields: `altered`.
 * It stops at the first invalid entry. Rewriting the whole tail with fresh hashes is only caught
 * against an anchor kept elsewhere: the report's `head`.
 */
export class AuditVerifier {
  constructor(
    private readonly sql: SqlRunner,
    private readonly pageSize = VERIFY_PAGE,
  ) {}

  async verify(opts: { fromSeq?: number } = {}): Promise<ChainReport> {
    const started = Date.now();
    const fromSeq = Math.max(1, Math.floor(opts.fromSeq ?? 1));
    let entries = 0;
    let head: ChainReport['head'] = null;
    const done = (firstInvalid?: Invalid): ChainReport => ({
      valid: !firstInvalid,
      entries,
      fromSeq,
      head,
      ...(firstInvalid ? { firstInvalid } : {}),
      durationMs: Date.now() - started,
    });

    let prev: Link = { seq: 0, id: null, hash: GENESIS_HASH, prevHash: null };
    if (fromSeq > 1) {
      const [p] = (await this.sql(CHAIN_READS.predecessor, [fromSeq - 1])) as Array<{
        id: string;
        hash: string;
        prev_hash: string;
      }>;
      if (!p)
        return done({
          seq: fromSeq - 1,
          id: null,
          problem: 'removed',
          detail: `seq ${fromSeq - 1}, the predecessor of fromSeq, is missing`,
        });
      prev = { seq: fromSeq - 1, id: p.id, hash: p.hash, prevHash: p.prev_hash };
    }
    for (;;) {
      const rows = (await this.sql(CHAIN_READS.page, [prev.seq, this.pageSize])) as AuditRow[];
      for (const row of rows) {
        entries += 1;
        const problem = await this.check(row, prev);
        if (problem) return done(problem);
        prev = { seq: Number(row.seq), id: row.id, hash: row.hash, prevHash: row.prev_hash };
        head = { seq: prev.seq, hash: row.hash };
      }
      if (rows.length < this.pageSize) return done();
    }
  }

  private async check(row: AuditRow, prev: Link): Promise<Invalid | null> {
    const seq = Number(row.seq);
    const at = (problem: ChainProblem, detail: string, s = seq, id: string | null = row.id): Invalid => ({
      seq: s,
      id,
      problem,
      detail,
    });
    if (seq !== prev.seq + 1) {
      const missing = seq - 1 === prev.seq + 1 ? `seq ${prev.seq + 1} is` : `seq ${prev.seq + 1}..${seq - 1} are`;
      return at('removed', `${missing} missing (seq ${seq} follows seq ${prev.seq})`, prev.seq + 1, null);
    }
    if (row.prev_hash !== prev.hash) {
      if (prev.prevHash !== null && row.prev_hash === prev.prevHash) {
        return at(
          'inserted',
          `seq ${prev.seq} and seq ${seq} both claim the same predecessor: seq ${prev.seq} was inserted`,
          prev.seq,
          prev.id,
        );
      }
      const [other] = (await this.sql(CHAIN_READS.byHash, [row.prev_hash])) as Array<{ seq: string }>;
      if (other)
        return at(
          'reordered',
          `prev_hash of seq ${seq} is the hash of seq ${Number(other.seq)}, not of seq ${prev.seq}`,
        );
      return at(
        'removed',
        `prev_hash of seq ${seq} does not match the hash of seq ${prev.seq}: its predecessor was removed or rewritten`,
      );
    }
    let recomputed: string;
    try {
      recomputed = entryHash(row.prev_hash, chainFieldsOf(row));
    } catch (err) {
      return at('altered', err instanceof Error ? err.message : 'hash cannot be recomputed');
    }
    return recomputed === row.hash
      ? null
      : at('altered', `hash of seq ${seq} does not match its fields (${row.algorithm})`);
  }
}
