import { DataSource } from 'typeorm';
import { JsonbLz41796598000000 } from '../../src/database/migrations/1796598000000-JsonbLz4';
import { startTestApp, TestApp } from '../helpers/app';

/**
 * Migration JsonbLz4: every jsonb column compresses with lz4 where the server has it (the PostgreSQL server of CI),
 * and keeps the default where it has not (the embedded database); down and up again are clean. A later migration that
 * adds a jsonb column sets lz4 on it the same way (this test lists every jsonb column of the schema).
 */
describe('migration JsonbLz4: jsonb columns compressed with lz4 where the server can', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  const serverHasLz4 = async () =>
    (
      await ds.query<Array<{ enumvals: string[] }>>(
        `SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'`,
      )
    )[0].enumvals.includes('lz4');
  const compressions = (db: { query: DataSource['query'] } = ds) =>
    db.query<Array<{ col: string; method: string }>>(
      `SELECT c.relname || '.' || a.attname AS col, a.attcompression AS method
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND a.atttypid = 'jsonb'::regtype`,
    );

  it('sets lz4 on every jsonb column (the audit answers among them) when the server has lz4, else nothing', async () => {
    const lz4 = await serverHasLz4();
    const cols = await compressions();
    expect(cols.map((c) => c.col)).toEqual(expect.arrayContaining(['audit_log.request', 'audit_log.response']));
    expect(new Set(cols.map((c) => c.method))).toEqual(new Set([lz4 ? 'l' : '']));
    if (process.env.TEST_EMBEDDED !== '1') expect(lz4).toBe(true); // CI's PostgreSQL 15 is built with lz4
  });

  it('reverts and applies again', async () => {
    const lz4 = await serverHasLz4();
    // One connection throughout (the embedded database is one session).
    const runner = ds.createQueryRunner();
    try {
      await new JsonbLz41796598000000().down(runner);
      expect(new Set((await compressions(runner)).map((c) => c.method))).toEqual(new Set(['']));
      await new JsonbLz41796598000000().up(runner);
      expect(new Set((await compressions(runner)).map((c) => c.method))).toEqual(new Set([lz4 ? 'l' : '']));
    } finally {
      await runner.release();
    }
  });
});
