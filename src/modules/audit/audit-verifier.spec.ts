import { AUDIT_ALGORITHM, entryHash, GENESIS_HASH } from './audit-chain';
import type { AuditRow } from './audit-entry';
import { AuditVerifier, SqlRunner } from './audit-verifier';

/** A chain of n rows, built as the writer builds it. */
function chain(n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const f = {
      seq,
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      kind: 'check',
      caller: 'c',
      operator: null,
      scenario: 'tendering',
      subject_ids: [],
      idempotency_key: null,
      request_hash: null,
      request: { n: seq, x: [1.5, '中'] },
      response: { ok: true },
      pack_versions: {},
      created_at: new Date(Date.UTC(2026, 10, 28, 0, 0, seq)).toISOString(),
      algorithm: AUDIT_ALGORITHM,
    };
    const hash = entryHash(prev, f);
    rows.push({ ...f, seq: String(seq), prev_hash: prev, hash });
    prev = hash;
  }
  return rows;
}

/** The three statements the verifier runs, over an array standing in for the table. */
function runner(rows: AuditRow[]): SqlRunner {
  // eslint-disable-next-line @typescript-eslint/require-await -- a stub of an async runner: a throw must reject
  return async (sql, params = []) => {
    const sorted = [...rows].sort((a, b) => Number(a.seq) - Number(b.seq));
    if (/WHERE seq > \$1 ORDER BY seq LIMIT \$2/.test(sql))
      return sorted.filter((r) => Number(r.seq) > Number(params[0])).slice(0, Number(params[1]));
    if (/WHERE seq = \$1/.test(sql)) return sorted.filter((r) => Number(r.seq) === Number(params[0]));
    if (/WHERE hash = \$1/.test(sql)) return sorted.filter((r) => r.hash === params[0]).slice(0, 1);
    throw new Error(`unexpected SQL ${sql}`);
  };
}

const verify = (rows: AuditRow[], fromSeq?: number) => new AuditVerifier(runner(rows), 3).verify({ fromSeq });

describe('AuditVerifier', () => {
  it('accepts an intact chain across pages, from the start or from any seq', async () => {
    const rows = chain(10);
    expect(await verify(rows)).toMatchObject({ valid: true, entries: 10, head: { seq: 10, hash: rows[9].hash } });
    expect(await verify(rows, 6)).toMatchObject({ valid: true, entries: 5, fromSeq: 6 });
    expect(await verify([])).toMatchObject({ valid: true, entries: 0, head: null });
  });

  it('names an altered entry', async () => {
    const rows = chain(8);
    rows[4] = { ...rows[4], response: { ok: false } };
    expect((await verify(rows)).firstInvalid).toMatchObject({ seq: 5, id: rows[4].id, problem: 'altered' });
  });

  it('names a removed entry by its seq, and a removed first entry', async () => {
    const rows = chain(8);
    expect((await verify(rows.filter((r) => r.seq !== '4'))).firstInvalid).toMatchObject({
      seq: 4,
      id: null,
      problem: 'removed',
    });
    expect((await verify(rows.slice(1))).firstInvalid).toMatchObject({ seq: 1, problem: 'removed' });
    expect(
      (
        await verify(
          rows.filter((r) => r.seq !== '4'),
          5,
        )
      ).firstInvalid,
    ).toMatchObject({ seq: 4, problem: 'removed' });
  });

  it('names removal with renumbering (no gap) as removed', async () => {
    const rows = chain(8)
      .filter((r) => r.seq !== '4')
      .map((r) => (Number(r.seq) > 4 ? { ...r, seq: String(Number(r.seq) - 1) } : r));
    expect((await verify(rows)).firstInvalid).toMatchObject({ seq: 4, problem: 'removed' });
  });

  it('names swapped entries as reordered', async () => {
    const rows = chain(8);
    rows[2] = { ...rows[2], seq: '4' };
    rows[3] = { ...rows[3], seq: '3' };
    expect((await verify(rows)).firstInvalid).toMatchObject({ seq: 3, id: rows[3].id, problem: 'reordered' });
  });

  it('names an entry slipped in between (later entries renumbered) as inserted', async () => {
    const rows = chain(8);
    const forgedFields = {
      ...rows[3],
      seq: 4,
      id: '00000000-0000-4000-8000-999999999999',
      request: { forged: true },
      created_at: new Date(rows[3].created_at).toISOString(),
    };
    const forged: AuditRow = {
      ...forgedFields,
      seq: '4',
      prev_hash: rows[2].hash,
      hash: entryHash(rows[2].hash, forgedFields),
    };
    const shifted = rows.map((r) => (Number(r.seq) >= 4 ? { ...r, seq: String(Number(r.seq) + 1) } : r));
    expect((await verify([...shifted, forged])).firstInvalid).toMatchObject({
      seq: 4,
      id: forged.id,
      problem: 'inserted',
    });
  });

  it('names an entry whose algorithm is unknown as altered', async () => {
    const rows = chain(3);
    rows[1] = { ...rows[1], algorithm: 'md5' };
    expect((await verify(rows)).firstInvalid).toMatchObject({ seq: 2, problem: 'altered' });
  });
});
