import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail (审计日志): append-only and hash-chained. seq is assigned by the writer under an
 * advisory lock (contiguous from 1); hash = H(prev_hash ‖ canonical JSON of the entry). Triggers refuse
 * UPDATE, DELETE and TRUNCATE for everyone, the owner included; a superuser who turns them off is
 * caught by the chain (`GET /api/v1/audit/verify`, `npm run audit:verify`).
 */
export class CreateAuditLog1764300000400 implements MigrationInterface {
  name = 'CreateAuditLog1764300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        id uuid NOT NULL UNIQUE,
        kind varchar(32) NOT NULL,
        caller varchar(100),
        operator varchar(100),
        scenario varchar(64),
        subject_ids uuid[] NOT NULL DEFAULT '{}',
        idempotency_key varchar(200),
        request_hash char(64),
        request jsonb,
        response jsonb,
        pack_versions jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        algorithm varchar(16) NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        CONSTRAINT audit_log_caller_idempotency_key UNIQUE (caller, idempotency_key)
      )`);
    // The UNIQUE above lets NULL callers repeat a key; the writer's dedupe (caller or '') is backed here.
    await q.query(`CREATE UNIQUE INDEX audit_log_idempotency ON audit_log ((coalesce(caller, '')), idempotency_key)`);
    await q.query(`CREATE INDEX audit_log_subjects ON audit_log USING gin (subject_ids)`);
    await q.query(`CREATE INDEX audit_log_caller ON audit_log (caller, seq)`);
    await q.query(`CREATE INDEX audit_log_scenario ON audit_log (scenario, seq)`);
    await q.query(`CREATE INDEX audit_log_kind ON audit_log (kind, seq)`);
    await q.query(`CREATE INDEX audit_log_created_at ON audit_log (created_at)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'Audit entries are never changed or removed.';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
