import 'reflect-metadata';
import { loadConfig } from './config/app.config';
import { createApp, resolveDatabase } from './bootstrap';
import { DemoService } from './modules/demo/demo.service';
import { ApiKeysService } from './modules/auth/api-keys.service';
import { demoKeyLines } from './modules/auth/demo-key';

async function main(): Promise<void> {
  const config = loadConfig();
  const { runtime, embedded } = await resolveDatabase(config);
  const app = await createApp(runtime);
  // `npm start -- --demo` (or DEMO_DATA=1): load the demo data set; loading it again changes nothing.
  if (process.argv.includes('--demo') || config.demoData) {
    const summary = await app.get(DemoService).load();
    console.log(`Demo data loaded: ${summary.subjects} subjects, ${summary.tiering.evaluations} tiers computed`);
    // And an admin API key (demo-admin), printed once when it is created.
    for (const line of await demoKeyLines(app.get(ApiKeysService), runtime.port)) console.log(line);
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
    console.log(`${signal} received: shutting down`);
    const deadline = runtime.dbStatementTimeoutMs + 15_000;
    setTimeout(() => {
      console.error(`shutdown not finished after ${deadline} ms: exiting`);
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
  console.log(`credit-supervision-engine listening on http://localhost:${runtime.port} (docs at /docs)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
