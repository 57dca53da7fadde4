import { issueKey } from './api-key.secret';
import { ApiKeyRecord, ApiKeysStore } from './api-keys.store';
import { ALL_SCENARIOS, isScope, SCENARIO_PATTERN, SCOPES } from './scopes';

export interface NewKeyInput {
  /** The caller system, e.g. `qijiang-tendering-platform` (lower case, digits, `.`, `_`, `-`). */
  readonly name: string;
  readonly scopes: readonly string[];
  /** Scenarios it may check; `*` = all; none by default. */
  readonly scenarios?: readonly string[];
  /** Requests a minute; null = the server default (RATE_LIMIT_PER_MINUTE). */
  readonly rateLimitPerMinute?: number | null;
  /** The department (部门) the key acts for, e.g. 綦江区住房和城乡建设委员会; none = not bound. */
  readonly department?: string | null;
}

/** The key in full, to be shown once and never again. */
export interface CreatedKey {
  readonly key: string;
  readonly record: ApiKeyRecord;
}

/** A refused administration request: the message says what to change. */
export class KeyAdminError extends Error {}

const NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;
export const MAX_RATE_PER_MINUTE = 1_000_000;

/** Everything wrong with a new key's settings (empty when it may be created). */
export function checkNewKey(input: NewKeyInput): string[] {
  const errors: string[] = [];
  if (!NAME.test(input.name)) errors.push(`name must be 1-100 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit (got "${input.name.slice(0, 100)}")`);
  if (!input.scopes.length) errors.push(`scopes: give at least one of ${SCOPES.join(', ')}`);
  for (const s of input.scopes) if (!isScope(s)) errors.push(`unknown scope "${s}" (scopes: ${SCOPES.join(', ')})`);
  const scenarios = input.scenarios ?? [];
  for (const s of scenarios) if (s !== ALL_SCENARIOS && !SCENARIO_PATTERN.test(s)) errors.push(`scenario "${s}" is not a scenario code such as tendering (or * for all)`);
  if (scenarios.includes(ALL_SCENARIOS) && scenarios.length > 1) errors.push('scenarios: * already means every scenario; give it alone');
  const dept = input.department;
  if (dept !== undefined && dept !== null && (dept.trim() !== dept || !dept.length || dept.length > 200)) errors.push('department must be 1-200 characters without leading or trailing spaces');
  const rate = input.rateLimitPerMinute;
  if (rate !== undefined && rate !== null && (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE_PER_MINUTE)) {
    errors.push(`rate must be a whole number of requests a minute between 1 and ${MAX_RATE_PER_MINUTE}`);
  }
  return errors;
}

/** Issue, list and revoke keys: the admin CLI and the service (demo key, tests) share these rules. */
export class ApiKeysAdmin {
  constructor(private readonly store: ApiKeysStore) {}

  async create(input: NewKeyInput): Promise<CreatedKey> {
    const errors = checkNewKey(input);
    if (errors.length) throw new KeyAdminError(errors.join('; '));
    for (let attempt = 0; attempt < 3; attempt++) {
      const issued = issueKey();
      const record = await this.store.insert({
        name: input.name,
        prefix: issued.prefix,
        keyHash: issued.hash,
        scopes: [...new Set(input.scopes)],
        scenarios: [...new Set(input.scenarios ?? [])],
        rateLimitPerMinute: input.rateLimitPerMinute ?? null,
        department: input.department ?? null,
      });
      if (record) return { key: issued.key, record };
      if (await this.store.findLive(input.name)) {
        throw new KeyAdminError(`a live key named "${input.name}" exists already; revoke it first (keys revoke --name ${input.name})`);
      }
      // Otherwise the random prefix was taken: draw again.
    }
    throw new KeyAdminError('could not draw a free key prefix; try again');
  }

  list(): Promise<ApiKeyRecord[]> {
    return this.store.list();
  }

  findLive(name: string): Promise<ApiKeyRecord | null> {
    return this.store.findLive(name);
  }

  async revoke(name: string): Promise<ApiKeyRecord> {
    const record = await this.store.revoke(name);
    if (!record) throw new KeyAdminError(`no live key is named "${name}" (see: keys list)`);
    return record;
  }
}
