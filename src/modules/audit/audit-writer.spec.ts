import { Logger } from '@nestjs/common';
import { AUDIT_ALGORITHM } from './audit-chain';
import type { PreparedEntry } from './audit-entry';
import { GroupCommitWriter } from './audit-writer';
import { AuditUnavailable } from './audit.exception';
import type { AuditAppendResult } from './audit.types';

const entry = (n: number): PreparedEntry => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  kind: 'check',
  caller: null,
  operator: null,
  scenario: null,
  subject_ids: [],
  idempotency_key: null,
  request_hash: null,
  request: null,
  response: null,
  pack_versions: {},
  created_at: new Date(0).toISOString(),
  algorithm: AUDIT_ALGORITHM,
});
const ok = (e: PreparedEntry): AuditAppendResult => ({
  duplicate: false,
  entry: {
    ...e,
    seq: 1,
    subjectIds: [],
    idempotencyKey: null,
    requestHash: null,
    packVersions: {},
    createdAt: e.created_at,
    prevHash: '',
    hash: '',
  },
});

describe('GroupCommitWriter', () => {
  it('gathers the appends of one tick into one batch, and queues the rest behind the committing batch', async () => {
    const batches: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const writer = new GroupCommitWriter(async (b) => {
      batches.push(b.length);
      if (batches.length === 1) await gate;
      return b.map(ok);
    }, 100);
    const first = Array.from({ length: 30 }, (_, i) => writer.submit(entry(i)));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    const second = Array.from({ length: 250 }, (_, i) => writer.submit(entry(100 + i)));
    release();
    await Promise.all([...first, ...second]);
    expect(batches).toEqual([30, 100, 100, 50]);
    expect(writer.stats()).toMatchObject({ batches: 4, written: 280, largestBatch: 100, pending: 0 });
  });

  it('rejects every waiter of a failed batch with 503 AUDIT_UNAVAILABLE, and carries on', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    let fail = true;
    // eslint-disable-next-line @typescript-eslint/require-await -- a stub of an async flush: its throw must reject
    const writer = new GroupCommitWriter(async (b) => {
      if (fail) throw new Error('connection refused');
      return b.map(ok);
    });
    const failed = await Promise.allSettled([writer.submit(entry(1)), writer.submit(entry(2))]);
    for (const r of failed) {
      expect(r.status).toBe('rejected');
      const reason = (r as PromiseRejectedResult).reason as AuditUnavailable;
      expect(reason).toBeInstanceOf(AuditUnavailable);
      expect(reason.toProblem()).toMatchObject({ status: 503, code: 'AUDIT_UNAVAILABLE' });
    }
    fail = false;
    await expect(writer.submit(entry(3))).resolves.toMatchObject({ duplicate: false });
    expect(writer.stats()).toMatchObject({ failedBatches: 1, batches: 1, written: 1 });
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it('answers a per-entry refusal to that waiter only', async () => {
    const writer = new GroupCommitWriter((b) =>
      Promise.resolve(b.map((e, i) => (i === 0 ? new Error('refused') : ok(e)))),
    );
    const [a, b] = await Promise.allSettled([writer.submit(entry(1)), writer.submit(entry(2))]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('fulfilled');
  });

  it('idle() waits for every pending append', async () => {
    const writer = new GroupCommitWriter(async (b) => {
      await new Promise((r) => setTimeout(r, 20));
      return b.map(ok);
    });
    let done = 0;
    for (let i = 0; i < 5; i++) void writer.submit(entry(i)).then(() => (done += 1));
    await writer.idle();
    expect(done).toBe(5);
  });
});
