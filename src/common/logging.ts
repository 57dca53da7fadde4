import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { isValidResidentId } from './identifiers/resident-id';
import { scrubAllIdNumbers, scrubDeepAll } from './pii';

/**
 * Structured JSON logs: request id on every line, secrets redacted, ID numbers masked: 18-character ones
 * in any digit form and 15-digit first-generation ones (scrubAllIdNumbers; over-masking is harmless in a log).
 */
export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      level,
      genReqId: (req: IncomingMessage) => requestIdOf(req),
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          'req.headers.cookie',
          '*.apiKey',
          '*.idNumber',
          '*.password',
          '*.secret',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: scrubAllIdNumbers(req.url),
        }),
      },
      formatters: { log: (obj: Record<string, unknown>) => scrubDeepAll(obj) },
      hooks: {
        logMethod(args: unknown[], method: (...a: unknown[]) => void) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? scrubAllIdNumbers(a) : a)),
          );
        },
      },
      customLogLevel: (_req: unknown, res: { statusCode: number }, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
    },
  };
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * True when some 18 characters of `s` form a valid resident ID number, wherever they stand, or when `s`
 * holds what the logs would mask (a first-generation 15-digit number standing alone).
 */
function holdsIdNumber(s: string): boolean {
  if (scrubAllIdNumbers(s) !== s) return true;
  for (const run of s.toUpperCase().match(/\d{17}[\dX]*/g) ?? []) {
    for (let i = 0; i + 18 <= run.length; i++) if (isValidResidentId(run.slice(i, i + 18))) return true;
  }
  return false;
}

/**
 * A caller's X-Request-Id when it is well-formed, otherwise a fresh UUID. The request id is on every log
 * line unmasked: one carrying a resident ID number is replaced too.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) && !holdsIdNumber(given) ? given : randomUUID();
}
