import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { newEmbeddedDatabase } from '../setup/embedded-factory';
import { startTestApp, TestApp } from './app';
import { pgBossSchemaFor } from '../../src/database/pgboss-schema';

/**
 * A test app on a database nobody else writes to while it runs, so that "no row changed" can be
 * asserted over whole tables, and what the file publishes, re-tiers or leaves behind (a pack draft, a
 * pinned date's tiers) reaches no other test file. On a PostgreSQL server (other test files run alongside
 * in another worker) that is a schema of its own in the test database, reached through `search_path` (the
 * migrations run into it at boot and it is dropped at close). The embedded database is one session (a
 * search_path would hold for every connection): there the file gets a fresh in-memory PGlite of its own
 * from the run's factory (test/setup/embedded-factory.ts). `databaseUrl` reaches the same database, for a
 * second instance of the app or a direct connection.
 */
export async function startIsolatedTestApp(
  env: Record<string, string> = {},
): Promise<TestApp & { databaseUrl: string }> {
  if (process.env.TEST_EMBEDDED === '1') {
    const db = await newEmbeddedDatabase();
    let t: TestApp;
    try {
      t = await startTestApp({ ...env, DATABASE_URL: db.url });
    } catch (err) {
      await db.drop();
      throw err;
    }
    return {
      ...t,
      databaseUrl: db.url,
      close: async () => {
        await t.close();
        await db.drop();
      },
    };
  }
  const url = process.env.DATABASE_URL!;
  const schema = `iso_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE SCHEMA ${schema}`);
  const sep = url.includes('?') ? '&' : '?';
  const scoped = `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  let t: TestApp;
  try {
    t = await startTestApp({ ...env, DATABASE_URL: scoped });
  } catch (err) {
    await dropSchemas(url, schema);
    throw err;
  }
  return {
    ...t,
    databaseUrl: scoped,
    close: async () => {
      await t.close();
      await dropSchemas(url, schema);
    },
  };
}

/** The isolated schema and the job queue's schema beside it (src/database/pgboss-schema.ts). */
function dropSchemas(url: string, schema: string): Promise<void> {
  return adminQuery(
    url,
    `DROP SCHEMA IF EXISTS ${pgBossSchemaFor(schema)} CASCADE; DROP SCHEMA IF EXISTS ${schema} CASCADE`,
  );
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export type TableSnapshot = Record<string, { rows: number; hash: string; rowHashes?: string[] }>;

/**
 * Ledgers of refusals, which a refused request is meant to grow: `record_rejections` keeps every record
 * row an import or ingest refused (data-quality statistics count them). Between two snapshots they may
 * only gain rows; every earlier row must still be there, unchanged.
 */
export const REFUSAL_LEDGERS: readonly string[] = ['record_rejections'];

/**
 * Row count and a hash of the content of every table of the app's schema. `api_keys.last_used_at` is left
 * out: it records use of a key, at most once a minute, whatever the request.
 */
export async function snapshotTables(ds: DataSource): Promise<TableSnapshot> {
  const tables: { name: string }[] = await ds.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`,
  );
  const out: TableSnapshot = {};
  for (const { name } of tables) {
    const [row] = await ds.query<Array<{ rows: number; hash: string }>>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(h, ',' ORDER BY h), '')) AS hash
         FROM (SELECT md5((to_jsonb(t) - 'last_used_at')::text) AS h FROM "${name.replace(/"/g, '""')}" t) x`,
    );
    out[name] = { rows: row.rows, hash: row.hash };
    if (REFUSAL_LEDGERS.includes(name)) {
      const rows: { h: string }[] = await ds.query(`SELECT md5(to_jsonb(t)::text) AS h FROM "${name}" t`);
      out[name].rowHashes = rows.map((r) => r.h);
    }
  }
  return out;
}

/** Tables whose rows differ between two snapshots (a refusal ledger: lost or changed a row), with the counts. */
export function changedTables(before: TableSnapshot, after: TableSnapshot): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((n) => {
      if (before[n]?.hash === after[n]?.hash) return false;
      const kept = new Set(after[n]?.rowHashes ?? []);
      return !(REFUSAL_LEDGERS.includes(n) && before[n]?.rowHashes?.every((h) => kept.has(h)));
    })
    .map((n) => `${n}: ${before[n]?.rows ?? '-'} -> ${after[n]?.rows ?? '-'} rows`);
}
