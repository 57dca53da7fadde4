import { randomUUID } from 'node:crypto';
import { ApiKeysService } from '../../src/modules/auth/api-keys.service';
import { httpAs, startTestApp, TestApp } from '../helpers/app';
import type { ProblemDetails } from '../../src/common/problem';

/** GET /api/v1/me: a key learns its own name, scopes, scenarios and department (the console's menu). */
describe('GET /api/v1/me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers the calling key’s own name, scopes, scenarios and department, and nothing secret', async () => {
    const name = `clerk-${randomUUID().slice(0, 8)}`;
    const key = await t.createKey({
      name,
      scopes: ['checks', 'feedback'],
      scenarios: ['tendering'],
      department: '綦江区政务服务中心',
    });
    const res = await httpAs(key, t.url, 'GET', '/api/v1/me');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      name,
      scopes: ['checks', 'feedback'],
      scenarios: ['tendering'],
      department: '綦江区政务服务中心',
    });
    // The secret is everything after `cse_<prefix>_` (it may itself hold an underscore: base64url).
    const secret = /^cse_[0-9a-f]{8}_(.{43})$/.exec(key)?.[1];
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(res.body)).not.toContain(secret);
    expect(JSON.stringify(res.body)).not.toContain(key.slice(0, 12));
  });

  it('admits a key of any single scope', async () => {
    const key = await t.createKey({ scopes: ['quality'] });
    const res = await httpAs<{ scopes: string[]; department: string | null }>(key, t.url, 'GET', '/api/v1/me');
    expect(res.status).toBe(200);
    expect(res.body.scopes).toEqual(['quality']);
    expect(res.body.department).toBeNull();
  });

  it('refuses no key (401 AUTH_REQUIRED) and a revoked key (401 AUTH_INVALID saying it was revoked)', async () => {
    const none = await httpAs<ProblemDetails>(null, t.url, 'GET', '/api/v1/me');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('AUTH_REQUIRED');
    const name = `revoked-${randomUUID().slice(0, 8)}`;
    const key = await t.createKey({ name, scopes: ['admin'] });
    expect((await httpAs(key, t.url, 'GET', '/api/v1/me')).status).toBe(200);
    await t.app.get(ApiKeysService).revoke(name);
    const revoked = await httpAs<ProblemDetails>(key, t.url, 'GET', '/api/v1/me');
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('AUTH_INVALID');
    expect(revoked.body.detail).toMatch(/revoked/);
  });
});
