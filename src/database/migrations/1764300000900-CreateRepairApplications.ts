import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit repair applications (信用修复申请) and the outcomes of credit commitments (信用承诺履行情况).
 *
 * An application names the record it would repair, who applied (the subject, or the credit office on its
 * behalf), the public credit commitment (公开信用承诺) and the obligations fulfilled. The recognising
 * department (认定部门, the record's source, "谁认定、谁修复") approves or rejects it. At most one pending
 * application per record (partial unique index); decisions are conditional updates from 'pending'.
 *
 * A commitment outcome records, once per commitment record, whether it was fulfilled or breached, the
 * kind of commitment (告知承诺 / 信用修复承诺 / 主动承诺) and who found it.
 */
export class CreateRepairApplications1764300000900 implements MigrationInterface {
  readonly name = 'CreateRepairApplications1764300000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE repair_applications (
        id                    uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
        record_id             uuid          NOT NULL REFERENCES credit_records(id) ON DELETE RESTRICT,
        subject_id            uuid          NOT NULL REFERENCES subjects(id) ON DELETE RESTRICT,
        decision_number       varchar(128)  NOT NULL,
        department            varchar(200)  NOT NULL,
        status                varchar(16)   NOT NULL DEFAULT 'pending',
        applicant_kind        varchar(16)   NOT NULL,
        applicant_name        varchar(200)  NOT NULL,
        commitment            varchar(4000) NOT NULL,
        reason                varchar(4000) NOT NULL,
        evidence              jsonb         NOT NULL DEFAULT '[]'::jsonb,
        earliest_repair_date  date          NULL,
        applied_on            date          NOT NULL,
        commitment_record_id  uuid          NULL REFERENCES credit_records(id) ON DELETE RESTRICT,
        decided_on            date          NULL,
        decided_by            varchar(200)  NULL,
        decision_reason       varchar(2000) NULL,
        caller                varchar(100)  NULL,
        decided_caller        varchar(100)  NULL,
        created_at            timestamptz   NOT NULL DEFAULT now(),
        updated_at            timestamptz   NOT NULL DEFAULT now(),
        CONSTRAINT repair_applications_status_check CHECK (status IN ('pending', 'approved', 'rejected')),
        CONSTRAINT repair_applications_applicant_check CHECK (applicant_kind IN ('subject', 'credit_office')),
        CONSTRAINT repair_applications_commitment_check CHECK (length(btrim(commitment)) > 0),
        CONSTRAINT repair_applications_evidence_check CHECK (jsonb_typeof(evidence) = 'array'),
        CONSTRAINT repair_applications_decided_check CHECK (
          (status = 'pending') = (decided_on IS NULL) AND (status <> 'rejected' OR decision_reason IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX repair_applications_one_pending ON repair_applications (record_id) WHERE status = 'pending'`,
    );
    await q.query(`CREATE INDEX repair_applications_subject ON repair_applications (subject_id, created_at)`);
    await q.query(`CREATE INDEX repair_applications_status ON repair_applications (status, created_at)`);
    await q.query(`
      CREATE TABLE commitment_outcomes (
        id            uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
        record_id     uuid          NOT NULL UNIQUE REFERENCES credit_records(id) ON DELETE RESTRICT,
        subject_id    uuid          NOT NULL REFERENCES subjects(id) ON DELETE RESTRICT,
        kind          varchar(24)   NOT NULL,
        outcome       varchar(16)   NOT NULL,
        outcome_date  date          NOT NULL,
        department    varchar(200)  NOT NULL,
        reason        varchar(2000) NOT NULL,
        legal_basis   varchar(200)  NULL,
        caller        varchar(100)  NULL,
        created_at    timestamptz   NOT NULL DEFAULT now(),
        CONSTRAINT commitment_outcomes_kind_check CHECK (kind IN ('notify_and_commit', 'repair', 'voluntary')),
        CONSTRAINT commitment_outcomes_outcome_check CHECK (outcome IN ('fulfilled', 'breached'))
      )`);
    await q.query(`CREATE INDEX commitment_outcomes_subject ON commitment_outcomes (subject_id, outcome_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE commitment_outcomes`);
    await q.query(`DROP TABLE repair_applications`);
  }
}
