import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../ormconfig';
import { startEmbeddedDatabase } from '../../src/database/embedded';
import { startEmbeddedFactory } from './embedded-factory';

/**
 * With DATABASE_URL: tests run on that PostgreSQL server, on a schema dropped and rebuilt by the
 * migrations. Without it: on an in-memory embedded PostgreSQL (PGlite), started here because PGlite
 * cannot load inside a Jest test's VM; tests reach it through its socket like any server, and files that need
 * a database of their own get a fresh one from the factory started beside it (embedded-factory.ts).
 */
export default async function globalSetup(): Promise<void> {
  process.env.ID_HASH_KEY ??= 'test-id-hash-key-0123456789abcdef0123456789';
  process.env.LOG_LEVEL ??= 'silent';
  if (process.env.DATABASE_URL) {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    // The job queue's schema (pgboss, beside public: src/database/pgboss-schema.ts) goes with it.
    await client.query(
      'DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;',
    );
    await client.end();
    process.env.TEST_EMBEDDED = '';
  } else {
    const embedded = await startEmbeddedDatabase(undefined);
    (globalThis as { __embeddedDb?: typeof embedded }).__embeddedDb = embedded;
    const factory = await startEmbeddedFactory();
    (globalThis as { __embeddedFactory?: typeof factory }).__embeddedFactory = factory;
    process.env.TEST_EMBEDDED_FACTORY = factory.url;
    process.env.DATABASE_URL = embedded.url;
    process.env.TEST_EMBEDDED = '1';
  }
  const ds = new DataSource(
    dataSourceOptions(process.env.DATABASE_URL, { embedded: process.env.TEST_EMBEDDED === '1' }),
  );
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}
