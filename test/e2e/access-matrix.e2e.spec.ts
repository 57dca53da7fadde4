import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import { ApiKeysService } from '../../src/modules/auth/api-keys.service';
import { AuthRoutes } from '../../src/modules/auth/auth-routes';
import type { RouteInfo } from '../../src/modules/auth/route-access';
import { SCOPES } from '../../src/modules/auth/scopes';
import { httpAs, startTestApp, TestApp } from '../helpers/app';
import { answerProblems } from '../helpers/leak-checks';
import { operationsOf, type OpenApiDoc } from '../helpers/openapi-doc';

/**
 * Every route (the auth module's route table, checked against the OpenAPI document) against every scope
 * of scopes.ts and against a missing, malformed, unknown and revoked key. The expectation of each cell is
 * derived from the route's own declaration (@Public / @RequireScopes: any accepted scope, or admin,
 * admits), never copied: the test checks that the server enforces what the code declares. Path
 * parameters are real where it matters (a natural person, their record, a check about them), so an
 * admitted cell reads real personal data and a refused one must not.
 */
const ID_NUMBER = '11010519491231002X';
const MASKED = '110105********002X';
const PERSON_NAME = '权限矩阵测试人';

type Credential = {
  readonly label: string;
  readonly key: string | null;
  readonly scope?: string;
  readonly expect?: 'AUTH_REQUIRED' | 'AUTH_INVALID';
};

interface KeyList {
  items: { id: string; name: string; revokedAt?: string | null }[];
}
/** A JSON object answered, read as a problem (its fields undefined when it is not one); nothing for text or an empty body. */
const asProblem = (body: unknown) =>
  body !== null && typeof body === 'object' ? (body as Partial<ProblemDetails>) : undefined;

