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

export interface HttpResult {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * JSON over fetch, returning status, headers and the parsed body. Sends the test app's admin key
 * unless `headers` carry an Authorization or X-Api-Key header of their own (see `httpAs`).
 */
export function http(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const named = Object.keys(headers).some((h) => ['authorization', 'x-api-key'].includes(h.toLowerCase()));
  return send(base, method, path, body, named ? headers : withKey(defaultKeys.get(base) ?? null, headers));
}

/** Like `http`, with a given key (`null`: no key at all) in `Authorization: Bearer`. */
export function httpAs(
  key: string | null,
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  return send(base, method, path, body, withKey(key, headers));
}

function withKey(key: string | null, headers: Record<string, string>): Record<string, string> {
  return key === null ? { ...headers } : { authorization: `Bearer ${key}`, ...headers };
}

async function send(
  base: string,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<HttpResult> {
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
  return { status: res.status, headers: res.headers, body: parsed };
}
