import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The web console (信用监管工作台) at `/console`: the single-page application Vite builds into
 * `dist/console` (`npm run build:console`, part of `npm run build`). Hashed assets under
 * `/console/assets/` are cached for a year; every other path under `/console` answers index.html (the
 * client routes), never cached. No API key is needed for these files: the console asks for one and
 * sends it on each API call. Not built: `/console` says how to build it (503).
 */
export const CONSOLE_PREFIX = '/console';

/** The folder holding package.json, searched upwards (compiled under dist/src, or run from src by ts-jest). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

/** The built console: CONSOLE_DIR (config.consoleDir) when set, else dist/console of the project. */
export function consoleDir(configured?: string): string {
  return configured || join(projectRoot(__dirname), 'dist', 'console');
}

/** The console page's own policy: everything from this origin, no CDN; antd writes inline styles. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

export async function registerConsole(app: NestFastifyApplication, root = consoleDir()): Promise<void> {
  const built = existsSync(join(root, 'index.html'));
  await app.register(async (f: FastifyInstance) => {
    if (built) {
      await f.register(fastifyStatic, {
        root: join(root, 'assets'),
        prefix: `${CONSOLE_PREFIX}/assets/`,
        immutable: true,
        maxAge: '365d',
        index: false,
        // gzip/brotli copies are not written by the build; Fastify answers identity.
      });
    }
    const page = async (_req: unknown, reply: FastifyReply) => {
      if (!built) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send(
            'The console is not built (控制台尚未构建): run `npm run build` (or `npm run build:console`) and restart.',
          );
      }
      const html = await readFile(join(root, 'index.html'), 'utf8');
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CSP)
        .header('x-content-type-options', 'nosniff')
        .send(html);
    };
    f.get(CONSOLE_PREFIX, page);
    f.get(`${CONSOLE_PREFIX}/`, page);
    f.get(`${CONSOLE_PREFIX}/*`, page);
  });
}
