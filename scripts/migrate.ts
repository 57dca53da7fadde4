import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../ormconfig';
import { loadConfig } from '../src/config/app.config';
import { startEmbeddedDatabase } from '../src/database/embedded';
import { runMigrationsLocked } from '../src/database/migrate-locked';

/** `npm run migration:run|revert` against DATABASE_URL, or the embedded database in DATA_DIR. */
async function main(): Promise<void> {
  const action = process.argv[2];
  if (action !== 'run' && action !== 'revert') throw new Error('usage: migrate.js run|revert');
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedDatabase(config.dataDir);
  const ds = new DataSource(dataSourceOptions(config.databaseUrl ?? embedded!.url, { embedded: !!embedded }));
  await ds.initialize();
  try {
    if (action === 'run') {
      const done = await runMigrationsLocked(ds, !!embedded);
      console.log(done.length ? `applied: ${done.map((m) => m.name).join(', ')}` : 'schema is up to date');
    } else {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    }
  } finally {
    await ds.destroy();
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
