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
    super(
      401,
      AUTH_ERRORS.REQUIRED,
      'Authentication required (需要API密钥)',
      'Send an API key: `Authorization: Bearer <key>` or `X-Api-Key: <key>`.',
    );
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
    super(
      403,
      AUTH_ERRORS.SCENARIO,
      'Scenario not granted (无权办理该场景)',
      `This API key may not check the scenario "${scenario}".`,
      [{ field: 'scenario', reason: 'not granted to this API key' }],
      { scenario },
    );
  }
}

export class RateLimited extends DomainError {
  constructor(limit: number, retryAfterSeconds: number) {
    super(
      429,
      AUTH_ERRORS.RATE,
      'Too many requests (请求过于频繁)',
      `More than ${limit} requests a minute; retry in ${retryAfterSeconds} s.`,
      undefined,
      {
        limit,
        retryAfter: retryAfterSeconds,
      },
    );
  }
}

/** 404: no key has this id, and no live key has this name (the reference is never echoed). */
export class ApiKeyNotFound extends DomainError {
  constructor() {
    super(
      404,
      'API_KEY_NOT_FOUND',
      'API key not found (未找到该API密钥)',
      'No API key has this id, and no live API key has this name.',
    );
  }
}

/** 409: the key was revoked already (revoking is once; nothing changed). */
export class ApiKeyAlreadyRevoked extends DomainError {
  constructor(name: string) {
    super(
      409,
      'API_KEY_ALREADY_REVOKED',
      'API key already revoked (该API密钥已吊销)',
      `The key of "${name}" was revoked already; nothing changed.`,
    );
  }
}

/** 409: revoking this key would leave no live admin key (nobody could administer keys over HTTP any more). */
export class LastAdminKey extends DomainError {
  constructor(name: string) {
    super(
      409,
      'LAST_ADMIN_KEY',
      'Last admin key (最后一个管理员密钥)',
      `"${name}" is the last live key with the admin scope: create another admin key first, or revoke it with the CLI (npm run keys -- revoke).`,
    );
  }
}

/** 409: a live key has this name already. */
export class ApiKeyNameTaken extends DomainError {
  constructor(name: string) {
    super(
      409,
      'API_KEY_NAME_TAKEN',
      'Name in use (名称已被使用)',
      `A live key named "${name}" exists already; revoke it first or choose another name.`,
      [{ field: 'name', reason: 'a live key has this name' }],
    );
  }
}
