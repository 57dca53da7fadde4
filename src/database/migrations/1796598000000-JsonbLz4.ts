import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * jsonb values larger than about 2 kB are compressed when written (TOAST). PostgreSQL's default, pglz, was measured
 * at about a third of the database's CPU per audit entry of a check (≈ 140 µs a row in a batch of 50, ≈ 100 µs with
 * lz4; the entries' answers are 3–7 kB of text): every jsonb column of the schema now compresses with lz4 where the
 * server has it (PostgreSQL 14 and later built with lz4, as Debian's and the official images are). Values already
 * stored keep their compression until rewritten; both read alike. A server without lz4 (the embedded database) keeps
 * pglz: the migration does nothing there.
 */
export class JsonbLz41796598000000 implements MigrationInterface {
  readonly name = 'JsonbLz41796598000000';

  async up(q: QueryRunner): Promise<void> {
    for (const { table, column } of await lz4Columns(q)) {
      await q.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET COMPRESSION lz4`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, column } of await lz4Columns(q)) {
      await q.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET COMPRESSION DEFAULT`);
    }
  }
}

/** The schema's jsonb columns, or none when the server cannot compress with lz4. */
async function lz4Columns(q: QueryRunner): Promise<Array<{ table: string; column: string }>> {
  const [{ lz4 }] = (await q.query(
    `SELECT coalesce('lz4' = ANY(enumvals), false) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'
     UNION ALL SELECT false LIMIT 1`,
  )) as Array<{ lz4: boolean }>;
  if (!lz4) return [];
  const columns = (await q.query(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND a.atttypid = 'jsonb'::regtype
      ORDER BY 1, 2`,
  )) as Array<{ table: string; column: string }>;
  return columns;
}