describe('access matrix: every route × every scope and bad keys', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  let doc: OpenApiDoc;
  const creds: Credential[] = [];
  const ids: Record<string, string> = {};

  const pathFor = (r: RouteInfo): string =>
    r.path.replace(/:(\w+)/g, (_, name: string) => {
      if (name === 'system') return 'tendering-platform';
      if (r.path.startsWith('/api/v1/packs/')) return 'tax';
      if (r.path.startsWith('/api/v1/subjects/')) return ids.subject;
      if (r.path.startsWith('/api/v1/records/')) return ids.record;
      if (r.path.startsWith('/api/v1/checks/')) return ids.check;
      if (r.path.startsWith('/api/v1/api-keys/')) return ids.apiKey;
      return randomUUID();
    });

  beforeAll(async () => {
    t = await startTestApp();
    for (const s of SCOPES) creds.push({ label: `scope ${s}`, key: await t.createKey({ scopes: [s] }), scope: s });
    const revokedName = `revoked-${randomUUID()}`;
    const revoked = await t.createKey({ name: revokedName, scopes: ['admin'] });
    await t.app.get(ApiKeysService).revoke(revokedName);
    creds.push(
      { label: 'no key', key: null, expect: 'AUTH_REQUIRED' },
      { label: 'malformed key', key: 'not-a-key', expect: 'AUTH_INVALID' },
      { label: 'truncated key', key: t.adminKey.slice(0, -4), expect: 'AUTH_INVALID' },
      { label: 'unknown key', key: `cse_0badc0de_${'A'.repeat(43)}`, expect: 'AUTH_INVALID' },
      { label: 'revoked admin key', key: revoked, expect: 'AUTH_INVALID' },
    );
    routes = t.app.get(AuthRoutes).list();
    doc = (await (await fetch(`${t.url}/docs-json`)).json()) as OpenApiDoc;

    // A natural person, sent in full (the log check of the suite then has ID numbers to look for).
    const admin = <T>(m: string, p: string, b?: unknown, h?: Record<string, string>) =>
      httpAs<T>(t.adminKey, t.url, m, p, b, h);
    const person = await admin<{ id: string }>('POST', '/api/v1/subjects', {
      kind: 'natural_person',
      idNumber: ID_NUMBER,
      name: PERSON_NAME,
    });
    ids.subject =
      person.status === 201
        ? person.body.id
        : (await admin<{ id: string }>('POST', '/api/v1/subjects/lookup', { idNumber: ID_NUMBER })).body.id;
    const record = await admin<{ record?: { id: string }; id?: string }>('POST', '/api/v1/records', {
      type: 'list_entry',
      source: '綦江区人民法院',
      decisionNumber: `(2025)渝0110执${randomUUID().slice(0, 8)}号`,
      subjectName: PERSON_NAME,
      subjectIdNumber: ID_NUMBER,
      listType: 'court_defaulter',
      listGround: 2,
      severity: 'serious',
      decisionDate: '2025-05-20',
    });
    expect(record.status).toBe(201);
    ids.record = (record.body.record?.id ?? record.body.id)!;
    const check = await admin<{ id?: string; checkId?: string }>('POST', '/api/v1/checks', {
      scenario: 'tendering',
      transaction: { reference: `AM-${randomUUID()}` },
      parties: [{ idNumber: ID_NUMBER, role: 'bidder' }],
    });
    expect(check.status).toBe(200);
    ids.check = (check.body.id ?? check.body.checkId)!;
    // A live key to revoke: only the admin cell may (200, then 409 for the bad keys' cells: they are refused first).
    const victim = `matrix-victim-${randomUUID()}`;
    await t.createKey({ name: victim, scopes: ['checks'] });
    ids.apiKey = (await admin<KeyList>('GET', '/api/v1/api-keys')).body.items.find((k) => k.name === victim)!.id;
    expect(ids).toEqual({
      subject: expect.any(String),
      record: expect.any(String),
      check: expect.any(String),
      apiKey: expect.any(String),
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the route table and the OpenAPI document list the same routes; every route declares its access, non-public ones a security scheme', () => {
    const table = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const documented = operationsOf(doc).map((o) => ({
      key: `${o.method} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`,
      secured: o.secured,
    }));
    expect(documented.map((d) => d.key).filter((k) => !table.has(k))).toEqual([]);
    expect([...table].filter((k) => !documented.some((d) => d.key === k))).toEqual([]);
    expect(routes.filter((r) => 'undeclared' in r.access).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    for (const r of routes) {
      const secured = documented.find((d) => d.key === `${r.method} ${r.path}`)?.secured;
      expect(`${r.method} ${r.path} secured=${secured}`).toBe(
        `${r.method} ${r.path} secured=${!('public' in r.access)}`,
      );
    }
    // Every scope admits at least one route besides admin's: the matrix exercises each of them.
    for (const s of SCOPES)
      expect(routes.some((r) => 'scopes' in r.access && r.access.scopes.includes(s))).toBe(
        s === 'admin' ? routes.some((r) => 'scopes' in r.access && r.access.scopes.includes('admin')) : true,
      );
  });

  // About 1,200 requests one after another (every route × every key): more than the default minute on a loaded machine.
  it('each cell is refused (401 / 403 problem) or admitted exactly as the route declares', async () => {
    const failures: string[] = [];
    let admitted = 0;
    for (const r of routes) {
      const path = pathFor(r);
      const body = r.method === 'GET' ? undefined : { probe: true };
      for (const c of creds) {
        const res = await httpAs<unknown>(c.key, t.url, r.method, path, body);
        const problem = asProblem(res.body);
        const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '');
        const cell = `${r.method} ${r.path} × ${c.label}`;
        for (const p of answerProblems({
          status: res.status,
          contentType: res.headers.get('content-type') ?? '',
          text,
        }))
          failures.push(`${cell}: ${p}`);
        let want: 'admitted' | 'AUTH_REQUIRED' | 'AUTH_INVALID' | 'SCOPE_FORBIDDEN';
        if ('public' in r.access) want = 'admitted';
        else if (!('scopes' in r.access)) want = 'SCOPE_FORBIDDEN';
        else if (c.expect) want = c.expect;
        else
          want =
            c.scope === 'admin' || (r.access.scopes as readonly string[]).includes(c.scope!)
              ? 'admitted'
              : 'SCOPE_FORBIDDEN';
        if (want === 'admitted') {
          admitted++;
          if (res.status === 401 || res.status === 403)
            failures.push(`${cell}: expected admitted, got ${res.status} ${problem?.code}`);
          if (problem?.code === 'ROUTE_NOT_FOUND') failures.push(`${cell}: route not found`);
        } else {
          const status = want === 'SCOPE_FORBIDDEN' ? 403 : 401;
          if (res.status !== status || problem?.code !== want)
            failures.push(`${cell}: expected ${status} ${want}, got ${res.status} ${problem?.code}`);
          if (
            want === 'SCOPE_FORBIDDEN' &&
            'scopes' in r.access &&
            JSON.stringify(problem?.requiredScopes) !== JSON.stringify(r.access.scopes)
          ) {
            failures.push(`${cell}: requiredScopes ${JSON.stringify(problem?.requiredScopes)}`);
          }
          if (status === 401 && !res.headers.get('www-authenticate')?.startsWith('Bearer'))
            failures.push(`${cell}: no WWW-Authenticate`);
          if (text.includes(PERSON_NAME) || text.includes(MASKED))
            failures.push(`${cell}: refused, yet answered the person's data`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(admitted).toBeGreaterThan(routes.length);
    // Of all the scopes, only admin's cell revoked the victim key.
    const victim = (await httpAs<KeyList>(t.adminKey, t.url, 'GET', '/api/v1/api-keys')).body.items.find(
      (k) => k.id === ids.apiKey,
    )!;
    expect(victim.revokedAt).toEqual(expect.any(String));
  }, 300_000);

  it('ID numbers sent where a careless service would log or echo them stay out of every answer (and, checked at the end of the suite, of every log line)', async () => {
    const sent: [string, string, unknown?, Record<string, string>?][] = [
      ['GET', `/api/v1/subjects?name=${ID_NUMBER}`],
      ['GET', `/api/v1/subjects?code=${ID_NUMBER}`],
      ['GET', `/api/v1/subjects/${ID_NUMBER}`],
      ['GET', `/api/v1/subjects/${ID_NUMBER}/records`],
      ['GET', `/api/v1/subjects/${ids.subject}`, undefined, { 'x-request-id': ID_NUMBER, 'x-operator': ID_NUMBER }],
      ['POST', '/api/v1/subjects/lookup', { idNumber: ID_NUMBER, extra: ID_NUMBER }],
      ['POST', '/api/v1/subjects/lookup', { idNumber: `${ID_NUMBER.slice(0, 17)}0` }],
      [
        'POST',
        '/api/v1/checks',
        {
          scenario: 'tendering',
          transaction: { reference: `AM-${randomUUID()}` },
          parties: [{ idNumber: ID_NUMBER, role: 'bidder' }],
          operator: ID_NUMBER,
        },
        { 'idempotency-key': `am-${randomUUID()}`, 'x-operator': ID_NUMBER },
      ],
      ['POST', `/api/v1/audit/${ID_NUMBER}`, {}],
    ];
    for (const [method, path, body, headers] of sent) {
      const res = await httpAs(t.adminKey, t.url, method, path, body, headers);
      expect(`${method} ${path.replace(ID_NUMBER, '<id>')}: ${res.status} ${JSON.stringify(res.body)}`).not.toContain(
        ID_NUMBER,
      );
      expect(res.headers.get('x-request-id')).not.toBe(ID_NUMBER);
      expect(res.status).toBeLessThan(500);
    }
  });

  it("a natural person's data is readable only with a scope that admits the route, masked even then", async () => {
    const reads: [string, string, unknown?][] = [
      ['GET', `/api/v1/subjects/${ids.subject}`],
      ['POST', '/api/v1/subjects/lookup', { idNumber: ID_NUMBER }],
      ['GET', `/api/v1/subjects/${ids.subject}/records?includeEnded=true`],
      ['GET', `/api/v1/records/${ids.record}`],
      ['GET', `/api/v1/checks/${ids.check}`],
    ];
    let readable = 0;
    for (const [method, path, body] of reads) {
      const route = routes.find(
        (r) => r.method === method && new RegExp(`^${r.path.replace(/:\w+/g, '[^/]+')}$`).test(path.split('?')[0]),
      )!;
      expect(route && 'scopes' in route.access).toBe(true);
      const accepted = 'scopes' in route.access ? (route.access.scopes as readonly string[]) : [];
      for (const c of creds) {
        const res = await httpAs(c.key, t.url, method, path, body);
        const text = JSON.stringify(res.body);
        expect(text).not.toContain(ID_NUMBER);
        const admits = c.scope === 'admin' || (c.scope !== undefined && accepted.includes(c.scope));
        // A check is answered to the caller that made it (here admin) only: another caller gets 404.
        const ownerOnly = path.startsWith('/api/v1/checks/') && c.scope !== 'admin';
        if (admits && ownerOnly) {
          expect(`${method} ${path} × ${c.label}: ${res.status}`).toBe(`${method} ${path} × ${c.label}: 404`);
          expect(text).not.toContain(MASKED);
        } else if (admits) {
          expect(`${method} ${path} × ${c.label}: ${res.status}`).toBe(`${method} ${path} × ${c.label}: 200`);
          if (text.includes(MASKED) || text.includes(PERSON_NAME)) readable++;
        } else {
          expect([401, 403]).toContain(res.status);
          expect(text).not.toContain(PERSON_NAME);
          expect(text).not.toContain(MASKED);
        }
      }
    }
    expect(readable).toBeGreaterThanOrEqual(reads.length);
  });
});
