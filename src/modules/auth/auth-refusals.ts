import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { scrubAllIdNumbers } from '../../common/pii';
import type { DomainError } from '../../common/problem';
import { AuthInvalid } from './auth.errors';
import type { Caller } from './caller';

/** Where refusals are audited: AuditService (wired by AuthModule.register in modules/index.ts); a test may plug another. */
export interface RefusalAuditSink {
  append(entry: {
    kind: 'auth.refused';
    caller: string | null;
    request: { method: string; url: string; reason: string };
  }): Promise<unknown>;
}
export const AUTH_AUDIT_SINK = Symbol('AUTH_AUDIT_SINK');

/** Logs (warn) and audits every refused request; never with the key, never blocking the answer. */
@Injectable()
export class AuthRefusals {
  private readonly logger = new Logger('Auth');

  constructor(@Optional() @Inject(AUTH_AUDIT_SINK) private readonly audit?: RefusalAuditSink) {}

  record(req: FastifyRequest, error: DomainError, caller: Caller | null): void {
    const reason = error instanceof AuthInvalid ? `${error.code}:${error.reason}` : error.code;
    const request = { method: req.method, url: scrubAllIdNumbers((req.url ?? '').split('?')[0]), reason };
    this.logger.warn(
      { refused: { ...request, status: error.status, caller: caller?.name ?? null, requestId: req.id } },
      'request refused',
    );
    if (!this.audit) return;
    try {
      this.audit
        .append({ kind: 'auth.refused', caller: caller?.name ?? null, request })
        .catch((err: unknown) => this.logger.error({ err }, 'could not audit a refusal'));
    } catch (err: unknown) {
      this.logger.error({ err }, 'could not audit a refusal');
    }
  }
}
