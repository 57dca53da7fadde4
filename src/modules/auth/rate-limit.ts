import rateLimit from '@fastify/rate-limit';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ApiKeysService } from './api-keys.service';
import { RateLimited } from './auth.errors';

interface Plan {
  readonly bucket: string;
  /** Requests a minute; 0 = not limited. */
  readonly limit: number;
}

/**
 * Requests a minute per caller (@fastify/rate-limit, in memory, per process): a valid key counts
 * against its own limit (rate_limit_per_minute, else the default), anything else against the client
 * address with the default. `defaultPerMinute` 0 leaves the latter unlimited. Must run before app.init().
 */
export async function registerRateLimit(app: NestFastifyApplication, defaultPerMinute: number): Promise<void> {
  const keys = app.get(ApiKeysService);
  const logger = new Logger('RateLimit');
  const plans = new WeakMap<FastifyRequest, Promise<Plan>>();
  const lastLogged = new Map<string, number>();

  const classify = async (req: FastifyRequest): Promise<Plan> => {
    try {
      const auth = await keys.authenticateRequest(req);
      if ('caller' in auth)
        return { bucket: `key:${auth.record.prefix}`, limit: auth.record.rateLimitPerMinute ?? defaultPerMinute };
    } catch {
      // The database is unreachable: fall back to the address; the guard answers the request.
    }
    return { bucket: `ip:${req.ip}`, limit: defaultPerMinute };
  };
  const plan = (req: FastifyRequest): Promise<Plan> => {
    let p = plans.get(req);
    if (!p) plans.set(req, (p = classify(req)));
    return p;
  };

  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: 60_000,
    keyGenerator: async (req) => (await plan(req)).bucket,
    allowList: async (req) => (await plan(req)).limit === 0,
    max: async (req) => (await plan(req)).limit,
    errorResponseBuilder: (_req, ctx) => new RateLimited(ctx.max, Math.max(1, Math.ceil(ctx.ttl / 1000))),
    onExceeded: (req, bucket) => {
      // One line per bucket and minute, whatever the flood; the bucket names a key prefix, never a key.
      const now = Date.now();
      if (now - (lastLogged.get(bucket) ?? 0) < 60_000) return;
      lastLogged.set(bucket, now);
      logger.warn(
        {
          refused: {
            method: req.method,
            url: req.url.split('?')[0],
            reason: 'RATE_LIMITED',
            bucket,
            status: 429,
            requestId: req.id,
          },
        },
        'rate limit reached',
      );
    },
  });
}
