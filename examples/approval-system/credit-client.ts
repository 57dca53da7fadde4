/**
 * The typed client of the credit engine's API for an approval system (审批系统), built on the types generated from
 * openapi.json (`npm run console:api` writes them to console/src/api/schema.d.ts, the file the console uses too;
 * `npm run console:api:check` fails when they are stale) and openapi-fetch. A route, a field or a verdict renamed
 * in the API fails `npm run typecheck` here before it fails an integrator.
 *
 * In a project of your own: `npx openapi-typescript <service>/docs-json -o credit-engine.d.ts`, `npm i openapi-fetch`,
 * and this file with the import below pointed at your generated file.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from '../../console/src/api/schema';

export type Schemas = components['schemas'];
export type CheckRequest = Schemas['CheckRequestDto'];
export type CheckAnswer = Schemas['CheckAnswerDto'];
export type PartyResult = Schemas['CheckPartyResultDto'];
export type Measure = Schemas['CheckMeasureDto'];
export type FeedbackItem = Schemas['FeedbackItemDto'];
export type Problem = Schemas['ProblemResponse'];

export type CreditEngineClient = ReturnType<typeof createClient<paths>>;

/** A client for one service and one API key (调用方密钥), sent as a bearer token on every call. */
export function creditEngineClient(baseUrl: string, apiKey: string): CreditEngineClient {
  const client = createClient<paths>({ baseUrl });
  client.use({
    onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${apiKey}`);
      return request;
    },
  });
  return client;
}

/** An answer other than success: the problem details (RFC 9457) the service sent, each refused field named. */
export class CreditEngineError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    const fields = problem?.errors?.map((e) => `${e.field}: ${e.reason}`).join('; ');
    super(`${status} ${problem?.code ?? ''} ${problem?.detail ?? problem?.title ?? ''}${fields ? ` (${fields})` : ''}`);
  }
}

/** The data of a successful call, or a CreditEngineError with the problem (503 and 429 carry Retry-After: retry). */
export function ok<T>(r: { data?: T; error?: unknown; response: Response }): T {
  if (r.response.ok && r.data !== undefined) return r.data;
  throw new CreditEngineError(r.response.status, r.error as Problem | undefined);
}
