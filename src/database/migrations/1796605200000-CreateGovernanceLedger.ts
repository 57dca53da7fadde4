import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18, item 6 — special governance (专项治理, district plan task 13): the governance ledger (专项治理台账) of
 * subjects under the "屡禁不止、屡罚不改" campaign, owned by the governance module (src/modules/governance).
 * An entry is opened by the credit office (信用主管部门) by hand or by accepting a rule's proposal (its triggering
 * penalty records kept in `record_ids`) and tracked to its exit: rectified (整改到位), repaired (信用修复) or closed
 * otherwise, with the date, the evidence note and who decided. A declined proposal is kept in
 * `governance_declined_proposals` so that the same penalties do not propose the subject again.
 */
export class CreateGovernanceLedger1796605200000 implements MigrationInterface {
  readonly name = 'CreateGovernanceLedger1796605200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE governance_entries (
        id              uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_id      uuid          NOT NULL REFERENCES subjects(id) ON DELETE RESTRICT,
        department      varchar(200)  NOT NULL CHECK (length(btrim(department)) > 0),
        reason          varchar(2000) NOT NULL CHECK (length(btrim(reason)) > 0),
        source          varchar(8)    NOT NULL CHECK (source IN ('manual', 'rule')),
        violation_type  varchar(200)  NULL,
        record_ids      uuid[]        NOT NULL DEFAULT '{}',
        opened_on       date          NOT NULL,
        opened_by       varchar(200)  NULL,
        status          varchar(16)   NOT NULL DEFAULT 'open'
                        CHECK (status IN ('open', 'rectified', 'repaired', 'closed_other')),
        exit_date       date          NULL,
        exit_note       varchar(2000) NULL,
        exit_decided_by varchar(200)  NULL,
        created_at      timestamptz   NOT NULL DEFAULT now(),
        updated_at      timestamptz   NOT NULL DEFAULT now(),
        CONSTRAINT governance_entries_exit_check CHECK (
          (status = 'open' AND exit_date IS NULL AND exit_note IS NULL)
          OR (status <> 'open' AND exit_date IS NOT NULL AND exit_note IS NOT NULL AND exit_date >= opened_on)),
        CONSTRAINT governance_entries_rule_check CHECK (source = 'manual' OR cardinality(record_ids) > 0)
      )`);
    // One open entry per subject and violation type (a manual entry without a type counts as its own key '').
    await q.query(`CREATE UNIQUE INDEX governance_entries_open_key
      ON governance_entries (subject_id, COALESCE(violation_type, '')) WHERE status = 'open'`);
    await q.query(`CREATE INDEX governance_entries_department ON governance_entries (department, status)`);
    await q.query(`
      CREATE TABLE governance_declined_proposals (
        id             uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_id     uuid          NOT NULL REFERENCES subjects(id) ON DELETE RESTRICT,
        violation_type varchar(200)  NOT NULL,
        record_ids     uuid[]        NOT NULL CHECK (cardinality(record_ids) > 0),
        reason         varchar(2000) NOT NULL CHECK (length(btrim(reason)) > 0),
        declined_on    date          NOT NULL,
        declined_by    varchar(200)  NULL,
        created_at     timestamptz   NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX governance_declined_subject ON governance_declined_proposals (subject_id, violation_type)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE governance_declined_proposals`);
    await q.query(`DROP TABLE governance_entries`);
  }
}
