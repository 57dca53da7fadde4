import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { from, Observable, mergeMap } from 'rxjs';
import { AuditService } from './audit.service';

export const AUDITED_KEY = 'audit:kind';

/**
 * Marks a handler whose successful answer is a change of record (a record ingested, imported or
 * revoked, a pack published…): the answer leaves only after its audit entry committed.
 */
export const Audited = (kind: string) => SetMetadata(AUDITED_KEY, kind);

/**
 * Appends the audit entry of an @Audited handler: who called (caller system, operator header), what was
 * asked (method, path, a SHA-256 of the body: an import's rows are in the answer, by decision number and
 * record id), and what was answered. The body's hash, not the body: a bulk import would otherwise be
 * copied whole into the trail.
 */
@Injectable()
export class AuditedInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const kind = this.reflector.get<string | undefined>(AUDITED_KEY, ctx.getHandler());
    if (!kind) return next.handle();
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    return next.handle().pipe(
      mergeMap((answer: unknown) =>
        from(
          this.audit
            .append({
              kind,
              caller: req.caller?.name ?? null,
              operator: headerOf(req, 'x-operator'),
              subjectIds: subjectIdsIn(answer),
              request: { method: req.method, path: req.url.split('?')[0], bodySha256: createHash('sha256').update(JSON.stringify(req.body ?? null)).digest('hex') },
              response: answer,
            })
            .then(() => answer),
        ),
      ),
    );
  }
}

function headerOf(req: FastifyRequest, name: string): string | null {
  const v = req.headers[name];
  return typeof v === 'string' && v.length <= 100 ? v : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every `subjectId` found in the answer (a record, or an import report's rows), at most 1,000. */
export function subjectIdsIn(answer: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, depth: number) => {
    if (out.size >= 1000 || depth > 6 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === 'subjectId' && typeof x === 'string' && UUID.test(x)) out.add(x.toLowerCase());
      else walk(x, depth + 1);
    }
  };
  walk(answer, 0);
  return [...out];
}
