import type { Logger as TypeOrmLogger } from 'typeorm';
import { scrubAllIdNumbers } from '../common/pii';
import { logLevelSetting } from '../config/app.config';

/** Where a line goes: standard output by default, one JSON object a line, beside the service's pino logs. */
export type LineSink = (line: string) => void;

const MAX_SQL = 300;
const LEVELS: Record<string, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};

/**
 * TypeORM's own logger prints a failed query with all its parameters: whole audit batches, request bodies
 * and imported rows. This one writes one JSON line per failure with the error and the start of the SQL text
 * only — never the parameters — with ID numbers masked; queries themselves are not logged.
 */
export class DatabaseLogger implements TypeOrmLogger {
  private readonly min: number;

  /** `level`: the least severe level written (the service's LOG_LEVEL by default; `silent` writes nothing). */
  constructor(
    private readonly sink: LineSink = (line) => process.stdout.write(`${line}\n`),
    level: string = logLevelSetting(),
  ) {
    this.min = LEVELS[level] ?? LEVELS.info;
  }

  logQuery(): void {}

  logQueryError(error: string | Error, query: string, _parameters?: unknown): void {
    const message = typeof error === 'string' ? error : error.message;
    this.write('error', 'database query failed', {
      err: scrubAllIdNumbers(message),
      sql: scrubAllIdNumbers(oneLine(query).slice(0, MAX_SQL)),
    });
  }

  logQuerySlow(time: number, query: string): void {
    this.write('warn', 'slow database query', { ms: time, sql: scrubAllIdNumbers(oneLine(query).slice(0, MAX_SQL)) });
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.write('info', scrubAllIdNumbers(message), {});
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = String(message);
    // The schema comes from the migrations (gen_random_uuid() is built in): TypeORM's uuid-ossp advice does not apply.
    if (level === 'warn' && !text.includes('uuid-ossp')) this.write('warn', scrubAllIdNumbers(text), {});
  }

  private write(level: 'error' | 'warn' | 'info', msg: string, fields: Record<string, unknown>): void {
    if (LEVELS[level] < this.min) return;
    this.sink(JSON.stringify({ level, time: Date.now(), context: 'database', msg, ...fields }));
  }
}

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();
