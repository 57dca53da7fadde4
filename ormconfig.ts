import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './src/database/entities';
import { MIGRATIONS } from './src/database/migrations';

/**
 * The one DataSource definition, used by the application and by the migration scripts.
 * The schema comes from the migrations only: `synchronize` stays off.
 */
export function dataSourceOptions(url: string, opts: { poolSize?: number; embedded?: boolean } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    // The embedded database is a single PostgreSQL session: a second pooled connection would wait on
    // the first one's transaction. A real server gets a pool.
    extra: {
      max: opts.embedded ? 1 : (opts.poolSize ?? 10),
      // Waiting for the embedded database's single connection is queueing, not an outage: allow it longer.
      connectionTimeoutMillis: opts.embedded ? 60000 : 5000,
      statement_timeout: 30000,
      application_name: 'credit-supervision-engine',
    },
  };
}

/** For `npm run migration:*` against DATABASE_URL (scripts/migrate.ts handles the embedded default). */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgresql://127.0.0.1:5432/postgres'));
