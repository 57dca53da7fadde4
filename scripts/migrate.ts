import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../ormconfig';
import { loadConfig } from '../src/config/app.config';
import { startEmbeddedDatabase } from '../src/database/embedded';
import { runMigrationsLocked } from '../src/database/migrate-locked';
import { commandLine } from '../src/common/cli-command';

const CLI = {
  name: 'migrate',
  options: {},
  positionals: [{ name: 'action', choices: ['run', 'revert'] }],
  notes: [
    'run: apply the pending migrations; revert: undo the last one (DATABASE_URL, or the embedded database in DATA_DIR)',
  ],
} as const;

/** `npm run migration:run|revert` against DATABASE_URL, or the embedded database in DATA_DIR. */
async function main(): Promise<void> {
  const [action] = commandLine(CLI).positionals;
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
