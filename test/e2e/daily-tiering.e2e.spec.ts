import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { DailyTiering } from '../../src/modules/tiering/daily-tiering';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { http, type TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';
import { uscc } from '../helpers/identifiers';

/**
 * The daily tiering run: a record that ends by time (here a serious-dishonesty listing reaching its end
 * date) changes the stored tiers the next day a run is due, once per day across instances, not before
 * TIERING_DAILY_HOUR (China Standard Time). Its own schema: a run re-tiers every subject of the database.
 */
describe('daily tiering run (每日分级)', () => {
  let t: TestApp;
  let ds: DataSource;
  let clock: Clock;
  beforeAll(async () => {
    t = await startIsolatedTestApp({ TIERING_DAILY_CHECK_MS: '100', TIERING_DAILY_HOUR: '1' });
    ds = t.app.get(DataSource);
    clock = t.app.get(Clock);
  });
  afterAll(async () => {
    clock.pin(null);
    await t.close();
  });

  const lastRun = async (): Promise<{ day: string; finished: boolean } | null> => {
    const [row] = await ds.query<Array<{ day: string; finished: boolean }>>(
      `SELECT to_char(last_day, 'YYYY-MM-DD') AS day, finished_at IS NOT NULL AS finished FROM scheduled_runs WHERE job = 'tiering.daily'`,
    );
    return row ?? null;
  };
  const runOf = async (day: string): Promise<void> => {
    for (let i = 0; i < 100; i++) {
      const r = await lastRun();
      if (r?.day === day && r.finished) return;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`no finished daily run of ${day}: ${JSON.stringify(await lastRun())}`);
  };
  const fireTier = async (subjectId: string): Promise<string> =>
    (
      await ds.query<Array<{ tier: string }>>(
        `SELECT tier FROM credit_tiers WHERE subject_id = $1 AND industry = 'fire_safety'`,
        [subjectId],
      )
    )[0]?.tier;

  it('re-tiers a subject whose listing ended, on the next day it is due, once a day and not before the hour', async () => {
    clock.pin('2026-06-01T04:00:00Z');
    // The timer (every 100 ms) may have looked before the pin, with the real clock, and claimed today: a
    // later day than the pinned one, which then could never be claimed. Let that look end, then forget it.
    await t.app.get(DailyTiering).tick();
    await ds.query(`DELETE FROM scheduled_runs WHERE job = 'tiering.daily'`);
    // A hotel (旅游饭店 H6110, GB/T 4754-2017): a public gathering place by its code, so tiered in fire safety
    // before, during and after its listing (分行业, issue 15).
    const code = uscc();
    const subject = await http<{ id: string }>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: '每日分级测试酒店有限公司',
      industryCode: 'H6110',
    });
    expect(subject.status).toBe(201);
    const res = await http<{ record: { subjectId: string } }>(t.url, 'POST', '/api/v1/records', {
      type: 'list_entry',
      source: `每日分级测试-${randomUUID().slice(0, 8)}`,
      decisionNumber: `L-${randomUUID()}`,
      subjectName: '每日分级测试酒店有限公司',
      subjectCode: code,
      listType: 'serious_dishonesty',
      severity: 'serious',
      decisionDate: '2026-05-01',
      listEndDate: '2026-08-01',
    });
    expect(res.status).toBe(201);
    const subjectId = res.body.record.subjectId;
    expect(subjectId).toBe(subject.body.id);
    await t.app.get(TieringService).idle();
    await runOf('2026-06-01');
    expect(await fireTier(subjectId)).toBe('D');

    // The listing ends on 2026-08-01; nothing changes that day but the date.
    clock.pin('2026-08-02T04:00:00Z'); // 12:00 in China
    await runOf('2026-08-02');
    expect(await fireTier(subjectId)).toBe('B'); // no record left in force: the pack's default B, never A
    const history = await http<{ items: { tier: string; trigger: string }[] }>(
      t.url,
      'GET',
      `/api/v1/subjects/${subjectId}/tiers/history?industry=fire_safety`,
    );
    expect(history.body.items.map((h) => `${h.tier} ${h.trigger}`)).toEqual(expect.arrayContaining(['B daily']));

    // 00:30 in China on 08-03: before TIERING_DAILY_HOUR, no run; 01:30: the day's run.
    clock.pin('2026-08-02T16:30:00Z');
    await new Promise((done) => setTimeout(done, 500));
    expect(await lastRun()).toEqual({ day: '2026-08-02', finished: true });
    clock.pin('2026-08-02T17:30:00Z');
    await runOf('2026-08-03');
    // The 08-03 run changed nothing for it: no history row of that day.
    const [{ n }] = await ds.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM credit_tier_history WHERE subject_id = $1 AND as_of = '2026-08-03'`,
      [subjectId],
    );
    expect(n).toBe(0);
  });
});
