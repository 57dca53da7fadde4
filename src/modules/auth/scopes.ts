/**
 * What a caller may do (权限范围). `admin` implies every other scope. A route names the scopes that
 * admit it with @RequireScopes; holding any one of them is enough.
 */
export const SCOPES = [
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
  'metrics',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(s: string): s is Scope {
  return (SCOPES as readonly string[]).includes(s);
}

/** True when the granted scopes admit a route that accepts any of `accepted`. */
export function scopesAdmit(granted: readonly string[], accepted: readonly Scope[]): boolean {
  return granted.includes('admin') || accepted.some((s) => granted.includes(s));
}

/** A scenario code as the check API takes it (`tendering`, `government_procurement`), or `*` for all. */
export const SCENARIO_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;
export const ALL_SCENARIOS = '*';
