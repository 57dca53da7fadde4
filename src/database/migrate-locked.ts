import { DataSource, type Migration } from 'typeorm';

/** Key of the advisory lock that serialises migrations across the instances of one database ('credit-migrate'). */
export const MIGRATION_LOCK_KEY = 7_310_420_001;

/**
 * Run the pending migrations, one instance at a time. Replicas that start together on a database that needs
 * a migration would otherwise all run it (TypeORM takes no lock: typeorm/typeorm#4588): one wins, the others
 * fail on a duplicate table and boot again. Here each takes a session advisory lock on a connection of its
 * own, the first migrates, the others wait for it and then find nothing pending. The lock ends with its
 * session, so a crashed instance never leaves it behind. The embedded database is one process with one
 * connection (no other instance, and the lock's connection would be the only one): it migrates directly.
 */
export async function runMigrationsLocked(ds: DataSource, embedded: boolean): Promise<Migration[]> {
  if (embedded) return ds.runMigrations({ transaction: 'each' });
  const lock = ds.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await ds.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
