import {
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, randomUUID } from 'node:crypto';
import { TextDecoder } from 'node:util';
import type { FastifyRequest } from 'fastify';
import { from, Observable, mergeMap } from 'rxjs';
import { scrubAllIdNumbers } from '../../common/pii';
import { AuditService } from './audit.service';
import type { PendingAudit } from './audit-outbox';
import { isUuid } from '../../common/uuid';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by AuditedInterceptor on an @Audited route: the entry its change will become. */
    pendingAudit?: PendingAudit;
  }
}

/**
 * `@PendingAuditOf() audit: PendingAudit | undefined` in an @Audited handler: hand it to the code that writes
 * the change, so that the change's transaction leaves an outbox row for its entry (audit-outbox.ts).
 */
export const PendingAuditOf = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): PendingAudit | undefined => {
    return ctx.switchToHttp().getRequest<FastifyRequest>().pendingAudit;
  },
);

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
 * copied whole into the trail. The entry's id is chosen before the handler runs (`req.pendingAudit`), so
 * that a change written in its own transaction can stage its entry there (audit outbox): a crash between
 * the change's COMMIT and this append then still reaches the trail.
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
    // The request's summary is computed when first needed, after validation: the body is not yet checked
    // here, and serialising a hostile one (nested 50,000 deep) would overflow the stack before the pipe refuses it.
    let request: Record<string, unknown> | undefined;
    const pending: PendingAudit = {
      entryId: randomUUID(),
      kind,
      caller: req.caller?.name ?? null,
      operator: headerOf(req, 'x-operator'),
      get request() {
        return (request ??= { method: req.method, path: req.url.split('?')[0], bodySha256: bodySha256(req.body) });
      },
    };
    req.pendingAudit = pending;
    return next.handle().pipe(
      mergeMap((answer: unknown) =>
        from(
          this.audit
            .append({
              id: pending.entryId,
              kind,
              caller: pending.caller,
              operator: pending.operator,
              subjectIds: subjectIdsIn(answer),
              request: pending.request,
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

/**
 * Room for every subject of the largest import (MAX_IMPORT_ROWS in src/modules/records, one subject per row
 * at most): an entry that named only some of them would hide the import from a search by subject.
 */
export const MAX_ENTRY_SUBJECTS = 5000;

/** Every `subjectId` found in the answer (a record, or an import report's rows), at most MAX_ENTRY_SUBJECTS. */
export function subjectIdsIn(answer: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, depth: number) => {
    if (out.size >= MAX_ENTRY_SUBJECTS || depth > 6 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === 'subjectId' && typeof x === 'string' && isUuid(x)) out.add(x.toLowerCase());
      else walk(x, depth + 1);
    }
  };
  walk(answer, 0);
  return [...out];
}

/**
 * SHA-256 of the body with every ID number masked first (first-generation 15-digit ones too). A plain
 * hash of a body holding a natural person's ID number would let anyone with the trail and the masked
 * number (region and last four kept) recover it by trying the few thousand possible birth dates.
 */
export function bodySha256(body: unknown): string {
  return createHash('sha256')
    .update(scrubAllIdNumbers(JSON.stringify(Buffer.isBuffer(body) ? bodyText(body) : (body ?? null))))
    .digest('hex');
}

/**
 * A body that came as bytes (a CSV in UTF-8 or GB18030, an .xlsx workbook) as text, so that its ID numbers are
 * masked before hashing like a JSON body's: a CSV hashes as its text always did. A workbook is compressed
 * bytes, not text: hashed as base64 (a guess would have to rebuild the whole file, not one number).
 */
function bodyText(body: Buffer): string {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(body);
    } catch {
      /* the next encoding */
    }
  }
  return body.toString('base64');
}
