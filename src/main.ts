import 'reflect-metadata';
import { loadConfig } from './config/app.config';
import { createApp, resolveDatabase } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const { runtime, embedded } = await resolveDatabase(config);
  const app = await createApp(runtime);
  // Graceful shutdown: stop accepting, let in-flight requests finish, run the modules' shutdown hooks
  // (pending audit batches are flushed there), close the pool, then the embedded database.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: shutting down`);
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
