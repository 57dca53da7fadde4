/**
 * The service under load for bench:check, in its own process: seeds N subjects with records into a
 * fresh database (embedded in a temporary folder, or a `credit_bench` database on DATABASE_URL's
 * server), issues a checks key, listens, and prints one line `READY <port> <key> <codes-file>`. With
 * BENCH_WORKERS=N (N > 1, a PostgreSQL server): N worker processes on one port, as `WORKERS=N` runs the service.
 */
import 'reflect-metadata';
import cluster from 'node:cluster';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { freePort } from './free-port';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshServerDatabase } from './bench-db';
import { DataSource } from 'typeorm';
import { createApp, resolveDatabase } from '../src/bootstrap';
import { loadConfig } from '../src/config/app.config';
import { Clock } from '../src/common/clock';
import { ApiKeysService } from '../src/modules/auth/api-keys.service';
import { seed } from './tiering-seed';
import { ChecksService } from '../src/modules/checks/checks.service';
import { CreditStateService } from '../src/modules/credit-state/credit-state.service';

/** Settings of every process of the service under load: no daily tiering run (it would re-tier every subject in the middle of the rounds). */
const serviceEnv = (dataDir: string): NodeJS.ProcessEnv => ({
  ...process.env,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'error',
  RATE_LIMIT_PER_MINUTE: '0',
  TIERING_DAILY_CHECK_MS: '0',
});

async function main(): Promise<void> {
  if (cluster.isWorker) return worker();
  const n = Number(process.env.BENCH_SUBJECTS ?? 100_000);
  const workers = Number(process.env.BENCH_WORKERS ?? 1);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-check-'));
  const env = serviceEnv(dataDir);
  if (process.env.DATABASE_URL) env.DATABASE_URL = await freshServerDatabase(process.env.DATABASE_URL);
  else if (workers > 1)
    throw new Error('BENCH_WORKERS above 1 needs DATABASE_URL (the embedded database serves one process)');
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
  console.log(`SEEDED ${seeded.subjects} ${seeded.records}`);
  await keptStateMemory(app.get(ChecksService), app.get(CreditStateService), codes);
  let port: number;
  let stop: () => Promise<void>;
  if (workers > 1) {
    // WORKERS as main.ts runs them: this process seeded; N workers on one port (node:cluster), each a whole instance.
    await app.close();
    port = await freePort();
    const forked = Array.from({ length: workers }, () =>
      cluster.fork({ ...env, BENCH_PORT: String(port), BENCH_CODES: codesFile }),
    );
    await Promise.all(forked.map((w) => new Promise<void>((resolve) => w.once('message', () => resolve()))));
    stop = async () => {
      for (const w of forked) w.process.kill('SIGTERM');
      await Promise.all(
        forked.map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve())))),
      );
    };
  } else {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    port = typeof address === 'object' && address ? address.port : 0;
    profileOnSignal();
    stop = () => app.close();
  }
  console.log(`READY ${port} ${key} ${codesFile}`);
  const end = async () => {
    await stop();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void end());
  process.once('SIGINT', () => void end());
}

/** A worker of BENCH_WORKERS: the service on the shared port, its kept state warmed like the single process's. */
async function worker(): Promise<void> {
  const { runtime } = await resolveDatabase(loadConfig(process.env));
  const app = await createApp(runtime);
  const codes = JSON.parse(readFileSync(process.env.BENCH_CODES!, 'utf8')) as string[];
  await warm(app.get(ChecksService), codes);
  await app.listen({ port: Number(process.env.BENCH_PORT), host: '127.0.0.1' });
  process.send?.('ready');
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

/**
 * With BENCH_CPU_PROFILE=<file>: SIGUSR2 starts a CPU profile, the next SIGUSR2 writes it (a profile of the
 * rounds alone, not of the seeding).
 */
function profileOnSignal(): void {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return;
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, res) => {
      if (!err) writeFileSync(file, JSON.stringify(res.profile));
      console.log(`PROFILE ${err ? err.message : file}`);
    });
  });
}

/**
 * Memory of the kept credit state (records in force, look-back, industries, tiers and check facts): heap before
 * and after every code of the load has been checked once (evaluated, not audited), over the subjects kept.
 * Prints `KEPT <subjects> <bytes per subject>`; the load that follows finds them kept.
 */
async function keptStateMemory(checks: ChecksService, state: CreditStateService, codes: string[]): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  await warm(checks, codes);
  gc?.();
  const kept = state.stats().subjects;
  const perSubject = kept ? Math.round((process.memoryUsage().heapUsed - before) / kept) : 0;
  console.log(`KEPT ${kept} ${perSubject} ${gc ? 'gc' : 'no-gc'}`);
}

/** Every code of the load checked once (evaluated, not audited): the load finds them kept. */
async function warm(checks: ChecksService, codes: readonly string[]): Promise<void> {
  const caller = { keyId: 'bench', name: 'bench-check', scopes: ['checks'], scenarios: ['*'], department: null };
  for (let i = 0; i < codes.length; i += 50) {
    const parties = codes.slice(i, i + 50).map((code) => ({ code, role: 'bidder' }));
    await checks.evaluate(caller, { scenario: 'tendering', transaction: { reference: 'warm' }, parties });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
