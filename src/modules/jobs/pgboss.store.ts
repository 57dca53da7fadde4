import type PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * pg-boss runs its SQL through the application's own connections, not a pool of its own: on the embedded
 * database (PGlite, one PostgreSQL session behind one pooled connection) a second pool would interleave its
 * statements with the application's transactions; on a server it keeps one pool to size (DB_POOL_SIZE) and to
 * watch. Each statement takes a connection from the pool for itself (pg-boss's multi-statement plans hold their
 * own BEGIN … COMMIT on it), or runs in the caller's transaction (a job sent together with its row).
 */
export function pgBossDb(ds: DataSource): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const runner = ds.createQueryRunner();
      try {
        return { rows: ((await runner.query(text, values, true)) as { records?: unknown[] }).records ?? [] };
      } finally {
        await runner.release();
      }
    },
  };
}

/** The same, in the transaction of `m` (EntityManager of `ds.transaction`). */
export function pgBossDbIn(m: EntityManager): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = (await m.queryRunner!.query(text, values, true)) as { records?: unknown[] };
      return { rows: result.records ?? [] };
    },
  };
}

/** The schema the application's tables are in (pg-boss's is named from it: src/database/pgboss-schema.ts). */
export async function appSchema(ds: DataSource): Promise<string> {
  const [row] = await ds.query<Array<{ schema: string }>>(`SELECT current_schema() AS schema`);
  return row.schema;
}
