import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { LOG_LEVELS, setting } from './settings';
import { dirname, join, resolve } from 'node:path';

/**
 * Typed, validated settings, read once at boot. A bad value stops the process with a message naming
 * the variable. Secrets are wrapped so that they never reach a log line by accident.
 */
export class Secret {
  constructor(private readonly value: string) {}
  reveal(): string {
    return this.value;
  }
  toString(): string {
    return '[secret]';
  }
  toJSON(): string {
    return '[secret]';
  }
}

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Processes serving the port (WORKERS, node:cluster; main.ts). */
  readonly workers: number;
  /** Unset: the embedded PostgreSQL (PGlite) under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly dbPoolSize: number;
  /**
   * Longest a database statement may run (server-side statement_timeout); the driver also gives up on
   * its own a little later, so a query whose connection went silent (network cut) cannot hang forever.
   */
  readonly dbStatementTimeoutMs: number;
  readonly rulePacksDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Key of the HMAC that finds natural persons by ID number without storing the number. */
  readonly idHashKey: Secret;
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit: number;
  /** Requests a minute of a caller whose API key sets no limit, and of requests without a valid key; 0 = unlimited. */
  readonly rateLimitPerMinute: number;
  /** A change whose audit entry has not come this long after its COMMIT is chained as interrupted (AUDIT_OUTBOX_GRACE_MS). */
  readonly auditOutboxGraceMs: number;
  /** How often the audit outbox is swept (AUDIT_OUTBOX_SWEEP_MS). */
  readonly auditOutboxSweepMs: number;
  /** The daily tiering run starts from this hour, China Standard Time (TIERING_DAILY_HOUR, 0–23). */
  readonly tieringDailyHour: number;
  /** How often an instance looks whether today's tiering run is due (TIERING_DAILY_CHECK_MS); 0 turns the daily run off. */
  readonly tieringDailyCheckMs: number;
  /**
   * How often each instance compares the active packs with its own (PACKS_POLL_MS, 10–3,600,000); unset:
   * 250 ms on the embedded database (a NOTIFY does not reach another connection there), 1000 ms on a server.
   */
  readonly packsPollMs: number | undefined;
  /** Subjects whose credit state an instance keeps for checks (CHECK_STATE_SUBJECTS); 0 = read on every check. */
  readonly checkStateSubjects: number;
  /** A kept credit state older than this is read again (CHECK_STATE_MAX_AGE_MS). */
  readonly checkStateMaxAgeMs: number;
  /** Load the demo data set at start (DEMO_DATA=1, as `npm start -- --demo`). */
  readonly demoData: boolean;
  /** Folder of the built web console (CONSOLE_DIR); unset: dist/console of the project. */
  readonly consoleDir: string | undefined;
  /** Serve the fake approval system (integrations/fake-approval-system.adapter.ts) beside the real ones: NODE_ENV=test only. */
  readonly fakeApprovalSystem: boolean;
  /**
   * Which proxies' X-Forwarded-For / -Proto / -Host to believe (TRUST_PROXY): false (unset) trusts none; a
   * number of hops; a list of proxy addresses or CIDR ranges. Behind one, the client address (rate limits per
   * address) is the one the proxy saw.
   */
  readonly trustProxy: boolean | number | string[];
  /** Webhook delivery: poll period (0 = off on this instance), first retry wait, receiver timeout. */
  readonly webhookPollMs: number;
  readonly webhookRetryBaseMs: number;
  readonly webhookTimeoutMs: number;
  /** Events and delivery attempts kept this many days (WEBHOOK_EVENTS_RETENTION_DAYS); an event still owed to a subscription stays. */
  readonly webhookEventsRetentionDays: number;
  /** How often this instance deletes events and delivery attempts past their retention (WEBHOOK_PRUNE_MS); 0 = never. */
  readonly webhookPruneMs: number;
  /** How often this instance looks for a background job to run (JOBS_POLL_MS); 0 = it runs none. */
  readonly jobsPollMs: number;
  /** An ended job (completed or failed) is deleted this many days after it ended (JOBS_RETENTION_DAYS). */
  readonly jobsRetentionDays: number;
  /** How often this instance deletes the jobs past their retention (JOBS_PRUNE_MS); 0 = never. */
  readonly jobsPruneMs: number;
  readonly production: boolean;
}

export class ConfigError extends Error {
  constructor(variable: string, reason: string) {
    super(`Invalid configuration: ${variable} ${reason}`);
  }
}

