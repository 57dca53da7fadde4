import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig';
import { PackVersionsStore } from '../../src/modules/packs/pack-versions.store';
import { MIGRATIONS } from '../../src/database/migrations';
import { http, startTestApp, type TestApp } from '../helpers/app';

/**
 * Replicas started at once on a new, empty database (a first deployment, or a release that brings a
 * migration): one migrates while the others wait for it, then find nothing to do. All serve at the first
 * attempt; each migration is applied once. (TypeORM alone lets all run the same migrations: the losers fail on
 * a duplicate table and boot again.)
 *
 * Real PostgreSQL server only (jest.config.js): the test makes a database of its own and drops it.
 */
describe('replicas starting together on an empty database (迁移并发)', () => {
  const dbName = `replicas_${randomUUID().slice(0, 8)}`;
  let admin: Client;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it('all start at the first attempt and serve; every migration applied exactly once', async () => {
    // A replica that lost the race would fail on a duplicate table and boot again (TypeOrmModule's retry).
    const errors = jest.spyOn(Logger.prototype, 'error');
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${dbName}`;
    const started = await Promise.allSettled([0, 1, 2].map(() => startTestApp({ DATABASE_URL: url.toString() })));
    for (const s of started) if (s.status === 'fulfilled') apps.push(s.value);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual([
      'started',
      'started',
      'started',
    ]);
    const retries = errors.mock.calls.map((c) => String(c[0])).filter((m) => /Retrying/.test(m));
    errors.mockRestore();
    expect(retries).toEqual([]);
    for (const a of apps) expect((await http(a.url, 'GET', '/health/ready')).status).toBe(200);
    const direct = new Client({ connectionString: url.toString() });
    await direct.connect();
    try {
      const { rows } = await direct.query<{ name: string; n: string }>(
        'SELECT name, count(*) AS n FROM schema_migrations GROUP BY name',
      );
      expect(rows.length).toBe(MIGRATIONS.length);
      expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
    } finally {
      await direct.end();
    }
  }, 120_000);
});

/**
 * Why the race above could still fail one replica: the first import of a pack wrote its version and its
 * activation as two statements, so another replica could see the pack as known (a version exists), skip
 * importing it and find no active version. Held between its two statements (the activation waits on a lock
 * taken here), the import must show nothing to anyone else.
 */
describe('first import of a bundled pack (首次导入规则包)', () => {
  const dbName = `first_import_${randomUUID().slice(0, 8)}`;
  let admin: Client;
  let ds: DataSource;
  let url: string;

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${dbName}`;
    url = u.toString();
    ds = new DataSource(dataSourceOptions(url, { embedded: false }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    await ds?.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it('writes the version and its activation together: halfway, others see neither', async () => {
    const locker = new Client({ connectionString: url });
    const reader = new Client({ connectionString: url });
    await locker.connect();
    await reader.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE pack_active IN SHARE ROW EXCLUSIVE MODE');
      const store = new PackVersionsStore(ds);
      const importing = store.importFirst({
        packId: 'probe',
        version: '1.0.0',
        content: { id: 'probe' },
        contentHash: 'h',
        by: 'test',
        reason: 'first import',
      });
      // Wait until the import is blocked on the activation, i.e. its version row is written.
      for (let i = 0; i < 200; i++) {
        const { rows } = await reader.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO pack_active%'`,
          [dbName],
        );
        if (Number(rows[0].n) > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      const halfway = await reader.query(`SELECT 1 FROM pack_versions WHERE pack_id = 'probe'`);
      await locker.query('ROLLBACK');
      await importing;
      expect(halfway.rowCount).toBe(0);
      const after = await reader.query(
        `SELECT a.pack_id FROM pack_active a JOIN pack_versions v ON v.id = a.version_id WHERE v.pack_id = 'probe'`,
      );
      expect(after.rowCount).toBe(1);
    } finally {
      await locker.end();
      await reader.end();
    }
  });
});
