import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every committed change to what a check reads of a subject — its records, its industry decisions, its
 * registration — is announced on the `credit_state` channel, so that each instance drops the credit state it
 * keeps of those subjects (src/modules/credit-state). Statement-level triggers: one notification per statement,
 * the subject ids comma-separated; `*` when there are too many to name (a NOTIFY payload holds < 8,000 bytes)
 * or the table was truncated. PostgreSQL delivers a NOTIFY at COMMIT, and never for a rolled-back transaction.
 */
const TABLES: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'credit_records', column: 'subject_id' },
  { table: 'subject_industries', column: 'subject_id' },
  { table: 'subjects', column: 'id' },
];

export class CreditStateNotify1796576400000 implements MigrationInterface {
  readonly name = 'CreditStateNotify1796576400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION credit_state_announce(ids text) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF ids IS NULL OR ids = '' THEN RETURN; END IF;
        PERFORM pg_notify('credit_state', CASE WHEN length(ids) > 7000 THEN '*' ELSE ids END);
      END $$`);
    for (const { table, column } of TABLES) {
      const fn = `credit_state_${table}`;
      // One function per table and event: a transition table is named in static SQL.
      await q.query(`CREATE FUNCTION ${fn}_ins() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM credit_state_announce((SELECT string_agg(DISTINCT ${column}::text, ',') FROM new_rows)); RETURN NULL; END $$`);
      await q.query(`CREATE FUNCTION ${fn}_upd() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM credit_state_announce((SELECT string_agg(DISTINCT s::text, ',') FROM
          (SELECT ${column} AS s FROM new_rows UNION SELECT ${column} FROM old_rows) u)); RETURN NULL; END $$`);
      await q.query(`CREATE FUNCTION ${fn}_del() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM credit_state_announce((SELECT string_agg(DISTINCT ${column}::text, ',') FROM old_rows)); RETURN NULL; END $$`);
      await q.query(`CREATE FUNCTION ${fn}_trunc() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('credit_state', '*'); RETURN NULL; END $$`);
      await q.query(`CREATE TRIGGER ${fn}_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}_ins()`);
      await q.query(`CREATE TRIGGER ${fn}_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}_upd()`);
      await q.query(`CREATE TRIGGER ${fn}_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}_del()`);
      await q.query(
        `CREATE TRIGGER ${fn}_trunc AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}_trunc()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of TABLES) {
      const fn = `credit_state_${table}`;
      for (const ev of ['ins', 'upd', 'del', 'trunc']) {
        await q.query(`DROP TRIGGER IF EXISTS ${fn}_${ev} ON ${table}`);
        await q.query(`DROP FUNCTION IF EXISTS ${fn}_${ev}()`);
      }
    }
    await q.query(`DROP FUNCTION IF EXISTS credit_state_announce(text)`);
  }
}
