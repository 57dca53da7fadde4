import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, resolveDatabase } from '../src/bootstrap';
import { loadConfig } from '../src/config/app.config';
import { buildOpenApi } from '../src/openapi';

/** `npm run openapi`: write the OpenAPI document to openapi.json so reviews see contract changes. */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'openapi-'));
  const { runtime, embedded } = await resolveDatabase(
    loadConfig({ ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }),
  );
  const app = await createApp(runtime);
  try {
    writeFileSync('openapi.json', `${JSON.stringify(buildOpenApi(app), null, 2)}\n`);
    console.log('openapi.json written');
  } finally {
    await app.close();
    await embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
