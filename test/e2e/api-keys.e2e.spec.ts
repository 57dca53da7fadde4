import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashKey } from '../../src/modules/auth/api-key.secret';
import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import { httpAs, type HttpResult, type TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';
import { answerProblems } from '../helpers/leak-checks';

/**
 * API key administration over HTTP (API密钥管理, issue 13): an admin lists, creates and revokes keys; every
 * create and revoke leaves an audit entry; the key is answered once and appears nowhere else (no later
 * answer, no audit entry, no outbox row, no log line). An isolated app: "nothing stored" is asserted over the
 * whole api_keys table, and the last admin key is this app's own.
 */
/** A key as listed (never the key itself). */
interface KeyView {
  id: string;
  name: string;
  revokedAt: string | null;
  [field: string]: unknown;
}
/** The answer to a create: the key in full, once, and its listing. */
interface Created {
  key: string;
  apiKey: KeyView;
}
/** An audit entry of a key created or revoked, with what it names. */
interface KeyEntry {
  id: string;
  response: { created?: { name: string }; revoked?: { name: string } };
}
const KEY_PATTERN = /cse_[0-9a-f]{8}_[A-Za-z0-9_-]{43}/g;

describe('API keys over HTTP (API密钥管理)', () => {
  let t: TestApp & { databaseUrl: string };
  let db: DataSource;
  const logs: string[] = [];
  const issued: string[] = [];
  let restoreStdout: () => void;
  const as = <T = unknown>(
    key: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => httpAs<T>(key, t.url, method, path, body, headers);
  const admin = <T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    as<T>(t.adminKey, method, path, body, headers);
  const keyRows = async () =>
    await db.query<Array<{ id: string; name: string; revoked_at: Date | null }>>(
      `SELECT id, name, revoked_at FROM api_keys ORDER BY id`,
    );
  const problemOf = (res: HttpResult<unknown>) =>
    answerProblems({
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      text: JSON.stringify(res.body),
    });

  beforeAll(async () => {
    // Every log line of the app also lands in `logs` (and still in the suite's log capture).
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was afterwards
    const original = process.stdout.write;
    process.stdout.write = function (this: unknown, chunk: string | Uint8Array, ...rest: unknown[]) {
      logs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (original as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
    };
    restoreStdout = () => (process.stdout.write = original);
    t = await startIsolatedTestApp({ LOG_LEVEL: 'info' });
    db = t.app.get(DataSource);
    issued.push(t.adminKey);
  });
  afterAll(async () => {
    await t?.close();
    restoreStdout();
  });

  it('creates a key, answers it once in full; it works at once with exactly its scopes; the list never shows it', async () => {
    const name = `qijiang-zjw-repair-${randomUUID().slice(0, 8)}`;
    const body = {
      name,
      scopes: ['repair', 'records'],
      scenarios: ['tendering'],
      rateLimitPerMinute: 600,
      department: '綦江区住房和城乡建设委员会',
    };
    const res = await admin<Created>('POST', '/api/v1/api-keys', body, { 'x-operator': 'qj-xyb-admin-01' });
    expect(res.status).toBe(201);
    const key = res.body.key;
    issued.push(key);
    expect(key).toMatch(/^cse_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(res.body.apiKey).toEqual({
      id: expect.any(String),
      name,
      prefix: key.slice(4, 12),
      scopes: ['repair', 'records'],
      scenarios: ['tendering'],
      rateLimitPerMinute: 600,
      department: '綦江区住房和城乡建设委员会',
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    // Stored as its SHA-256 only.
    const [row] = await db.query<{ key_hash: string }[]>(`SELECT key_hash FROM api_keys WHERE id = $1`, [
      res.body.apiKey.id,
    ]);
    expect(row.key_hash).toBe(hashKey(key));

    const me = await as(key, 'GET', '/api/v1/me');
    expect(me.body).toEqual({
      name,
      scopes: ['repair', 'records'],
      scenarios: ['tendering'],
      department: '綦江区住房和城乡建设委员会',
    });
    expect((await as(key, 'GET', '/api/v1/api-keys')).status).toBe(403);

    const list = await admin<{ items: KeyView[] }>('GET', '/api/v1/api-keys');
    expect(list.status).toBe(200);
    const listed = list.body.items.find((k) => k.id === res.body.apiKey.id)!;
    expect(listed).toEqual({ ...res.body.apiKey, lastUsedAt: expect.any(String) }); // used just now by /me
    expect(JSON.stringify(list.body)).not.toContain(key.slice(13));
    expect(JSON.stringify(list.body)).not.toContain(hashKey(key));
    expect(Object.keys(listed)).not.toContain('keyHash');
  });

  it('audits create and revoke (who, what), never with the key or its hash; revoked, the key is refused at once', async () => {
    const name = `audit-probe-${randomUUID().slice(0, 8)}`;
    const created = await admin<Created>(
      'POST',
      '/api/v1/api-keys',
      { name, scopes: ['checks'], scenarios: ['*'] },
      { 'x-operator': 'qj-xyb-admin-02' },
    );
    expect(created.status).toBe(201);
    const key = created.body.key;
    issued.push(key);
    expect((await as(key, 'GET', '/api/v1/me')).status).toBe(200);

    const revoked = await admin('POST', `/api/v1/api-keys/${name}/revoke`, undefined, {
      'x-operator': 'qj-xyb-admin-02',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: created.body.apiKey.id, name, revokedAt: expect.any(String) });
    const refused = await as(key, 'GET', '/api/v1/me');
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'AUTH_INVALID', detail: expect.stringContaining('revoked') });

    // Once only: again by id is 409, by name 404 (no live key has it), and nothing changed.
    const before = await keyRows();
    const again = await admin<ProblemDetails>('POST', `/api/v1/api-keys/${created.body.apiKey.id}/revoke`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('API_KEY_ALREADY_REVOKED');
    expect((await admin<ProblemDetails>('POST', `/api/v1/api-keys/${name}/revoke`)).body.code).toBe(
      'API_KEY_NOT_FOUND',
    );
    expect((await admin('POST', `/api/v1/api-keys/${randomUUID()}/revoke`)).status).toBe(404);
    expect(await keyRows()).toEqual(before);

    const entries = async (kind: string) =>
      (await admin<{ items: KeyEntry[] }>('GET', `/api/v1/audit/entries?kind=${kind}&limit=100`)).body.items;
    const made = (await entries('api-key.create')).find((e) => e.response?.created?.name === name);
    expect(made).toMatchObject({
      caller: expect.stringMatching(/^test-/),
      operator: 'qj-xyb-admin-02',
      request: { method: 'POST', path: '/api/v1/api-keys', name, scopes: ['checks'], scenarios: ['*'] },
    });
    expect(made!.response.created).toMatchObject({ id: created.body.apiKey.id, prefix: key.slice(4, 12) });
    const gone = (await entries('api-key.revoke')).find((e) => e.response?.revoked?.name === name);
    expect(gone).toMatchObject({
      operator: 'qj-xyb-admin-02',
      request: { id: created.body.apiKey.id, name },
      response: { revoked: { revokedAt: expect.any(String) } },
    });
    expect((await admin<{ valid: boolean }>('GET', '/api/v1/audit/verify')).body.valid).toBe(true);
    // The outbox rows were committed with the change and cleared once the entries were appended.
    expect(
      await db.query(`SELECT entry_id FROM audit_outbox WHERE entry_id = ANY($1::uuid[])`, [[made!.id, gone!.id]]),
    ).toEqual([]);
  });

  it('refuses bad settings with 400 naming the field, a taken name with 409, and stores nothing', async () => {
    const before = await keyRows();
    const cases: Array<[unknown, string]> = [
      [{ name: 'Bad Name', scopes: ['checks'] }, 'name'],
      [{ name: randomUUID(), scopes: ['checks'] }, 'name'],
      [{ scopes: ['checks'] }, 'name'],
      [{ name: 'ok-name', scopes: [] }, 'scopes'],
      [{ name: 'ok-name', scopes: ['root'] }, 'scopes'],
      [{ name: 'ok-name', scopes: 'admin' }, 'scopes'],
      [{ name: 'ok-name', scopes: ['checks'], scenarios: ['*', 'tendering'] }, 'scenarios'],
      [{ name: 'ok-name', scopes: ['checks'], scenarios: ['Tendering'] }, 'scenarios'],
      [{ name: 'ok-name', scopes: ['checks'], rateLimitPerMinute: 0 }, 'rateLimitPerMinute'],
      [{ name: 'ok-name', scopes: ['checks'], rateLimitPerMinute: 1.5 }, 'rateLimitPerMinute'],
      [{ name: 'ok-name', scopes: ['checks'], department: ' 綦江区 ' }, 'department'],
      [{ name: 'ok-name', scopes: ['checks'], keyHash: 'x' }, 'keyHash'],
    ];
    for (const [body, field] of cases) {
      const res = await admin<ProblemDetails>('POST', '/api/v1/api-keys', body);
      expect(`${JSON.stringify(body)} -> ${res.status}`).toBe(`${JSON.stringify(body)} -> 400`);
      expect(problemOf(res)).toEqual([]);
      expect(res.body.errors?.map((e) => e.field)).toContain(field);
    }
    const taken = await admin('POST', '/api/v1/api-keys', {
      name: before.find((r) => !r.revoked_at)!.name,
      scopes: ['checks'],
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'API_KEY_NAME_TAKEN', errors: [{ field: 'name' }] });
    expect(await keyRows()).toEqual(before);
  });

  it('refuses every other scope (403) and a missing key (401), changing nothing', async () => {
    const others = [
      'subjects',
      'records',
      'tiers',
      'packs',
      'checks',
      'feedback',
      'audit',
      'inspections',
      'repair',
      'quality',
    ];
    const victim = `victim-${randomUUID().slice(0, 8)}`;
    const made = await admin<Created>('POST', '/api/v1/api-keys', { name: victim, scopes: ['checks'] });
    issued.push(made.body.key);
    const before = await keyRows();
    for (const scope of others) {
      const k = (
        await admin<Created>('POST', '/api/v1/api-keys', {
          name: `as-${scope}-${randomUUID().slice(0, 8)}`,
          scopes: [scope],
        })
      ).body.key;
      issued.push(k);
      const snapshot = await keyRows();
      for (const [method, path, body] of [
        ['GET', '/api/v1/api-keys'],
        ['POST', '/api/v1/api-keys', { name: 'sneaky-admin', scopes: ['admin'] }],
        ['POST', `/api/v1/api-keys/${victim}/revoke`],
      ] as const) {
        const res = await as<ProblemDetails>(k, method, path, body);
        expect(`${scope} ${method} ${path}: ${res.status} ${res.body.code}`).toBe(
          `${scope} ${method} ${path}: 403 SCOPE_FORBIDDEN`,
        );
        expect(res.body.requiredScopes).toEqual(['admin']);
      }
      expect(await keyRows()).toEqual(snapshot);
    }
    expect((await as(null, 'POST', '/api/v1/api-keys', { name: 'anon', scopes: ['admin'] })).status).toBe(401);
    expect(
      (await keyRows()).filter((r) => before.every((b) => b.id !== r.id)).every((r) => r.name.startsWith('as-')),
    ).toBe(true);
    expect((await keyRows()).find((r) => r.name === victim)?.revoked_at).toBeNull();
  });

  it('will not revoke the last live admin key (409), but revokes an admin key when another is live', async () => {
    const live = await db.query<{ id: string }[]>(
      `SELECT id FROM api_keys WHERE revoked_at IS NULL AND 'admin' = ANY(scopes)`,
    );
    expect(live).toHaveLength(1); // this app's own admin key
    const me = (await admin<{ name: string }>('GET', '/api/v1/me')).body.name;
    const last = await admin<ProblemDetails>('POST', `/api/v1/api-keys/${me}/revoke`);
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('LAST_ADMIN_KEY');
    expect((await admin('GET', '/api/v1/me')).status).toBe(200);

    const second = await admin<Created>('POST', '/api/v1/api-keys', {
      name: `second-admin-${randomUUID().slice(0, 8)}`,
      scopes: ['admin'],
    });
    issued.push(second.body.key);
    // Each revokes the other at once: exactly one is revoked; the other is refused as the last admin key (409),
    // or as revoked (401) when its request was authenticated after the first revoke committed.
    const [a, b] = await Promise.all([
      as<ProblemDetails>(second.body.key, 'POST', `/api/v1/api-keys/${me}/revoke`),
      admin<ProblemDetails>('POST', `/api/v1/api-keys/${second.body.apiKey.id}/revoke`),
    ]);
    expect([a, b].filter((r) => r.status === 200)).toHaveLength(1);
    expect([a, b].map((r) => r.body.code).filter((c) => c === 'LAST_ADMIN_KEY' || c === 'AUTH_INVALID')).toHaveLength(
      1,
    );
    expect(await db.query(`SELECT id FROM api_keys WHERE revoked_at IS NULL AND 'admin' = ANY(scopes)`)).toHaveLength(
      1,
    );
  });

  it('no key issued here appears in any log line, audit entry or outbox row', async () => {
    expect(issued.length).toBeGreaterThan(12);
    const text = logs.join('');
    expect(text).toContain('"url":"/api/v1/api-keys"'); // the requests were logged
    const audit =
      JSON.stringify(await db.query(`SELECT * FROM audit_log`)) +
      JSON.stringify(await db.query(`SELECT * FROM audit_outbox`));
    for (const k of issued) {
      expect(text).not.toContain(k.slice(13));
      expect(audit).not.toContain(k.slice(13));
      expect(audit).not.toContain(hashKey(k));
    }
    expect(text.match(KEY_PATTERN)).toBeNull();
  });
});
