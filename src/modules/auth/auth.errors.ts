import { DomainError } from '../../common/problem';

/** Error codes of callers and API keys (调用方与权限). Nothing here ever carries a key. */
export const AUTH_ERRORS = {
  REQUIRED: 'AUTH_REQUIRED',
  INVALID: 'AUTH_INVALID',
  SCOPE: 'SCOPE_FORBIDDEN',
  SCENARIO: 'SCENARIO_FORBIDDEN',
  RATE: 'RATE_LIMITED',
} as const;

/** Why a key was not accepted; logged and audited, never answered beyond the detail text. */
export type InvalidKeyReason = 'malformed' | 'unknown' | 'revoked' | 'scheme' | 'conflicting';

const INVALID_DETAIL: Record<InvalidKeyReason, string> = {
  malformed: 'The API key is not valid.',
  unknown: 'The API key is not valid.',
  revoked: 'The API key has been revoked; ask the administrator for a new one.',
  scheme: 'Use `Authorization: Bearer <key>` or `X-Api-Key: <key>`.',
  conflicting: 'Authorization and X-Api-Key carry different keys; send one.',
};

export class AuthRequired extends DomainError {
  constructor() {
    super(401, AUTH_ERRORS.REQUIRED, 'Authentication required (需要API密钥)', 'Send an API key: `Authorization: Bearer <key>` or `X-Api-Key: <key>`.');
  }
}

export class AuthInvalid extends DomainError {
  constructor(readonly reason: InvalidKeyReason) {
    super(401, AUTH_ERRORS.INVALID, 'Invalid API key (API密钥无效)', INVALID_DETAIL[reason]);
  }
}

/** 403: the key is valid but holds none of the scopes the route accepts (`requiredScopes` names them). */
export class ScopeForbidden extends DomainError {
  constructor(accepted: readonly string[]) {
    super(
      403,
      AUTH_ERRORS.SCOPE,
      'Scope not granted (权限不足)',
      accepted.length
        ? `This route needs the scope ${accepted.map((s) => `"${s}"`).join(' or ')}.`
        : 'This route declares no scope and is refused to every caller (fail closed).',
      undefined,
      { requiredScopes: accepted },
    );
  }
}

/** 403: the caller may not run checks for this scenario. */
export class ScenarioForbidden extends DomainError {
  constructor(scenario: string) {
    super(403, AUTH_ERRORS.SCENARIO, 'Scenario not granted (无权办理该场景)', `This API key may not check the scenario "${scenario}".`, [
      { field: 'scenario', reason: 'not granted to this API key' },
    ], { scenario });
  }
}

export class RateLimited extends DomainError {
  constructor(limit: number, retryAfterSeconds: number) {
    super(429, AUTH_ERRORS.RATE, 'Too many requests (请求过于频繁)', `More than ${limit} requests a minute; retry in ${retryAfterSeconds} s.`, undefined, {
      limit,
      retryAfter: retryAfterSeconds,
    });
  }
}
