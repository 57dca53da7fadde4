import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainError } from '../../common/problem';
import { ApiKeysService } from './api-keys.service';
import { AuthRefusals } from './auth-refusals';
import { ScopeForbidden } from './auth.errors';
import type { Caller } from './caller';
import { accessOf } from './route-access';
import { scopesAdmit } from './scopes';

/**
 * The global guard (APP_GUARD), default deny: @Public routes pass; @RequireScopes routes need a valid,
 * live key holding one of the scopes (401 / 403 otherwise); a route with neither is refused (403).
 * The caller is put on the request (`request.caller`, or `@Caller()` in a handler).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    private readonly refusals: AuthRefusals,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const access = accessOf(this.reflector, ctx.getHandler(), ctx.getClass());
    if ('public' in access) return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    if ('undeclared' in access) this.refuse(req, new ScopeForbidden([]), null);
    const auth = await this.keys.authenticateRequest(req);
    if ('refusal' in auth) {
      const invalid = auth.refusal.code === 'AUTH_INVALID' ? ', error="invalid_token"' : '';
      void ctx
        .switchToHttp()
        .getResponse<FastifyReply>()
        .header('www-authenticate', `Bearer realm="credit-supervision-engine"${invalid}`);
      this.refuse(req, auth.refusal, null);
    }
    if (!scopesAdmit(auth.caller.scopes, access.scopes))
      this.refuse(req, new ScopeForbidden(access.scopes), auth.caller);
    req.caller = auth.caller;
    this.keys.touch(auth.record);
    return true;
  }

  private refuse(req: FastifyRequest, error: DomainError, caller: Caller | null): never {
    this.refusals.record(req, error, caller);
    throw error;
  }
}
