import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { DemoService } from '../../src/modules/demo/demo.service';
import { http, type TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';

type Trend = { periods: string[]; items: { period: string; industry: string; tier: string; subjects: number }[] };
type History = {
  items: { industry: string; tier: string | null; previousTier: string | null; asOf: string; trigger: string }[];
};

/** The steps of a load's progress reports with their totals, once each step ran from 0 to its total in order. */
function progressSteps(reports: readonly [string, number, number][]): [string, number][] {
  const steps: [string, number][] = [];
  reports.forEach(([step, done, total], i) => {
    const prev = reports[i - 1];
    if (prev?.[0] === step) expect(done).toBeGreaterThanOrEqual(prev[1]);
    else {
      expect([step, done]).toEqual([step, 0]);
      if (prev) expect(prev[1]).toBe(prev[2]);
      steps.push([step, total]);
    }
  });
  const last = reports[reports.length - 1];
  expect(last[1]).toBe(last[2]);
  return steps;
}

/**
 * The demo load (npm start -- --demo) gives its subjects a tier history dated over the last six months, so
 * the supervisor overview's tiers over time tells a story; loading again adds nothing. On a database of its
 * own (the shared one holds other files' history), the clock pinned: no dependence on today's date.
 */
describe('demo data: a backdated tier history (演示数据)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startIsolatedTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
  });
  afterAll(() => t?.close());

  const trend = async (industry: string) =>
    (await http<Trend>(t.url, 'GET', `/api/v1/tiering/trend?industry=${industry}&granularity=month`)).body;
  const histories = async () => {
    const subjects = (await http<{ items: { id: string }[] }>(t.url, 'GET', '/api/v1/subjects?limit=100')).body.items;
    const out: History['items'][] = [];
    for (const s of subjects)
      out.push((await http<History>(t.url, 'GET', `/api/v1/subjects/${s.id}/tiers/history?limit=200`)).body.items);
    return out;
  };

  it('dates tiers on this day of each of the last six months, and tiers move over them', async () => {
    const reports: [string, number, number][] = [];
    const first = await t.app.get(DemoService).load(40, (step, done, total) => reports.push([step, done, total]));
    expect(first.backdated).toBe(40);
    // Its progress (the CLI's bars): each step from 0 to its total, never backwards, in order.
    expect(progressSteps(reports)).toEqual([
      ['subjects', 40],
      ['records', first.records.stored],
      ['tier history', 6],
      ['tiering', 40],
    ]);

    // Monthly, the last 12 months: the months before the history are empty, the last seven counted.
    const food = await trend('food_drug');
    const counted = food.periods.filter((p) => food.items.some((i) => i.period === p));
    expect(counted).toEqual(food.periods.slice(5));
    expect(counted[0]).toBe('2026-05-01');
    // Every counted month holds every subject of the pack (one tier each, 40 demo subjects).
    const held = (period: string, items: Trend['items']) =>
      items.filter((i) => i.period === period).reduce((a, b) => a + b.subjects, 0);
    const total = held(counted[counted.length - 1], food.items);
    for (const p of counted) expect(held(p, food.items)).toBe(total);
    // The story: the mix of tiers is not the same in every month (records decided later were not yet in force).
    const mix = (p: string, items: Trend['items']) =>
      JSON.stringify(items.filter((i) => i.period === p).map((i) => [i.tier, i.subjects]));
    const tax = await trend('tax');
    const mixes = new Set([
      ...counted.map((p) => mix(p, food.items)),
      ...counted.map((p) => 'tax' + mix(p, tax.items)),
    ]);
    expect(mixes.size).toBeGreaterThan(2);

    // A subject's own history: rows dated (asOf) on the months' days, from the demo load.
    const all = await histories();
    const dated = new Set(all.flat().map((h) => h.asOf));
    for (const d of ['2026-05-28', '2026-06-28', '2026-07-28', '2026-08-28', '2026-09-28', '2026-10-28', '2026-11-28'])
      expect(dated).toContain(d);
    expect(
      all
        .flat()
        .filter((h) => h.asOf < '2026-11-28')
        .every((h) => h.trigger === 'demo-load'),
    ).toBe(true);
    // Each subject's rows follow one another in time (newest first, as written), each with the tier before it.
    for (const h of all)
      for (const industry of new Set(h.map((x) => x.industry))) {
        const rows = h.filter((x) => x.industry === industry).reverse();
        expect(rows.map((x) => x.asOf)).toEqual([...rows.map((x) => x.asOf)].sort());
        expect(rows.map((x) => x.previousTier)).toEqual([null, ...rows.slice(0, -1).map((x) => x.tier)]);
      }
    // Some subject's tier moved within the history (not only its first tier).
    expect(all.some((h) => new Set(h.map((x) => x.tier)).size > 1)).toBe(true);
  });

  it('registers the demo subjects with their industry codes (国民经济行业分类代码), the story hotel H6110', async () => {
    const hotel = await http<{ items: { industryCode: string | null; name: string }[] }>(
      t.url,
      'GET',
      '/api/v1/subjects?code=91500110MA8EEY8N48',
    );
    expect(hotel.body.items.map((s) => [s.name, s.industryCode])).toEqual([['重庆恒通酒店有限公司2', 'H6110']]);
    const codes = await t.app.get(DataSource).query<{ coded: number; persons: number }[]>(
      `SELECT count(*) FILTER (WHERE industry_code IS NOT NULL)::int AS coded,
                count(*) FILTER (WHERE kind = 'natural_person')::int AS persons FROM subjects`,
    );
    // On its own database: the 40 demo subjects, every one but the persons with a code.
    expect(codes[0].coded + codes[0].persons).toBe(40);
  });

  it('loading again adds no history and moves no tier', async () => {
    const before = await histories();
    const trendBefore = await trend('food_drug');
    const reports: [string, number, number][] = [];
    const again = await t.app.get(DemoService).load(40, (step, done, total) => reports.push([step, done, total]));
    expect(again.backdated).toBe(0);
    expect(progressSteps(reports).map(([step]) => step)).toEqual(['subjects', 'records', 'tiering']);
    expect(again.records.stored).toBe(0);
    expect(again.tiering.changed).toBe(0);
    expect(await histories()).toEqual(before);
    expect((await trend('food_drug')).items).toEqual(trendBefore.items);
  });
});