/** A whole-number setting, within the bounds src/config/settings.ts gives it; its fallback when unset. */
function int(env: NodeJS.ProcessEnv, name: string, fallback = setting(name).fallback): number {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = setting(name);
  const raw = env[name];
  if (raw === undefined || raw === '') {
    if (fallback === undefined) throw new Error(`${name} has no fallback in src/config/settings.ts`);
    return fallback;
  }
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const v = Number(raw);
  if (v < min || v > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${v}`);
  return v;
}

/** The package's own folder (where package.json is), whether running from src/ (tests) or dist/src/. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** TRUST_PROXY: unset/`false`, `true` (any proxy: only where nothing else can reach the service), hops, or addresses/CIDRs. */
function trustProxy(env: NodeJS.ProcessEnv): boolean | number | string[] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return int(env, 'TRUST_PROXY');
  const items = raw.split(',').map((s) => s.trim());
  for (const item of items) {
    const [address, prefix, extra] = item.split('/');
    const family = isIP(address ?? '');
    const maxPrefix = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (!family || !prefixOk || extra !== undefined)
      throw new ConfigError(
        'TRUST_PROXY',
        `must be false, true, a number of hops (1–10) or comma-separated IP addresses or CIDR ranges; "${item.slice(0, 60)}" is none of these`,
      );
  }
  return items;
}

/** The ID-hash key: ID_HASH_KEY, or (outside production) a random key kept in the data folder. */
function idHashKey(env: NodeJS.ProcessEnv, dataDir: string, production: boolean): Secret {
  const raw = env.ID_HASH_KEY;
  if (raw) {
    if (raw.length < 32) throw new ConfigError('ID_HASH_KEY', 'must be at least 32 characters');
    return new Secret(raw);
  }
  if (production) throw new ConfigError('ID_HASH_KEY', 'is required when NODE_ENV=production');
  const file = join(dataDir, 'id-hash.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return new Secret(readFileSync(file, 'utf8').trim());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR || 'data');
  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
  }
  return {
    port: int(env, 'PORT'),
    host: env.HOST || '0.0.0.0',
    workers: int(env, 'WORKERS'),
    databaseUrl,
    dataDir,
    dbPoolSize: int(env, 'DB_POOL_SIZE'),
    dbStatementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS'),
    rulePacksDir: env.RULE_PACKS_DIR ? resolve(env.RULE_PACKS_DIR) : join(projectRoot(), 'rule-packs'),
    logLevel,
    idHashKey: idHashKey(env, dataDir, production),
    bodyLimit: int(env, 'BODY_LIMIT'),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE'),
    auditOutboxGraceMs: int(env, 'AUDIT_OUTBOX_GRACE_MS'),
    auditOutboxSweepMs: int(env, 'AUDIT_OUTBOX_SWEEP_MS'),
    tieringDailyHour: int(env, 'TIERING_DAILY_HOUR'),
    tieringDailyCheckMs: int(env, 'TIERING_DAILY_CHECK_MS'),
    packsPollMs: env.PACKS_POLL_MS ? int(env, 'PACKS_POLL_MS', 0) : undefined,
    checkStateSubjects: int(env, 'CHECK_STATE_SUBJECTS'),
    checkStateMaxAgeMs: int(env, 'CHECK_STATE_MAX_AGE_MS'),
    demoData: env.DEMO_DATA === '1',
    consoleDir: env.CONSOLE_DIR || undefined,
    fakeApprovalSystem: env.NODE_ENV === 'test',
    trustProxy: trustProxy(env),
    webhookPollMs: int(env, 'WEBHOOK_POLL_MS'),
    webhookRetryBaseMs: int(env, 'WEBHOOK_RETRY_BASE_MS'),
    webhookTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS'),
    webhookEventsRetentionDays: int(env, 'WEBHOOK_EVENTS_RETENTION_DAYS'),
    webhookPruneMs: int(env, 'WEBHOOK_PRUNE_MS'),
    jobsPollMs: int(env, 'JOBS_POLL_MS'),
    jobsRetentionDays: int(env, 'JOBS_RETENTION_DAYS'),
    jobsPruneMs: int(env, 'JOBS_PRUNE_MS'),
    production,
  };
}

/**
 * LOG_LEVEL as written ('info' when unset), for what logs before or without an AppConfig (the database
 * logger of the migration CLI); loadConfig validates it.
 */
export function logLevelSetting(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOG_LEVEL ?? 'info';
}

/** DI token for the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
