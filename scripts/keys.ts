import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../ormconfig';
import { loadConfig } from '../src/config/app.config';
import { startEmbeddedDatabase } from '../src/database/embedded';
import { runMigrationsLocked } from '../src/database/migrate-locked';
import { ApiKeysAdmin, KeyAdminError } from '../src/modules/auth/api-keys.admin';
import { ApiKeysStore } from '../src/modules/auth/api-keys.store';
import { formatKeyList, KEYS_USAGE, KeysCommand, parseKeysArgs, UsageError } from '../src/modules/auth/keys-cli';

/**
 * `npm run keys -- create|list|revoke …` against DATABASE_URL, or the embedded database in DATA_DIR
 * (stop the server first: the embedded database is single-process). A created key goes to stdout
 * alone, so `KEY=$(npm run -s keys -- create …)` works; everything else goes to stderr.
 */
async function run(cmd: KeysCommand): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedDatabase(config.dataDir);
  const ds = new DataSource(dataSourceOptions(config.databaseUrl ?? embedded!.url, { embedded: !!embedded }));
  await ds.initialize();
  try {
    const applied = await runMigrationsLocked(ds, !!embedded);
    if (applied.length) console.error(`schema migrated: ${applied.map((m) => m.name).join(', ')}`);
    const admin = new ApiKeysAdmin(new ApiKeysStore(ds));
    switch (cmd.command) {
      case 'create': {
        const { key, record } = await admin.create(cmd.input);
        const rate = record.rateLimitPerMinute === null ? 'server default' : `${record.rateLimitPerMinute}`;
        console.error(
          `API key for ${record.name}: scopes ${record.scopes.join(', ')}; scenarios ${record.scenarios.join(', ') || 'none'}; requests a minute ${rate}.`,
        );
        console.error(
          'It is shown this once and never stored: keep it now. Send it as "Authorization: Bearer <key>" or "X-Api-Key: <key>".',
        );
        console.log(key);
        break;
      }
      case 'list':
        console.log(formatKeyList(await admin.list()));
        break;
      case 'revoke': {
        const r = await admin.revoke(cmd.name);
        console.error(
          `revoked ${r.name} (prefix ${r.prefix}); a running server stops accepting it within a few seconds`,
        );
        break;
      }
    }
  } finally {
    await ds.destroy();
    await embedded?.stop();
  }
}

function main(): void {
  let cmd: KeysCommand;
  try {
    cmd = parseKeysArgs(process.argv.slice(2));
  } catch (err: unknown) {
    console.error(`keys: ${err instanceof Error ? err.message : String(err)}\n${KEYS_USAGE}`);
    process.exit(2);
  }
  run(cmd).catch((err: unknown) => {
    const known = err instanceof KeyAdminError || err instanceof UsageError;
    console.error(`keys: ${known ? err.message : err instanceof Error ? err.message : String(err)}`);
    process.exit(known ? 2 : 1);
  });
}

main();
