import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
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
