import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded default: PostgreSQL compiled to WASM (PGlite), persisted under the data folder, served
 * on a loopback socket so that the ordinary `pg` driver, TypeORM and the same migrations run on it as
 * on a real server. PGlite is one PostgreSQL session: the pool must hold a single connection.
 */
export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedDatabase(dataDir: string | undefined): Promise<EmbeddedDatabase> {
  // PGlite ships as ESM with a dynamic import inside: load it the same way.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  let db: InstanceType<typeof PGlite>;
  if (dataDir) {
    const dir = join(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    db = await PGlite.create(dir);
  } else {
    db = await PGlite.create();
  }
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 });
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
