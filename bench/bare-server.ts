/**
 * The peer of bench:check: a bare Fastify server (the same Fastify the service runs on) with one route
 * that parses the same JSON request body and answers a small JSON document. No validation, no database.
 */
import Fastify from 'fastify';

async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify sends what an async handler resolves to
  app.post('/api/v1/checks', async (req) => {
    const body = req.body as { parties?: unknown[] };
    return {
      verdict: 'pass',
      parties: (body.parties ?? []).map((_, index) => ({ index, verdict: 'pass', measures: [] })),
    };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(`READY ${typeof address === 'object' && address ? address.port : 0}`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
