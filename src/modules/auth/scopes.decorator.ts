import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiSecurity,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Scope } from './scopes';
import { PROBLEM_DESCRIPTION } from '../../common/problem';

export const SCOPES_KEY = 'auth:scopes';
export const PUBLIC_KEY = 'auth:public';

/**
 * The scopes that admit a route (any one of them is enough; `admin` always is). On a controller class
 * it covers every handler; on a handler it replaces the class's. A route with neither @RequireScopes
 * nor @Public is refused to every caller (403): a forgotten decorator fails closed.
 */
export function RequireScopes(...scopes: [Scope, ...Scope[]]): ClassDecorator & MethodDecorator {
  return applyDecorators(
    SetMetadata(SCOPES_KEY, scopes),
    ApiBearerAuth(),
    ApiSecurity('api-key'),
    ApiUnauthorizedResponse({
      description: `AUTH_REQUIRED (no key) or AUTH_INVALID (unknown or revoked key): ${PROBLEM_DESCRIPTION}, WWW-Authenticate: Bearer`,
    }),
    ApiForbiddenResponse({
      description: `SCOPE_FORBIDDEN: the key holds none of the scopes ${scopes.join(', ')} (or admin): ${PROBLEM_DESCRIPTION}`,
    }),
    ApiTooManyRequestsResponse({
      description: `RATE_LIMITED: the caller's requests a minute are used up; see Retry-After: ${PROBLEM_DESCRIPTION}`,
    }),
  );
}

/** Open to anyone, no key needed (health). */
export function Public(): ClassDecorator & MethodDecorator {
  return SetMetadata(PUBLIC_KEY, true);
}
