import { expect } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { TierBatch } from '../../src/modules/tiering/tier-batch';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { seed, touchTenth } from '../../bench/tiering-seed';
import type { TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';

/**
 * The batch run (keyset pages read as id ranges, a subject's records walked once for all its industries) stores
 * exactly what the per-subject path stores — the path a record change takes (records by id, a comparison per
 * subject): after a batch run, recomputing every subject one chunk at a time writes nothing, whatever changed
 * before the run (new records, revocations, a department's exclusion and assignment, an industry code). Pages of
 * 7 subjects cross many page boundaries. The clock is pinned; the file has a database of its own.
 */
describe('batch tiering: the fast path stores what the per-subject path would', () => {
  let t: TestApp;
  let ds: DataSource;
  let tiering: TieringService;
  let ids: string[];
  const today = '2026-11-28';

  beforeAll(async () => {
    t = await startIsolatedTestApp();
    t.app.get(Clock).pin(`${today}T04:00:00Z`);
    t.app.get(TierBatch).pageSize = 7;
    ds = t.app.get(DataSource);
    tiering = t.app.get(TieringService);
    await seed(ds, 150, today);
    ids = (await rows<{ id: string }>(`SELECT id FROM subjects ORDER BY id`)).map((r) => r.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const rows = <T>(sql: string, params: unknown[] = []): Promise<T[]> => ds.query(sql, params);
  const count = async (sql: string, params: unknown[] = []) => (await rows<{ n: number }>(sql, params))[0].n;
  /** Every subject through the per-subject path: what it would write after the batch. */
  const perSubject = () => tiering.recompute(ids, { trigger: 'per-subject' });
  const historyOf = (trigger: string) =>
    count(`SELECT count(*)::int AS n FROM credit_tier_history WHERE trigger = $1`, [trigger]);

  it('a first run stores every tier; the per-subject path then has nothing to write; a second run writes nothing', async () => {
    const first = await tiering.recomputeAll({ trigger: 'batch-1' });
    expect(first.subjects).toBe(150);
    expect(first.evaluations).toBeGreaterThanOrEqual(150); // every subject is a taxpayer, some also in other industries
    expect(first.changed).toBe(first.evaluations);
    expect(await historyOf('batch-1')).toBe(first.evaluations);
    const stored = await count(`SELECT count(*)::int AS n FROM credit_tiers`);
    expect(stored).toBe(first.evaluations);
    expect(await perSubject()).toEqual({ evaluations: first.evaluations, changed: 0, refreshed: 0 });
    expect(await tiering.recomputeAll({ trigger: 'batch-2' })).toMatchObject({ changed: 0, refreshed: 0 });
  });

  it('after new records, revocations, an exclusion, an assignment and an industry code, the run writes what the per-subject path would', async () => {
    const added = await touchTenth(ds, today);
    expect(added).toBeGreaterThan(0);
    await ds.query(
      `UPDATE credit_records SET status = 'revoked', revoked_at = $1::date, revocation_reason = 'test'
       WHERE id IN (SELECT id FROM credit_records WHERE type = 'penalty' ORDER BY id LIMIT 10)`,
      ['2026-11-01'],
    );
    const excluded = ids[3];
    const assigned = ids[40];
    await ds.query(
      `INSERT INTO subject_industries (subject_id, industry, effect, since, reason, decided_by)
       VALUES ($1, 'tax', 'excluded', '2026-01-01', 'not a taxpayer here', 'test'),
              ($2, 'fire_safety', 'member', '2026-01-01', 'supervised', 'test')`,
      [excluded, assigned],
    );
    await ds.query(`UPDATE subjects SET industry_code = 'C1411' WHERE id = $1`, [ids[77]]);
    const before: Array<{ k: string; tier: string }> = await ds.query(
      `SELECT subject_id || '/' || industry AS k, tier FROM credit_tiers`,
    );

    const run = await tiering.recomputeAll({ trigger: 'batch-3' });
    expect(run.changed).toBeGreaterThan(0);
    expect(await historyOf('batch-3')).toBe(run.changed);
    // The exclusion removed the tax tier (a history row with tier null), the assignment and the code gave tiers.
    const now: Array<{ k: string; tier: string }> = await ds.query(
      `SELECT subject_id || '/' || industry AS k, tier FROM credit_tiers`,
    );
    const keys = new Set(now.map((r) => r.k));
    expect(keys.has(`${excluded}/tax`)).toBe(false);
    expect(before.some((r) => r.k === `${excluded}/tax`)).toBe(true);
    expect(keys.has(`${assigned}/fire_safety`)).toBe(true);
    expect(keys.has(`${ids[77]}/food_drug`)).toBe(true);
    const removal = await rows(
      `SELECT tier, previous_tier FROM credit_tier_history WHERE subject_id = $1 AND industry = 'tax' AND trigger = 'batch-3'`,
      [excluded],
    );
    expect(removal).toEqual([{ tier: null, previous_tier: before.find((r) => r.k === `${excluded}/tax`)!.tier }]);
    // The per-subject path finds nothing left to write, and a run after finds nothing either.
    expect(await perSubject()).toEqual({ evaluations: run.evaluations, changed: 0, refreshed: 0 });
    expect(await tiering.recomputeAll({ trigger: 'batch-4' })).toMatchObject({ changed: 0, refreshed: 0 });
  });
});
