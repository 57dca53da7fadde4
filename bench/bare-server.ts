/**
 * The peer of bench:check: a bare Fastify server (the same Fastify the service runs on) with one route
 * that parses the same JSON request body and answers a small JSON document. No validation, no database.
 * With BENCH_WORKERS=N (N > 1): N worker processes on one port (node:cluster), as the service runs them.
 */
import cluster from 'node:cluster';
import { freePort } from './free-port';
import Fastify from 'fastify';

async function serve(port: number): Promise<number> {
  const app = Fastify({ logger: false });
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify sends what an async handler resolves to
  app.post('/api/v1/checks', async (req) => {
    const body = req.body as { parties?: unknown[] };
    return {
      verdict: 'pass',
      parties: (body.parties ?? []).map((_, index) => ({ index, verdict: 'pass', measures: [] })),
    };
  });
  await app.listen({ port, host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

async function main(): Promise<void> {
  if (cluster.isWorker) {
    await serve(Number(process.env.BENCH_PORT));
    process.send?.('ready');
    return;
  }
  const workers = Number(process.env.BENCH_WORKERS ?? 1);
  if (workers <= 1) {
    console.log(`READY ${await serve(0)}`);
    return;
  }
  const port = await freePort();
  const forked = Array.from({ length: workers }, () => cluster.fork({ BENCH_PORT: String(port) }));
  await Promise.all(forked.map((w) => new Promise<void>((resolve) => w.once('message', () => resolve()))));
  console.log(`READY ${port}`);
  process.once('SIGTERM', () => {
    for (const w of forked) w.process.kill('SIGTERM');
    process.exit(0);
  });
}

void main();
