import 'reflect-metadata';
import { Controller, ExecutionContext, Get, Logger } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard';
import type { ApiKeysService, Authentication } from './api-keys.service';
import { AuthRefusals, RefusalAuditSink } from './auth-refusals';
import { AuthRequired } from './auth.errors';
import { Caller } from './caller';
import { Public, RequireScopes } from './scopes.decorator';

@RequireScopes('tiers')
@Controller('x')
class Declared {
  @Get() read() {}
  @Public() @Get('open') open() {}
  @RequireScopes('checks') @Get('check') check() {}
}
@Controller('y')
class Forgotten {
  @Get() read() {}
}

const caller: Caller = {
  keyId: 'k1',
  name: 'qijiang-tendering-platform',
  scopes: ['checks'],
  scenarios: ['tendering'],
  department: null,
};
const record = { id: 'k1' } as never;

function setup(auth: Authentication) {
  const appended: unknown[] = [];
  // An audit that never answers: refusals must not wait for it.
  const sink: RefusalAuditSink = { append: (e) => (appended.push(e), new Promise(() => undefined)) };
  const touched: unknown[] = [];
  const keys = {
    authenticateRequest: () => Promise.resolve(auth),
    touch: (r: unknown) => touched.push(r),
  } as unknown as ApiKeysService;
  const guard = new ApiKeyGuard(new Reflector(), keys, new AuthRefusals(sink));
  const headers: Record<string, string> = {};
  const run = (cls: new () => object, handler: string) => {
    const req: Record<string, unknown> = { method: 'GET', url: '/x', id: 'r1', headers };
    const reply = { header: (k: string, v: string) => (headers[`reply:${k}`] = v) };
    const ctx = {
      getHandler: () => (cls.prototype as Record<string, unknown>)[handler],
      getClass: () => cls,
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => reply }),
    } as unknown as ExecutionContext;
    return { req, result: guard.canActivate(ctx) };
  };
  return { run, appended, touched, headers };
}

describe('ApiKeyGuard (default deny)', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('lets @Public through without asking for a key', async () => {
    const { run } = setup({ refusal: new AuthRequired() });
    await expect(run(Declared, 'open').result).resolves.toBe(true);
  });

  it('puts the caller on the request when a scope admits it, and records use', async () => {
    const { run, touched } = setup({ caller, record });
    const { req, result } = run(Declared, 'check');
    await expect(result).resolves.toBe(true);
    expect(req.caller).toEqual(caller);
    expect(touched).toEqual([record]);
  });

  it('refuses the wrong scope (403) and an absent key (401 + WWW-Authenticate), audited without waiting', async () => {
    const wrong = setup({ caller, record });
    await expect(wrong.run(Declared, 'read').result).rejects.toMatchObject({
      status: 403,
      code: 'SCOPE_FORBIDDEN',
      extensions: { requiredScopes: ['tiers'] },
    });
    expect(wrong.appended).toEqual([
      { kind: 'auth.refused', caller: caller.name, request: { method: 'GET', url: '/x', reason: 'SCOPE_FORBIDDEN' } },
    ]);
    const none = setup({ refusal: new AuthRequired() });
    await expect(none.run(Declared, 'read').result).rejects.toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
    expect(none.headers['reply:www-authenticate']).toMatch(/^Bearer/);
    expect(none.appended).toHaveLength(1);
  });

  it('refuses a route with neither decorator, even to an admin', async () => {
    const { run } = setup({ caller: { ...caller, scopes: ['admin'] }, record });
    await expect(run(Forgotten, 'read').result).rejects.toMatchObject({ status: 403, code: 'SCOPE_FORBIDDEN' });
  });

  it("@Caller() hands the request's caller to a handler", () => {
    class Probe {
      handle(@Caller() _c: Caller) {}
    }
    const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handle') as Record<
      string,
      { factory: (d: unknown, ctx: unknown) => unknown }
    >;
    const factory = Object.values(args)[0].factory;
    const ctx = { switchToHttp: () => ({ getRequest: () => ({ caller }) }) };
    expect(factory(undefined, ctx)).toBe(caller);
  });
});
