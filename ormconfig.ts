import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './src/database/migrations';
import { DatabaseLogger } from './src/database/database-logger';

/**
 * The one DataSource definition, used by the application and by the migration scripts.
 * The schema comes from the migrations only: `synchronize` stays off.
 */
/** The driver waits this much longer than the server's statement_timeout before it gives up itself. */
export const QUERY_TIMEOUT_MARGIN_MS = 2000;

export function dataSourceOptions(
  url: string,
  opts: { poolSize?: number; embedded?: boolean; statementTimeoutMs?: number } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // No entities: every table is read and written with SQL by its owning module's store or queries file.
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed queries are logged without their parameters (bodies, audit batches, imported rows), ID numbers masked.
    logging: ['error', 'warn', 'migration'],
    logger: new DatabaseLogger(),
    // The embedded database is a single PostgreSQL session: a second pooled connection would wait on
    // the first one's transaction. A real server gets a pool.
    extra: {
      max: opts.embedded ? 1 : (opts.poolSize ?? 10),
      // Waiting for the embedded database's single connection is queueing, not an outage: allow it longer.
      connectionTimeoutMillis: opts.embedded ? 60000 : 5000,
      statement_timeout: opts.statementTimeoutMs ?? 30000,
      // The server cancels a statement past statement_timeout, but only if it can still talk to us: when
      // the network to the database goes silent, nothing comes back. query_timeout is the driver's own
      // deadline (the answer is then a 503), and TCP keepalive finds the dead connection for the pool.
      query_timeout: (opts.statementTimeoutMs ?? 30000) + QUERY_TIMEOUT_MARGIN_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10000,
      application_name: 'credit-supervision-engine',
    },
  };
}

/** For `npm run migration:*` against DATABASE_URL (scripts/migrate.ts handles the embedded default). */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgresql://127.0.0.1:5432/postgres'));
