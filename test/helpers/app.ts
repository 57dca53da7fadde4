import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app.config';
import { ApiKeysService } from '../../src/modules/auth/api-keys.service';
import type { NewKeyInput } from '../../src/modules/auth/api-keys.admin';

export interface TestApp {
  readonly app: NestFastifyApplication;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** An admin key issued for this app; `http()` sends it by default to this URL. */
  readonly adminKey: string;
  /** Issue another key (a unique name is drawn unless given); answers the key in full. */
  createKey(input: Partial<NewKeyInput> & Pick<NewKeyInput, 'scopes'>): Promise<string>;
  close(): Promise<void>;
}

/** Base URL -> the key `http()` sends when the call names none. */
const defaultKeys = new Map<string, string>();

/** The real application over real HTTP, on the test database that global-setup prepared. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ ...process.env, ...env });
  const app = await createApp({
    ...config,
    databaseUrl: config.databaseUrl!,
    embedded: process.env.TEST_EMBEDDED === '1',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  const keys = app.get(ApiKeysService);
  const createKey: TestApp['createKey'] = async (input) =>
    (await keys.create({ name: `test-${randomUUID()}`, scenarios: ['*'], ...input })).key;
  const adminKey = await createKey({ scopes: ['admin'] });
  defaultKeys.set(url, adminKey);
  return {
    app,
    url,
    adminKey,
    createKey,
    close: async () => {
      defaultKeys.delete(url);
      await app.close();
    },
  };
}

/**
 * The body of an answer whose type a test does not state. Only the e2e and browser files that predate the
 * strict lint use it (their no-unsafe-* rules are off: UNTYPED_BODIES in eslint.config.mjs); a new test
 * states what it reads: `http<{ items: Item[] }>(…)`, or `unknown` and narrows.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stand-in described above, until those files are typed
export type UntypedBody = any;

export interface HttpResult<T = UntypedBody> {
  status: number;
  headers: Headers;
  /** Parsed JSON, the text when it is not JSON, undefined when empty: typed as the caller expects. */
  body: T;
}

/**
 * JSON over fetch, returning status, headers and the parsed body. Sends the test app's admin key
 * unless `headers` carry an Authorization or X-Api-Key header of their own (see `httpAs`).
 */
export function http<T = UntypedBody>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const named = Object.keys(headers).some((h) => ['authorization', 'x-api-key'].includes(h.toLowerCase()));
  return send<T>(base, method, path, body, named ? headers : withKey(defaultKeys.get(base) ?? null, headers));
}

/** Like `http`, with a given key (`null`: no key at all) in `Authorization: Bearer`. */
export function httpAs<T = UntypedBody>(
  key: string | null,
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  return send<T>(base, method, path, body, withKey(key, headers));
}

function withKey(key: string | null, headers: Record<string, string>): Record<string, string> {
  return key === null ? { ...headers } : { authorization: `Bearer ${key}`, ...headers };
}

async function send<T>(
  base: string,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<HttpResult<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const res = await fetch(base + path, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  // The caller states the type it expects; the test's assertions are what check it.
  return { status: res.status, headers: res.headers, body: parsed as T };
}
