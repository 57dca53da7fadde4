import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import type { ProblemDetails } from '../../src/common/problem';
import { AuditService } from '../../src/modules/audit/audit.service';
import { ApiKeysService, KEY_CACHE_MS } from '../../src/modules/auth/api-keys.service';
import { AuthRoutes } from '../../src/modules/auth/auth-routes';
import { assertScenarioAllowed, Caller } from '../../src/modules/auth/caller';
import type { RouteInfo } from '../../src/modules/auth/route-access';
import { Scope, SCOPES } from '../../src/modules/auth/scopes';
import { httpAs, HttpResult, startTestApp, TestApp } from '../helpers/app';

const FAKE_KEY = `cse_0badc0de_${'A'.repeat(43)}`;
const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, () => randomUUID());

describe('callers and API keys (调用方与权限)', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const logs: string[] = [];
  const issued: string[] = [];
  const scoped = {} as Record<Exclude<Scope, 'admin'>, string>;
  let revoked: string;
  const startedAt = new Date().toISOString();
  const key = async (input: Parameters<TestApp['createKey']>[0]) => {
    const k = await t.createKey(input);
    issued.push(k);
    return k;
  };
  /** The bodies these tests read are problems (or nothing: a 204). */
  const as = (k: string | null, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    httpAs<ProblemDetails | undefined>(k, t.url, method, path, body, headers);
  const callerOf = async (k: string): Promise<Caller> => {
    const auth = await t.app.get(ApiKeysService).authenticate({ authorization: `Bearer ${k}` });
    if (!('caller' in auth)) throw new Error('key not accepted');
    return auth.caller;
  };

  beforeAll(async () => {
    // pino writes to process.stdout when stdout.write is replaced: every log line lands in `logs`.
    jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => logs.push(String(chunk)) > 0);
    t = await startTestApp({ LOG_LEVEL: 'info' });
    issued.push(t.adminKey);
    for (const s of SCOPES) if (s !== 'admin') scoped[s] = await key({ scopes: [s] });
    const name = `revoked-${randomUUID()}`;
    revoked = await key({ name, scopes: ['admin'] });
    await t.app.get(ApiKeysService).revoke(name);
    routes = t.app.get(AuthRoutes).list();
  });
  afterAll(async () => {
    await t.close();
    jest.restoreAllMocks();
  });

  it('every Nest route declares @Public or @RequireScopes (a forgotten decorator would fail closed)', () => {
    expect(routes.filter((r) => 'undeclared' in r.access).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const fastify = t.app.getHttpAdapter().getInstance();
    for (const r of routes) expect(fastify.hasRoute({ method: r.method, url: r.path })).toBe(true);
    const find = (m: string, p: string) => routes.find((r) => r.method === m && r.path === p)?.access;
    expect(find('GET', '/health')).toEqual({ public: true });
    expect(find('POST', '/api/v1/subjects')).toEqual({ scopes: ['subjects'] });
    expect(find('GET', '/api/v1/subjects/:id/records')).toEqual({ scopes: ['records'] });
    expect(find('GET', '/api/v1/subjects/:id/tiers')).toEqual({ scopes: ['tiers'] });
    expect(find('GET', '/api/v1/packs')).toEqual({ scopes: ['packs', 'tiers'] });
  });

  it('refuses every route without, with an invalid or a revoked key (401), or the wrong scope (403)', async () => {
    const failures: string[] = [];
    const expectStatus = (
      r: RouteInfo,
      what: string,
      res: HttpResult<ProblemDetails | undefined>,
      ok: (s: number) => boolean,
      code?: string,
    ) => {
      if (!ok(res.status) || (code && res.body?.code !== code))
        failures.push(`${r.method} ${r.path} ${what}: ${res.status} ${res.body?.code}`);
    };
    for (const r of routes) {
      const path = concrete(r.path);
      const body = r.method === 'GET' ? undefined : { probe: true };
      if ('public' in r.access) {
        expectStatus(r, 'public, no key', await as(null, r.method, path, body), (s) => s !== 401 && s !== 403);
        continue;
      }
      if (!('scopes' in r.access)) continue;
      const accepted = r.access.scopes;
      const none = await as(null, r.method, path, body);
      expectStatus(r, 'no key', none, (s) => s === 401, 'AUTH_REQUIRED');
      if (!none.headers.get('www-authenticate')?.startsWith('Bearer'))
        failures.push(`${r.method} ${r.path}: no WWW-Authenticate`);
      expectStatus(r, 'invalid key', await as(FAKE_KEY, r.method, path, body), (s) => s === 401, 'AUTH_INVALID');
      expectStatus(r, 'revoked key', await as(revoked, r.method, path, body), (s) => s === 401, 'AUTH_INVALID');
      // A route open to every valid key (GET /api/v1/me accepts every scope) has no wrong scope to try.
      const wrongScope = SCOPES.find((s): s is Exclude<Scope, 'admin'> => s !== 'admin' && !accepted.includes(s));
      if (wrongScope) {
        const wrong = await as(scoped[wrongScope], r.method, path, body);
        expectStatus(r, `scope ${wrongScope}`, wrong, (s) => s === 403, 'SCOPE_FORBIDDEN');
        if (wrong.status === 403) expect(wrong.body?.requiredScopes).toEqual(accepted);
      }
      for (const s of accepted) {
        if (s === 'admin') continue;
        expectStatus(r, `scope ${s}`, await as(scoped[s], r.method, path, body), (st) => st !== 401 && st !== 403);
      }
    }
    expect(failures).toEqual([]);
    expect(routes.length).toBeGreaterThan(15);
  });

  it('takes the key from Authorization: Bearer or X-Api-Key; answers problem details naming the scope', async () => {
    expect((await as(null, 'GET', '/api/v1/facts', undefined, { 'x-api-key': scoped.packs })).status).toBe(200);
    expect(
      (await as(null, 'GET', '/api/v1/facts', undefined, { authorization: `bearer ${scoped.tiers}` })).status,
    ).toBe(200);
    const basic = await as(null, 'GET', '/api/v1/facts', undefined, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(basic.body).toMatchObject({ status: 401, code: 'AUTH_INVALID' });
    const both = await as(scoped.packs, 'GET', '/api/v1/facts', undefined, { 'x-api-key': scoped.tiers });
    expect(both.body).toMatchObject({ status: 401, code: 'AUTH_INVALID' });
    const wrong = await as(null, 'GET', '/api/v1/tiering/distribution', undefined, { 'x-api-key': scoped.checks });
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body).toMatchObject({ status: 403, code: 'SCOPE_FORBIDDEN', requiredScopes: ['tiers'] });
    expect(wrong.body?.detail).toContain('"tiers"');
    expect((await as(t.adminKey, 'GET', '/api/v1/tiering/distribution')).status).toBe(200);
  });

  it('revocation: at once through the service, within the cache bound when done from another process', async () => {
    const name = `rev-${randomUUID()}`;
    const k = await key({ name, scopes: ['packs'] });
    expect((await as(k, 'GET', '/api/v1/facts')).status).toBe(200);
    await t.app.get(DataSource).query(`UPDATE api_keys SET revoked_at = now() WHERE name = $1`, [name]); // as the CLI does
    const clock = t.app.get(Clock);
    try {
      clock.pin(new Date(Date.now() + KEY_CACHE_MS + 1000));
      expect((await as(k, 'GET', '/api/v1/facts')).body).toMatchObject({ status: 401, code: 'AUTH_INVALID' });
    } finally {
      clock.pin(null);
    }
    const other = `rev-${randomUUID()}`;
    const k2 = await key({ name: other, scopes: ['packs'] });
    expect((await as(k2, 'GET', '/api/v1/facts')).status).toBe(200);
    await t.app.get(ApiKeysService).revoke(other);
    expect((await as(k2, 'GET', '/api/v1/facts')).status).toBe(401);
  });

  it('records last use (at most once a minute), never the key itself', async () => {
    const name = `used-${randomUUID()}`;
    const k = await key({ name, scopes: ['packs'] });
    const lastUsed = async () =>
      (
        await t.app
          .get(DataSource)
          .query<{ last_used_at: Date | null; key_hash: string }[]>(
            `SELECT last_used_at, key_hash FROM api_keys WHERE name = $1`,
            [name],
          )
      )[0];
    expect((await lastUsed()).last_used_at).toBeNull();
    await as(k, 'GET', '/api/v1/facts');
    for (let i = 0; i < 50 && !(await lastUsed()).last_used_at; i++) await new Promise((r) => setTimeout(r, 20));
    const row = await lastUsed();
    expect(row.last_used_at).not.toBeNull();
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(k.slice(13));
  });

  it('restricts scenarios: assertScenarioAllowed throws a 403 SCENARIO_FORBIDDEN problem', async () => {
    const tendering = await callerOf(
      await key({ scopes: ['checks'], scenarios: ['tendering', 'government_procurement'] }),
    );
    expect(() => assertScenarioAllowed(tendering, 'tendering')).not.toThrow();
    expect(() => assertScenarioAllowed(tendering, 'land_transfer')).toThrow(
      expect.objectContaining({ status: 403, code: 'SCENARIO_FORBIDDEN' }),
    );
    const none = await callerOf(await key({ scopes: ['checks'], scenarios: [] }));
    expect(() => assertScenarioAllowed(none, 'tendering')).toThrow(
      expect.objectContaining({ code: 'SCENARIO_FORBIDDEN' }),
    );
    const all = await callerOf(scoped.checks); // scenarios {*}
    expect(() => assertScenarioAllowed(all, 'land_transfer')).not.toThrow();
    const admin = await callerOf(t.adminKey);
    expect(() => assertScenarioAllowed(admin, 'anything')).not.toThrow();
    expect(() => assertScenarioAllowed(undefined, 'tendering')).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('limits each caller to its requests a minute: 429 problem with Retry-After, other callers unaffected', async () => {
    const slow = await key({ scopes: ['packs'], rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) {
      const ok = await as(slow, 'GET', '/api/v1/facts');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-ratelimit-limit')).toBe('3');
    }
    const limited = await as(slow, 'GET', '/api/v1/facts');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED', limit: 3 });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await as(scoped.packs, 'GET', '/api/v1/facts')).status).toBe(200);
  });

  it('logs each refusal as a warning and audits it, never with a key (Authorization or X-Api-Key)', async () => {
    const text = logs.join('');
    const refusals = text.split('\n').filter((l) => l.includes('"request refused"'));
    const reasons = [
      'AUTH_REQUIRED',
      'AUTH_INVALID:unknown',
      'AUTH_INVALID:revoked',
      'AUTH_INVALID:scheme',
      'SCOPE_FORBIDDEN',
    ];
    for (const code of reasons)
      expect(refusals.some((l) => l.includes(`"reason":"${code}"`) && l.includes('"level":40'))).toBe(true);
    expect(text).toContain('rate limit reached');
    const audit = t.app.get(AuditService);
    await audit.flush();
    const entries = (await audit.list({ kind: 'auth.refused', from: startedAt }, 0, 1000)).items;
    const audited = JSON.stringify(entries);
    for (const code of reasons) expect(audited).toContain(`"reason":"${code}"`);
    expect(entries.some((e) => e.caller === null) && entries.some((e) => e.caller?.startsWith('test-'))).toBe(true);
    for (const k of [...issued, FAKE_KEY]) {
      for (const haystack of [text, audited]) {
        expect(haystack).not.toContain(k);
        expect(haystack).not.toContain(k.slice(13));
      }
    }
    expect(text).not.toContain('dXNlcjpwYXNz');
  });
});
