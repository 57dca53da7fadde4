import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit outbox (审计待记): a change of record written in its own transaction carries a row here, keyed by
 * the audit entry it will become. Appending that entry deletes the row in the chain's transaction; a row
 * left behind (the process died between the change's COMMIT and its entry) is chained later as an
 * interrupted entry. So every committed change reaches the trail, even across a crash.
 */
export class CreateAuditOutbox1764300001200 implements MigrationInterface {
  readonly name = 'CreateAuditOutbox1764300001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_outbox (
        id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_id    uuid         NOT NULL,
        kind        varchar(32)  NOT NULL,
        caller      varchar(100) NULL,
        operator    varchar(100) NULL,
        subject_ids uuid[]       NOT NULL,
        request     jsonb        NOT NULL,
        change      jsonb        NOT NULL,
        created_at  timestamptz  NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_outbox_entry_idx ON audit_outbox (entry_id)`);
    await q.query(`CREATE INDEX audit_outbox_created_idx ON audit_outbox (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_outbox`);
  }
}
