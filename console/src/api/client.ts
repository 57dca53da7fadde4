import createClient from 'openapi-fetch';
import { isProblem, type Problem } from '../lib/problem';
import type { components, paths } from './schema';

/**
 * The typed API client, generated from openapi.json (`npm run console:api`), so the console cannot drift
 * from the API: a renamed field or route fails `npm run typecheck`. The API key is added to every call
 * from the session (sessionStorage of this tab only); a 401 signs the tab out.
 */
export type Schemas = components['schemas'];

let currentKey: string | null = null;
let onUnauthorized: ((p: Problem) => void) | null = null;

export function setApiKey(key: string | null): void {
  currentKey = key;
}

export function setUnauthorizedHandler(handler: ((p: Problem) => void) | null): void {
  onUnauthorized = handler;
}

export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    if (currentKey) request.headers.set('authorization', `Bearer ${currentKey}`);
    return request;
  },
});

/** A refused or failed call, carrying the problem details the service answered. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

function toProblem(body: unknown, res: Response): Problem {
  if (isProblem(body)) return body;
  return {
    title: res.status === 0 ? 'Network error' : `HTTP ${res.status} ${res.statusText}`,
    status: res.status,
    detail: typeof body === 'string' ? body.slice(0, 300) : undefined,
  };
}

/** The data of a successful call, or an ApiError with the problem; a 401 also signs the tab out. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: { data?: T; error?: unknown; response: Response };
  try {
    r = await call;
  } catch (e) {
    throw new ApiError({
      title: '无法连接服务 (service unreachable)',
      status: 0,
      detail: e instanceof Error ? e.message : String(e),
    });
  }
  if (r.response.ok) return r.data as T;
  const problem = toProblem(r.error, r.response);
  if (r.response.status === 401 && onUnauthorized) onUnauthorized(problem);
  throw new ApiError(problem);
}
