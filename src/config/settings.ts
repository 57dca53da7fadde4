/**
 * Every environment variable the service reads (配置项), in one schema: its kind and bounds (which loadConfig and
 * loadQualityConfig validate against), its default and its meaning. docs/configuration.md's tables are generated
 * from it (`npm run docs:config`) and src/config/settings.spec.ts fails when they drift apart, or when a variable
 * is read that is not here.
 */
export type SettingKind = 'int' | 'text' | 'enum' | 'flag' | 'dates' | 'secret' | 'proxy' | 'url' | 'path';

export interface Setting {
  readonly name: string;
  readonly section: 'service' | 'quality';
  readonly kind: SettingKind;
  /** Whole numbers: the bounds. */
  readonly min?: number;
  readonly max?: number;
  /** Whole numbers: the value when unset. */
  readonly fallback?: number;
  /** Enumerations: the values. */
  readonly values?: readonly string[];
  /** The default as the docs state it (Markdown). */
  readonly defaultDoc: string;
  /** What may be given, where the kind does not say it (Markdown). */
  readonly allowedDoc?: string;
  readonly meaning: string;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const SETTINGS: readonly Setting[] = [
  {
    name: 'PORT',
    section: 'service',
    kind: 'int',
    min: 0,
    max: 65535,
    fallback: 3000,
    defaultDoc: '`3000`',
    meaning: 'listening port',
  },
  { name: 'HOST', section: 'service', kind: 'text', defaultDoc: '`0.0.0.0`', meaning: 'listening address' },
  {
    name: 'WORKERS',
    section: 'service',
    kind: 'int',
    min: 1,
    max: 64,
    fallback: 1,
    defaultDoc: '`1`',
    meaning:
      'processes serving the port on this machine (多进程, node:cluster; one per core uses them all): each is a whole instance with its own pool (`DB_POOL_SIZE` each), kept credit state and rate-limit counters; above 1 needs `DATABASE_URL` ([scaling.md](scaling.md))',
  },
  {
    name: 'DATABASE_URL',
    section: 'service',
    kind: 'url',
    defaultDoc: 'unset',
    allowedDoc: '`postgres://…` or `postgresql://…`',
    meaning: 'a PostgreSQL server; unset = the embedded PostgreSQL (PGlite) under `DATA_DIR`',
  },
  {
    name: 'DATA_DIR',
    section: 'service',
    kind: 'path',
    defaultDoc: '`./data` (from the working directory)',
    meaning: 'embedded database files (`DATA_DIR/pglite`) and the generated ID-hash key (`DATA_DIR/id-hash.key`)',
  },
  {
    name: 'DB_POOL_SIZE',
    section: 'service',
    kind: 'int',
    min: 1,
    max: 200,
    fallback: 10,
    defaultDoc: '`10`',
    meaning: 'connections to a PostgreSQL server (the embedded database always uses one)',
  },
  {
    name: 'DB_STATEMENT_TIMEOUT_MS',
    section: 'service',
    kind: 'int',
    min: 100,
    max: 600000,
    fallback: 30000,
    defaultDoc: '`30000`',
    meaning:
      "the server's `statement_timeout`; the driver gives up 2 s later on its own (`query_timeout`), so a silent network cannot hang a request; the shutdown deadline is this + 15 s ([operations.md](operations.md))",
  },
  {
    name: 'RULE_PACKS_DIR',
    section: 'service',
    kind: 'path',
    defaultDoc: "the package's own `rule-packs/`",
    meaning:
      'the bundled rule packs: validated at every start (a pack that fails validation stops the boot with findings naming file, rule and field) and imported as the first version of each pack the database does not hold yet; the versions in force are then those of the database ([rule-packs.md](rule-packs.md))',
  },
  {
    name: 'ID_HASH_KEY',
    section: 'service',
    kind: 'secret',
    defaultDoc: 'generated into `DATA_DIR`',
    allowedDoc: '≥ 32 characters',
    meaning:
      'key of the HMAC that finds natural persons by ID number without storing it; **required** when `NODE_ENV=production`; otherwise, when unset, 32 random bytes are written once to `DATA_DIR/id-hash.key` (mode 0600) and reused ([SECURITY.md](../SECURITY.md))',
  },
  {
    name: 'BODY_LIMIT',
    section: 'service',
    kind: 'int',
    min: 1024,
    max: 64 * 1024 * 1024,
    fallback: 4 * 1024 * 1024,
    defaultDoc: '`4194304`',
    meaning: 'largest request body in bytes (413 above it)',
  },
  {
    name: 'RATE_LIMIT_PER_MINUTE',
    section: 'service',
    kind: 'int',
    min: 0,
    max: 1_000_000,
    fallback: 6000,
    defaultDoc: '`6000`',
    meaning:
      'requests a minute for a key without its own `--rate`, and per client address for requests without a valid key; `0` = unlimited (keys with their own rate stay limited) ([api-keys.md](api-keys.md))',
  },
  {
    name: 'TRUST_PROXY',
    section: 'service',
    kind: 'proxy',
    min: 1,
    max: 10,
    defaultDoc: 'unset (trust none)',
    allowedDoc: '`true`, hops `1`–`10`, or comma-separated IP addresses / CIDR ranges',
    meaning:
      "the reverse proxies whose `X-Forwarded-For`/`-Proto`/`-Host` are believed: behind one, name it so the client address (rate limits for callers without a key) is the client's, not the proxy's. Unset: the header is ignored (a client cannot choose its own address). `true` trusts any sender: only where nothing but the proxy can reach the service",
  },
  {
    name: 'LOG_LEVEL',
    section: 'service',
    kind: 'enum',
    values: LOG_LEVELS,
    defaultDoc: '`info`',
    meaning:
      'stdout carries JSON lines only (pino), with the request id, secrets and ID numbers redacted; a boot failure is one JSON line on stderr; the demo admin key of `--demo` is shown on stderr, never in a log line',
  },
  {
    name: 'AUDIT_OUTBOX_GRACE_MS',
    section: 'service',
    kind: 'int',
    min: 0,
    max: 86_400_000,
    fallback: 60000,
    defaultDoc: '`60000`',
    meaning:
      'a change whose audit entry has not come this long after its COMMIT is chained by the sweeper as an interrupted entry ([operations.md](operations.md))',
  },
  {
    name: 'AUDIT_OUTBOX_SWEEP_MS',
    section: 'service',
    kind: 'int',
    min: 100,
    max: 86_400_000,
    fallback: 30000,
    defaultDoc: '`30000`',
    meaning: 'how often a running service sweeps the audit outbox',
  },
  {
    name: 'TIERING_DAILY_HOUR',
    section: 'service',
    kind: 'int',
    min: 0,
    max: 23,
    fallback: 1,
    defaultDoc: '`1`',
    meaning: 'the daily tiering run (每日分级) starts from this hour, China Standard Time ([tiering.md](tiering.md))',
  },
  {
    name: 'TIERING_DAILY_CHECK_MS',
    section: 'service',
    kind: 'int',
    min: 0,
    max: 86_400_000,
    fallback: 600_000,
    defaultDoc: '`600000`',
    meaning: "how often each instance looks whether today's run is due; `0` turns the daily run off",
  },
  {
    name: 'PACKS_POLL_MS',
    section: 'service',
    kind: 'int',
    min: 10,
    max: 3_600_000,
    defaultDoc: '`250` embedded, `1000` on a server',
    meaning:
      'how often each instance compares the active rule-pack set with its own and reloads when it changed (on a server it also LISTENs on `pack_changed`); unset or empty means the default',
  },
  {
    name: 'CHECK_STATE_SUBJECTS',
    section: 'service',
    kind: 'int',
    min: 0,
    max: 10_000_000,
    fallback: 200_000,
    defaultDoc: '`200000`',
    meaning:
      'how many subjects each instance keeps the credit state of (records in force, industries, tiers) for checks, least recently used leaving first; kept fresh by `credit_state` notifications; `0` reads the database on every check',
  },
  {
    name: 'CHECK_STATE_MAX_AGE_MS',
    section: 'service',
    kind: 'int',
    min: 1000,
    max: 86_400_000,
    fallback: 300_000,
    defaultDoc: '`300000` (5 minutes)',
    meaning:
      'a kept credit state older than this is read again: the bound on staleness should a change notification ever be lost',
  },
  {
    name: 'WEBHOOK_POLL_MS',
    section: 'service',
    kind: 'int',
    min: 0,
    max: 3_600_000,
    fallback: 1000,
    defaultDoc: '`1000`',
    meaning:
      'how often each instance looks for events to deliver to subscribed systems ([webhooks.md](webhooks.md)); `0` turns delivery off on this instance',
  },
  {
    name: 'WEBHOOK_RETRY_BASE_MS',
    section: 'service',
    kind: 'int',
    min: 10,
    max: 600_000,
    fallback: 5000,
    defaultDoc: '`5000`',
    meaning: "wait after a receiver's first failure; doubled at each further failure, at most 10 minutes",
  },
  {
    name: 'WEBHOOK_TIMEOUT_MS',
    section: 'service',
    kind: 'int',
    min: 100,
    max: 60_000,
    fallback: 5000,
    defaultDoc: '`5000`',
    meaning: 'how long a receiver has to answer one event (no answer = a failed attempt)',
  },
  {
    name: 'WEBHOOK_EVENTS_RETENTION_DAYS',
    section: 'service',
    kind: 'int',
    min: 1,
    max: 3650,
    fallback: 30,
    defaultDoc: '`30`',
    meaning:
      'events out kept (事件保留期): an event older than this is deleted once no subscription is still to receive it (paused or failing subscriptions included), and delivery attempts (投递记录) older than this are deleted ([webhooks.md](webhooks.md#retention-保留期))',
  },
  {
    name: 'WEBHOOK_PRUNE_MS',
    section: 'service',
    kind: 'int',
    min: 0,
    max: 86_400_000,
    fallback: 3_600_000,
    defaultDoc: '`3600000` (hourly)',
    meaning:
      'how often each instance deletes the events and delivery attempts past `WEBHOOK_EVENTS_RETENTION_DAYS` (the first time a minute after start); `0` turns it off on this instance',
  },
  {
    name: 'JOBS_POLL_MS',
    section: 'service',
    kind: 'int',
    min: 0,
    max: 600_000,
    fallback: 2000,
    defaultDoc: '`2000`',
    meaning:
      'how often each instance asks the job queue (pg-boss) for a background job to run (后台任务: large imports, batch tiering runs; [operations.md](operations.md#background-jobs-后台任务)); below 500 counts as 500; `0` = this instance queues jobs but runs none',
  },
  {
    name: 'JOBS_RETENTION_DAYS',
    section: 'service',
    kind: 'int',
    min: 1,
    max: 3650,
    fallback: 14,
    defaultDoc: '`14`',
    meaning:
      "a background job that ended (completed or failed) is deleted this many days after it ended, with its per-row report (任务保留期); it then answers 404 like an unknown job. Queued and running jobs are never deleted; a job's input rows go as soon as it ends ([operations.md](operations.md#retention-保留期))",
  },
  {
    name: 'JOBS_PRUNE_MS',
    section: 'service',
    kind: 'int',
    min: 0,
    max: 86_400_000,
    fallback: 3_600_000,
    defaultDoc: '`3600000` (hourly)',
    meaning:
      'how often each instance deletes the jobs past `JOBS_RETENTION_DAYS` (the first time a minute after start); `0` turns it off on this instance',
  },
  {
    name: 'NODE_ENV',
    section: 'service',
    kind: 'text',
    defaultDoc: 'unset',
    meaning:
      '`production` makes `ID_HASH_KEY` required; `test` (set by jest) also registers the test double approval system `fake`',
  },
  {
    name: 'DEMO_DATA',
    section: 'service',
    kind: 'flag',
    defaultDoc: 'unset',
    allowedDoc: '`1`',
    meaning: 'load the demo data at start (same as `npm start -- --demo`)',
  },
  {
    name: 'CONSOLE_DIR',
    section: 'service',
    kind: 'path',
    defaultDoc: '`dist/console` of the project',
    allowedDoc: 'a folder',
    meaning:
      'where the built web console (`npm run build:console`) is served from at `/console`; not built: `/console` answers 503 saying how to build it',
  },
  {
    name: 'QUALITY_TIMELY_WORKING_DAYS',
    section: 'quality',
    kind: 'int',
    min: 0,
    max: 60,
    fallback: 7,
    defaultDoc: '`7`',
    meaning:
      'N of 及时率: working days after the decision within which a record must be received. **A local parameter, to be confirmed against the 双公示 rules in force**; `?workingDays=` overrides it per request ([data-quality.md](data-quality.md))',
  },
  {
    name: 'QUALITY_HOLIDAYS',
    section: 'quality',
    kind: 'dates',
    defaultDoc: 'empty',
    meaning: 'statutory holidays (法定节假日): not working days',
  },
  {
    name: 'QUALITY_WORKDAYS',
    section: 'quality',
    kind: 'dates',
    defaultDoc: 'empty',
    meaning: 'weekend days worked (调休): working days (Monday to Friday are the working days otherwise)',
  },
];

export function setting(name: string): Setting {
  const s = SETTINGS.find((x) => x.name === name);
  if (!s) throw new Error(`${name} is not in src/config/settings.ts`);
  return s;
}

const thousands = (n: number) => String(n);

/** What may be given, for the docs table. */
function allowed(s: Setting): string {
  if (s.allowedDoc) return s.allowedDoc;
  if (s.kind === 'int') return `${thousands(s.min!)}–${thousands(s.max!)}`;
  if (s.kind === 'enum') return s.values!.map((v) => `\`${v}\``).join(', ');
  if (s.kind === 'dates') return 'comma-separated `YYYY-MM-DD`';
  return '';
}

/** The Markdown table of a section, as docs/configuration.md holds it between its markers. */
export function settingsTable(section: Setting['section']): string {
  const rows = SETTINGS.filter((s) => s.section === section).map(
    (s) => `| \`${s.name}\` | ${s.defaultDoc} | ${allowed(s)} | ${s.meaning} |`,
  );
  return ['| variable | default | allowed | meaning |', '|---|---|---|---|', ...rows].join('\n');
}
