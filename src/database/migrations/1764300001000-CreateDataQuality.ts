import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data quality of "双公示" (上报率、合规率、及时率; 重错码):
 * - record_rejections: every row an import refused (so that refusals count in the statistics): department,
 *   decision number, row errors and when; a natural person only by the masked ID number, never in full.
 * - record_receipts: when each accepted record was first received (by the service clock) and the subject
 *   name and code it was reported with (the subjects table keeps only the first name a code came with).
 *   Existing records are back-filled from credit_records.created_at, without a reported name.
 * - quality_ledgers: the count of decisions a department declares for a month (应上报数), the base of 上报率.
 */
export class CreateDataQuality1764300001000 implements MigrationInterface {
  readonly name = 'CreateDataQuality1764300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE record_rejections (
        id                uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
        source            varchar(200)  NULL,
        decision_number   varchar(128)  NULL,
        record_type       varchar(16)   NULL,
        decision_date     date          NULL,
        subject_code      varchar(32)   NULL,
        subject_masked    varchar(18)   NULL,
        code_check_failed boolean       NOT NULL DEFAULT false,
        row_number        integer       NOT NULL,
        line              integer       NULL,
        errors            jsonb         NOT NULL,
        rejected_at       timestamptz   NOT NULL DEFAULT now(),
        CONSTRAINT record_rejections_errors_check CHECK (jsonb_typeof(errors) = 'array'),
        CONSTRAINT record_rejections_masked_check CHECK (subject_masked ~ '^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$')
      )`);
    await q.query(`CREATE INDEX record_rejections_source_idx ON record_rejections (source, decision_number)`);
    await q.query(`CREATE INDEX record_rejections_rejected_at_idx ON record_rejections (rejected_at)`);
    await q.query(`
      CREATE TABLE record_receipts (
        record_id     uuid          PRIMARY KEY REFERENCES credit_records(id) ON DELETE CASCADE,
        received_at   timestamptz   NOT NULL,
        subject_code  varchar(18)   NULL,
        reported_name varchar(200)  NULL,
        updated_at    timestamptz   NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX record_receipts_code_idx ON record_receipts (subject_code)`);
    await q.query(`INSERT INTO record_receipts (record_id, received_at) SELECT id, created_at FROM credit_records`);
    await q.query(`
      CREATE TABLE quality_ledgers (
        department  varchar(200)  NOT NULL,
        period      char(7)       NOT NULL,
        declared    integer       NOT NULL,
        note        varchar(500)  NULL,
        declared_by varchar(200)  NULL,
        updated_at  timestamptz   NOT NULL DEFAULT now(),
        PRIMARY KEY (department, period),
        CONSTRAINT quality_ledgers_period_check CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        CONSTRAINT quality_ledgers_declared_check CHECK (declared >= 0),
        CONSTRAINT quality_ledgers_department_check CHECK (length(btrim(department)) > 0)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quality_ledgers`);
    await q.query(`DROP TABLE record_receipts`);
    await q.query(`DROP TABLE record_rejections`);
  }
}
