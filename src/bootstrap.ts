import { Logger as NestLogger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './config/app.config';
import { requestIdOf } from './common/logging';
import { createValidationPipe } from './common/validation';
import { ProblemDetailsFilter, sendProblem, toProblem } from './common/problem.filter';
import { scrubDeepAll } from './common/pii';
import { clientErrorHandler } from './common/client-errors';
import { setupOpenApi } from './openapi';
import { startEmbeddedDatabase, EmbeddedDatabase } from './database/embedded';
import { registerRateLimit } from './modules/auth/rate-limit';
import { consoleDir, registerConsole } from './console-static';

export type RuntimeConfig = AppConfig & { databaseUrl: string; embedded: boolean };

/** Resolve the database: DATABASE_URL, or the embedded PostgreSQL under the data folder. */
export async function resolveDatabase(
  config: AppConfig,
): Promise<{ runtime: RuntimeConfig; embedded?: EmbeddedDatabase }> {
  if (config.databaseUrl) return { runtime: { ...config, databaseUrl: config.databaseUrl, embedded: false } };
  const embedded = await startEmbeddedDatabase(config.dataDir);
  return { runtime: { ...config, databaseUrl: embedded.url, embedded: true }, embedded };
}

/** Build the whole HTTP application (used by main.ts and by the end-to-end tests). */
export async function createApp(config: RuntimeConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: requestIdOf,
    requestIdHeader: false,
    logger: false,
    // Errors Fastify answers before any route runs (a path parameter over 100 characters, a malformed URL,
    // request headers over 16 KB) are problem details like every other error, the path masked.
    frameworkErrors: (err: FastifyError, req: FastifyRequest, reply: FastifyReply) =>
      sendProblem(reply, scrubDeepAll(toProblem(err, undefined, req.id))),
    clientErrorHandler,
  });
  const fastify = adapter.getInstance();
  // Bulk imports accept CSV (as bytes: UTF-8 or GB18030/GBK, decoded by the import) and .xlsx workbooks; other
  // routes refuse what is not JSON with 415 (JsonOnlyGuard).
  fastify.addContentTypeParser(
    ['text/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
  fastify.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  await registerRateLimit(app, config.rateLimitPerMinute);
  // The web console (信用监管工作台) at /console: static files, no key needed (its API calls carry one).
  await registerConsole(app, consoleDir(config.consoleDir));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupOpenApi(app);
  await app.init();
  new NestLogger('Bootstrap').log(
    `Database: ${config.embedded ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL server'}`,
  );
  return app;
}
