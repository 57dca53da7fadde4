/**
 * The service under load for bench:check, in its own process: seeds N subjects with records into a
 * fresh database (embedded in a temporary folder, or a `credit_bench` database on DATABASE_URL's
 * server), issues a checks key, listens, and prints one line `READY <port> <key> <codes-file>`.
 */
import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshServerDatabase } from './bench-db';
import { DataSource } from 'typeorm';
import { createApp, resolveDatabase } from '../src/bootstrap';
import { loadConfig } from '../src/config/app.config';
import { Clock } from '../src/common/clock';
import { ApiKeysService } from '../src/modules/auth/api-keys.service';
import { seed } from './tiering-seed';

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_SUBJECTS ?? 100_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-check-'));
  // No daily tiering run: it would re-tier every subject in the middle of the rounds.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0', TIERING_DAILY_CHECK_MS: '0' };
  if (process.env.DATABASE_URL) env.DATABASE_URL = await freshServerDatabase(process.env.DATABASE_URL);
  const { runtime, embedded } = await resolveDatabase(loadConfig(env));
  const app = await createApp(runtime);
  const ds = app.get(DataSource);
  const seeded = await seed(ds, n, app.get(Clock).today());
  const codes = (await ds.query<Array<{ code: string }>>(`SELECT code FROM subjects ORDER BY random() LIMIT 3000`)).map(
    (r) => r.code,
  );
  const codesFile = join(dataDir, 'codes.json');
  writeFileSync(codesFile, JSON.stringify(codes));
  const { key } = await app
    .get(ApiKeysService)
    .create({ name: 'bench-check', scopes: ['checks', 'audit'], scenarios: ['*'] });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`SEEDED ${seeded.subjects} ${seeded.records}`);
  console.log(`READY ${port} ${key} ${codesFile}`);
  const stop = async () => {
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
