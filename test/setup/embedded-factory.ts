import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/database/embedded';

/**
 * Fresh embedded databases on request, for test files that need a database of their own (isolated-app.ts).
 * On a PostgreSQL server such a file gets a schema of its own; PGlite is one session (a `search_path` set by
 * one connection holds for every other), so there it gets a whole in-memory PGlite instead. PGlite cannot
 * load inside a Jest test's VM, so the instances live here, in Jest's main process, and test workers ask for
 * them over a loopback HTTP endpoint: `POST /databases` answers `{ id, url }`, `DELETE /databases/<id>`
 * stops one. Every instance still running is stopped with the factory.
 */
export interface EmbeddedFactory {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedFactory(): Promise<EmbeddedFactory> {
  const databases = new Map<string, EmbeddedDatabase>();
  let next = 1;
  const server: Server = createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      // No keep-alive: a worker's fetch reusing a socket the server has just timed out fails with ECONNRESET.
      res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify(body));
    };
    const handle = async (): Promise<void> => {
      if (req.method === 'POST' && req.url === '/databases') {
        const id = String(next++);
        const db = await startEmbeddedDatabase(undefined);
        databases.set(id, db);
        return answer(201, { id, url: db.url });
      }
      const m = /^\/databases\/(\d+)$/.exec(req.url ?? '');
      if (req.method === 'DELETE' && m) {
        const db = databases.get(m[1]);
        databases.delete(m[1]);
        await db?.stop();
        return answer(db ? 200 : 404, { id: m[1] });
      }
      answer(404, { error: `${req.method} ${req.url}` });
    };
    handle().catch((err: unknown) => answer(500, { error: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...databases.values()].map((db) => db.stop()));
      databases.clear();
    },
  };
}

/** A fresh embedded database from the factory of this test run (TEST_EMBEDDED_FACTORY), empty: no schema yet. */
export async function newEmbeddedDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const factory = process.env.TEST_EMBEDDED_FACTORY;
  if (!factory) throw new Error('TEST_EMBEDDED_FACTORY is not set: the embedded test run starts it in global-setup.ts');
  const res = await withRetry(() => fetch(`${factory}/databases`, { method: 'POST' }));
  if (res.status !== 201) throw new Error(`embedded database factory answered ${res.status}: ${await res.text()}`);
  const { id, url } = (await res.json()) as { id: string; url: string };
  return {
    url,
    drop: async () => void (await withRetry(() => fetch(`${factory}/databases/${id}`, { method: 'DELETE' }))),
  };
}

/** A loopback call that failed before any answer (a reset socket) is tried again, twice at most. */
async function withRetry(call: () => Promise<Response>): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= 3) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
