import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import type { ProblemDetails } from '../../src/common/problem';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import type { Dto } from '../helpers/api-types';
import { http, type TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';
import { changedTables, snapshotTables, startIsolatedTestApp } from '../helpers/isolated-app';

/**
 * What a batch run's body may be, and stored tiers that agree with a live computation. The clock is pinned
 * and moved by the test, never read from the calendar: a run re-tiers every subject of the database, so the
 * file has a database of its own (isolated-app.ts).
 */
describe('batch tiering runs (批量分级) and the stored tiers they keep', () => {
  let t: TestApp;
  let clock: Clock;
  const source = `tiering-runs-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await startIsolatedTestApp();
    clock = t.app.get(Clock);
    clock.pin('2026-11-28T04:00:00Z');
  });
  afterAll(async () => {
    await t.close();
  });

  async function register(): Promise<{ id: string; code: string }> {
    const code = uscc();
    const res = await http<Dto<'SubjectResponse'>>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: `批量分级测试食品有限公司${code.slice(-4)}`,
      registeredOn: '2015-03-01',
      // 糕点、面包制造 (GB/T 4754-2017): a food business by its code, so tiered in food_drug (and in tax as every
      // taxpayer) with no food record in force (分行业, issue 15).
      industryCode: 'C1411',
    });
    expect(res.status).toBe(201);
    return { id: res.body.id, code };
  }
  async function record(code: string, body: Record<string, unknown>): Promise<void> {
    const res = await http(t.url, 'POST', '/api/v1/records', {
      source,
      decisionNumber: randomUUID(),
      subjectName: '批量分级测试食品有限公司',
      subjectCode: code,
      ...body,
    });
    expect(res.status).toBe(201);
    await t.app.get(TieringService).idle();
  }
  const stored = async (id: string, industry: string) => {
    const res = await http<Dto<'SubjectTiersDto'>>(t.url, 'GET', `/api/v1/subjects/${id}/tiers`);
    expect(res.status).toBe(200);
    return res.body.tiers.find((x) => x.industry === industry)!;
  };
  const history = async (id: string, industry: string) =>
    (await http<Dto<'TierHistoryDto'>>(t.url, 'GET', `/api/v1/subjects/${id}/tiers/history?industry=${industry}`)).body
      .items;

  it('a body that is not a JSON object (null, an array, a string, a number) is a 400 naming the body and runs nothing; no body runs everything', async () => {
    const s = await register();
    await record(s.code, {
      type: 'penalty',
      industry: 'food_drug',
      sector: 'food',
      severity: 'serious',
      penaltyTypes: ['fine'],
      fineAmount: 2,
      decisionDate: '2026-10-01',
    });
    const lowered = (await stored(s.id, 'food_drug')).tier;
    expect(lowered).not.toBe('A');

    // Years later every window of that penalty has closed: a run would change the stored tier.
    clock.pin('2030-06-01T04:00:00Z');
    const ds = t.app.get(DataSource);
    const before = await snapshotTables(ds);
    for (const body of ['null', '[]', '[{}]', '"run"', '42', 'true']) {
      const res = await http<ProblemDetails>(t.url, 'POST', '/api/v1/tiering/runs', body);
      expect({ body, status: res.status, type: res.headers.get('content-type') }).toEqual({
        body,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(res.body.errors).toEqual([{ field: 'body', reason: expect.stringContaining('must be a JSON object') }]);
    }
    expect(changedTables(before, await snapshotTables(ds))).toEqual([]);
    expect((await stored(s.id, 'food_drug')).tier).toBe(lowered);

    // No body at all (nothing sent, no content type) is the documented "run everything", as is {}.
    const run = await http<Dto<'TieringRunSummaryDto'>>(t.url, 'POST', '/api/v1/tiering/runs');
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ asOf: '2030-06-01', changed: expect.any(Number) });
    expect(run.body.changed).toBeGreaterThan(0);
    // Nothing left in force in food: the pack's default B for a subject without history (issue 14), not A. Still
    // a food business by its code, so still tiered there once its penalty is no longer in force.
    expect(await stored(s.id, 'food_drug')).toMatchObject({ tier: 'B', asOf: '2030-06-01' });
    expect((await http(t.url, 'POST', '/api/v1/tiering/runs', {})).body).toMatchObject({ changed: 0, refreshed: 0 });
    clock.pin('2026-11-28T04:00:00Z');
    await http(t.url, 'POST', '/api/v1/tiering/runs', {});
  });

  it('stored facts follow the live ones when a record changes a fact and not the tier (a second year of tax level A): refreshed without a history row', async () => {
    const s = await register();
    await record(s.code, {
      type: 'tax_credit',
      industry: 'tax',
      taxLevel: 'A',
      taxYear: 2023,
      decisionDate: '2024-04-20',
    });
    const first = await stored(s.id, 'tax');
    expect(first.facts).toMatchObject({ taxCreditLevel: 'A', consecutiveTaxALevelYears: 1 });
    const rowsBefore = (await history(s.id, 'tax')).length;

    await record(s.code, {
      type: 'tax_credit',
      industry: 'tax',
      taxLevel: 'A',
      taxYear: 2024,
      decisionDate: '2025-04-20',
    });
    const live = (
      await http<Dto<'SubjectTiersDto'>>(t.url, 'GET', `/api/v1/subjects/${s.id}/tiers?asOf=2026-11-28`)
    ).body.tiers.find((x) => x.industry === 'tax')!;
    expect(live.facts.consecutiveTaxALevelYears).toBe(2);
    const second = await stored(s.id, 'tax');
    expect(second.facts).toEqual(live.facts);
    expect(second.tier).toBe(first.tier);
    expect(await history(s.id, 'tax')).toHaveLength(rowsBefore); // the tier did not change: no history row

    // A run finds nothing more to write.
    expect((await http(t.url, 'POST', '/api/v1/tiering/runs', {})).body).toMatchObject({ changed: 0, refreshed: 0 });
  });

  it('a stored tier written before facts were fingerprinted is brought up to date by the next run, without a history row', async () => {
    const s = await register();
    await record(s.code, {
      type: 'tax_credit',
      industry: 'tax',
      taxLevel: 'A',
      taxYear: 2024,
      decisionDate: '2025-04-20',
    });
    const ds = t.app.get(DataSource);
    // As an older version left it: facts of another day, a fingerprint of tier, score and rules only.
    await ds.query(
      `UPDATE credit_tiers SET facts = jsonb_set(facts, '{consecutiveTaxALevelYears}', '0'), fingerprint = repeat('0', 64) WHERE subject_id = $1`,
      [s.id],
    );
    const rowsBefore = (await history(s.id, 'tax')).length;
    const run = await http<Dto<'TieringRunSummaryDto'>>(t.url, 'POST', '/api/v1/tiering/runs', {});
    expect(run.body).toMatchObject({ changed: 0 });
    expect(run.body.refreshed).toBeGreaterThanOrEqual(2); // this subject's two industries (tax, food_drug) at least
    expect((await stored(s.id, 'tax')).facts).toMatchObject({ consecutiveTaxALevelYears: 1 });
    expect(await history(s.id, 'tax')).toHaveLength(rowsBefore);
  });
});
