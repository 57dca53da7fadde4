import { issueKey } from './api-key.secret';
import { ApiKeyRecord, ApiKeysStore } from './api-keys.store';
import { isUuid } from '../../common/uuid';
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
/** True when `s` has the form of a key's name (what may be looked up by name). */
export const isKeyName = (s: string): boolean => NAME.test(s);
export const MAX_RATE_PER_MINUTE = 1_000_000;

/** One thing wrong with a new key's settings: the field it concerns (as the HTTP API names it) and why. */
export interface KeyProblem {
  readonly field: 'name' | 'scopes' | 'scenarios' | 'department' | 'rateLimitPerMinute';
  readonly reason: string;
}

/** Everything wrong with a new key's settings, by field (empty when it may be created). */
export function newKeyProblems(input: NewKeyInput): KeyProblem[] {
  const errors: KeyProblem[] = [];
  if (!NAME.test(input.name))
    errors.push({
      field: 'name',
      reason: `name must be 1-100 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit (got "${input.name.slice(0, 100)}")`,
    });
  else if (isUuid(input.name))
    errors.push({ field: 'name', reason: 'name must not have the form of a key id (a UUID)' });
  if (!input.scopes.length)
    errors.push({ field: 'scopes', reason: `scopes: give at least one of ${SCOPES.join(', ')}` });
  for (const s of input.scopes)
    if (!isScope(s))
      errors.push({ field: 'scopes', reason: `unknown scope "${s.slice(0, 50)}" (scopes: ${SCOPES.join(', ')})` });
  const scenarios = input.scenarios ?? [];
  for (const s of scenarios)
    if (s !== ALL_SCENARIOS && !SCENARIO_PATTERN.test(s))
      errors.push({
        field: 'scenarios',
        reason: `scenario "${s.slice(0, 64)}" is not a scenario code such as tendering (or * for all)`,
      });
  if (scenarios.includes(ALL_SCENARIOS) && scenarios.length > 1)
    errors.push({ field: 'scenarios', reason: 'scenarios: * already means every scenario; give it alone' });
  const dept = input.department;
  if (dept !== undefined && dept !== null && (dept.trim() !== dept || !dept.length || dept.length > 200))
    errors.push({
      field: 'department',
      reason: 'department must be 1-200 characters without leading or trailing spaces',
    });
  const rate = input.rateLimitPerMinute;
  if (rate !== undefined && rate !== null && (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE_PER_MINUTE)) {
    errors.push({
      field: 'rateLimitPerMinute',
      reason: `rate must be a whole number of requests a minute between 1 and ${MAX_RATE_PER_MINUTE}`,
    });
  }
  return errors;
}

/** Everything wrong with a new key's settings, as sentences (the CLI's wording; empty when it may be created). */
export function checkNewKey(input: NewKeyInput): string[] {
  return newKeyProblems(input).map((p) => p.reason);
}

/** A refused creation: the settings are wrong (by field) or the name is taken by a live key. */
export class KeySettingsRefused extends KeyAdminError {
  constructor(readonly problems: readonly KeyProblem[]) {
    super(problems.map((p) => p.reason).join('; '));
  }
}
export class KeyNameTaken extends KeyAdminError {}

/** Issue, list and revoke keys: the admin CLI and the service (demo key, tests) share these rules. */
export class ApiKeysAdmin {
  constructor(private readonly store: ApiKeysStore) {}

  /**
   * Issue a key. `stage`, when given, runs right after the row is written, on the same connection (the
   * HTTP route stages its audit entry there, in the key's transaction).
   */
  async create(input: NewKeyInput, stage?: (record: ApiKeyRecord) => Promise<void>): Promise<CreatedKey> {
    const problems = newKeyProblems(input);
    if (problems.length) throw new KeySettingsRefused(problems);
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
      if (record) {
        await stage?.(record);
        return { key: issued.key, record };
      }
      if (await this.store.findLive(input.name)) {
        throw new KeyNameTaken(
          `a live key named "${input.name}" exists already; revoke it first (keys revoke --name ${input.name})`,
        );
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
