import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/app.config';
import { createApp, resolveDatabase } from './bootstrap';
import { isFirstWorker, runPrimary } from './cluster';
import { DemoService } from './modules/demo/demo.service';
import { ApiKeysService } from './modules/auth/api-keys.service';
import { demoKeyLines } from './modules/auth/demo-key';

/** One JSON line in pino's shape, for what logs before or without the application's logger. */
function jsonLine(level: number, msg: string): void {
  const out = level >= 50 ? process.stderr : process.stdout;
  out.write(`${JSON.stringify({ level, time: Date.now(), pid: process.pid, context: 'Main', msg })}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) {
    if (!config.databaseUrl)
      throw new ConfigError('WORKERS', 'above 1 needs DATABASE_URL: the embedded database serves one process');
    runPrimary(config.workers, { log: (m) => jsonLine(30, m), error: (m) => jsonLine(50, m) });
    return;
  }
  const { runtime, embedded } = await resolveDatabase(config);
  const app = await createApp(runtime);
  // Every line on stdout is a JSON log line (the application's pino logger), for the operator's log pipeline.
  const log = new Logger('Main');
  // `npm start -- --demo` (or DEMO_DATA=1): load the demo data set; loading it again changes nothing.
  if ((process.argv.includes('--demo') || config.demoData) && isFirstWorker()) {
    const summary = await app.get(DemoService).load();
    log.log(
      { demo: summary },
      `Demo data loaded: ${summary.subjects} subjects, ${summary.tiering.evaluations} tiers computed`,
    );
    // And an admin API key (demo-admin), shown once when it is created: for the person at the terminal, on
    // stderr, never in the log stream (a log line must not hold a key).
    for (const line of await demoKeyLines(app.get(ApiKeysService), runtime.port)) process.stderr.write(`${line}\n`);
  }
  // Graceful shutdown. First the HTTP side: Fastify stops accepting connections, answers 503 to a new
  // request on a kept-alive one (return503OnClosing) and waits for the requests in flight, each of which
  // answers only after its audit entry committed. A kept-alive connection is closed as soon as it is idle
  // (swept every 100 ms: Fastify's forceCloseConnections 'idle' closes only those idle at the start, and
  // a client's open connection would otherwise hold the close for the 72 s keep-alive timeout). Then the
  // modules' shutdown hooks (pending audit batches are flushed), the pool, the embedded database. If that
  // cannot finish (a database that stopped answering), the process still ends after a deadline.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal} received: shutting down`);
    const deadline = runtime.dbStatementTimeoutMs + 15_000;
    setTimeout(() => {
      log.error(`shutdown not finished after ${deadline} ms: exiting`);
      process.exit(1);
    }, deadline).unref();
    const server = app.getHttpServer();
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    await app.getHttpAdapter().close();
    clearInterval(sweep);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: runtime.port, host: runtime.host });
  log.log(
    `credit-supervision-engine listening on http://localhost:${runtime.port} (console at /console, docs at /docs)`,
  );
}

main().catch((err: unknown) => {
  // Before the application's logger exists (a bad setting, no database): one JSON line in pino's shape.
  jsonLine(60, err instanceof Error ? err.message : String(err));
  process.exit(1);
});
