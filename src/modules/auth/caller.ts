import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ScenarioForbidden } from './auth.errors';
import { ALL_SCENARIOS } from './scopes';

/** The caller system behind a request, resolved from its API key by the global guard. */
export interface Caller {
  readonly keyId: string;
  /** The caller system, e.g. `qijiang-tendering-platform`. */
  readonly name: string;
  readonly scopes: readonly string[];
  /** Scenarios it may check; `*` = all. */
  readonly scenarios: readonly string[];
  /** The department (部门) the key acts for; null = not bound. */
  readonly department: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth guard on every route that is not @Public(). */
    caller?: Caller;
  }
}

/** `@Caller() caller: Caller` in a handler: the resolved caller (undefined on @Public() routes). */
export const Caller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller | undefined => {
  return ctx.switchToHttp().getRequest<FastifyRequest>().caller;
});

/** Whether the caller may run checks for `scenario` (admin and `*` may run every scenario). */
export function scenarioAllowed(caller: Caller, scenario: string): boolean {
  return (
    caller.scopes.includes('admin') || caller.scenarios.includes(ALL_SCENARIOS) || caller.scenarios.includes(scenario)
  );
}

/** Throws a 403 SCENARIO_FORBIDDEN problem unless the caller may run checks for `scenario`. */
export function assertScenarioAllowed(caller: Caller | undefined, scenario: string): void {
  if (!caller || !scenarioAllowed(caller, scenario)) throw new ScenarioForbidden(scenario);
}

/**
 * Whether the caller may act for `department` ("谁认定、谁修复": decide a repair, record a commitment's
 * outcome): a key bound to a department acts for that one only; an unbound key only with the admin scope
 * (the credit office, 信用主管部门, acting on the department's behalf).
 */
export function actsFor(caller: Caller | undefined, department: string): boolean {
  if (!caller) return false;
  return caller.department === null ? caller.scopes.includes('admin') : caller.department === department;
}
