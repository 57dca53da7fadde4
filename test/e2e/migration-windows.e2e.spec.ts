import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { FixNdrc36SectorWindows1764300001300 } from '../../src/database/migrations/1764300001300-FixNdrc36SectorWindows';
import { http, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

/**
 * Migration 1300 on records stored by the earlier code: 令第36号 sector penalties carrying 令第58号's 1-year
 * minimum get their grade's window; records already right, and 令第58号 ones, are left as they are.
 */
describe('migration 1300: 令第36号 windows of sector penalties stored with the 1-year minimum', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z'); // the penalties below are decided in 2026: never in the future, whatever today is
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  const source = `迁移测试-${randomUUID().slice(0, 8)}`;
  async function penalty(decisionDate: string, severity: string, industry: string, sector: string): Promise<string> {
    const code = uscc();
    const res = await http<{ record: { id: string } }>(t.url, 'POST', '/api/v1/records', {
      type: 'penalty',
      source,
      decisionNumber: `M-${randomUUID()}`,
      subjectName: '迁移测试公司',
      subjectCode: code,
      industry,
      sector,
      severity,
      penaltyTypes: ['other'],
      decisionDate,
    });
    expect(res.status).toBe(201);
    return res.body.record.id;
  }
  const windows = async (id: string) =>
    (
      await ds.query<Array<{ min: string; max: string; updated_at: Date }>>(
        `SELECT to_char(publicity_min_end, 'YYYY-MM-DD') AS min, to_char(publicity_end, 'YYYY-MM-DD') AS max, updated_at FROM credit_records WHERE id = $1`,
        [id],
      )
    )[0];

  it('puts the grade windows back on the affected records only', async () => {
    const fireMinor = await penalty('2026-05-31', 'minor', 'fire_safety', 'fire');
    const foodGeneral = await penalty('2026-08-31', 'general', 'food_drug', 'food');
    const old58 = await penalty('2026-03-31', 'general', 'fire_safety', 'fire');
    const right = await penalty('2026-06-15', 'serious', 'food_drug', 'drug');
    // As the earlier code stored them: the 1-year minimum on top of the 令第36号 grade.
    await ds.query(
      `UPDATE credit_records SET publicity_min_end = '2027-05-31', publicity_end = '2027-05-31' WHERE id = $1`,
      [fireMinor],
    );
    await ds.query(
      `UPDATE credit_records SET publicity_min_end = '2027-08-31', publicity_end = '2027-08-31' WHERE id = $1`,
      [foodGeneral],
    );
    const before = { old58: await windows(old58), right: await windows(right) };
    expect(before.old58).toMatchObject({ min: '2027-03-31', max: '2029-03-31' });

    const qr = ds.createQueryRunner();
    try {
      await new FixNdrc36SectorWindows1764300001300().up(qr);
    } finally {
      await qr.release();
    }
    expect(await windows(fireMinor)).toMatchObject({ min: '2026-05-31', max: '2026-08-31' });
    expect(await windows(foodGeneral)).toMatchObject({ min: '2026-11-30', max: '2027-08-31' }); // 08-31 + 3 months: the end of November
    expect(await windows(old58)).toEqual(before.old58);
    expect(await windows(right)).toEqual(before.right); // already right: not even its updated_at moves
    expect(before.right).toMatchObject({ min: '2027-06-15', max: '2029-06-15' });

    // The minor fire penalty ended by itself on 2026-08-31: no longer in force today (it was until 2027-05-31).
    const rec = await http(t.url, 'GET', `/api/v1/records/${fireMinor}`);
    expect(rec.body).toMatchObject({ publicityEnd: '2026-08-31', inForce: false });
  });
});
