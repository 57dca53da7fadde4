/**
 * Where pg-boss (the durable job queue, src/modules/jobs) keeps its tables: a PostgreSQL schema of its own beside
 * the application's — `pgboss` for an application in `public`, `<schema>_pgboss` for one in another schema (a
 * test's isolated schema) — so that two applications on one database never share a queue, and the application's
 * own tables stay as they were. The migration that creates it and the service that starts pg-boss both name it
 * from `current_schema()`.
 */
export function pgBossSchemaFor(appSchema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,50}$/.test(appSchema)) throw new Error(`unexpected schema name "${appSchema.slice(0, 64)}"`);
  return appSchema === 'public' ? 'pgboss' : `${appSchema}_pgboss`;
}

/** The queues (one per job kind) and their policies: created by the migrations, never by pg-boss at start. */
export const JOB_QUEUES = {
  /** A bulk import of more rows than one request takes (records). */
  'records.import': { policy: 'standard' },
  /** A batch tiering run (tiering). */
  'tiering.batch': { policy: 'standard' },
} as const;
export type JobKind = keyof typeof JOB_QUEUES;
export const JOB_KINDS = Object.keys(JOB_QUEUES) as JobKind[];

/** Attempts after the first one, and the longest an attempt may run before pg-boss takes it for lost and retries it. */
export const JOB_RETRY_LIMIT = 2;
export const JOB_EXPIRE_SECONDS = 3600;
