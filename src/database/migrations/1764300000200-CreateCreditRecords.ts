import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit records (信用记录): licences and penalties in the "双公示" shape, list entries, tax credit
 * levels, credit commitments and inspection results. (source, decision_number) is the idempotency key
 * of imports; content_hash lets a re-import of an unchanged row write nothing. Status dates are kept
 * (not only the status) so that "as of T" answers stay reproducible.
 */
export class CreateCreditRecords1764300000200 implements MigrationInterface {
  readonly name = 'CreateCreditRecords1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit_records (
        id                     uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_id             uuid          NOT NULL REFERENCES subjects(id) ON DELETE RESTRICT,
        type                   varchar(16)   NOT NULL,
        source                 varchar(200)  NOT NULL,
        decision_number        varchar(128)  NOT NULL,
        industry               varchar(16)   NOT NULL DEFAULT 'general',
        sector                 varchar(24)   NULL,
        severity               varchar(8)    NULL,
        list_type              varchar(32)   NULL,
        tax_level              char(1)       NULL,
        tax_year               smallint      NULL,
        decision_date          date          NOT NULL,
        publicity_min_end      date          NULL,
        publicity_end          date          NULL,
        valid_until            date          NULL,
        rule_version           varchar(8)    NULL,
        penalty_types          text[]        NOT NULL DEFAULT '{}',
        fine_amount            numeric(14,4) NULL,
        commitment_status      varchar(16)   NULL,
        commitment_status_date date          NULL,
        inspection_result      varchar(16)   NULL,
        status                 varchar(16)   NOT NULL DEFAULT 'active',
        revoked_at             date          NULL,
        revocation_reason      varchar(500)  NULL,
        repaired_at            date          NULL,
        ended_at               date          NULL,
        details                jsonb         NOT NULL DEFAULT '{}'::jsonb,
        content_hash           char(64)      NOT NULL,
        created_at             timestamptz   NOT NULL DEFAULT now(),
        updated_at             timestamptz   NOT NULL DEFAULT now(),
        CONSTRAINT credit_records_source_decision_key UNIQUE (source, decision_number),
        CONSTRAINT credit_records_type_check CHECK (
          type IN ('licence', 'penalty', 'list_entry', 'tax_credit', 'commitment', 'inspection')),
        CONSTRAINT credit_records_source_check CHECK (length(btrim(source)) > 0),
        CONSTRAINT credit_records_decision_number_check CHECK (length(btrim(decision_number)) > 0),
        CONSTRAINT credit_records_industry_check CHECK (
          industry IN ('tax', 'construction', 'food_drug', 'fire_safety', 'general')),
        CONSTRAINT credit_records_sector_check CHECK (
          sector IN ('food', 'drug', 'special_equipment', 'work_safety', 'fire', 'other')),
        CONSTRAINT credit_records_severity_check CHECK (severity IN ('minor', 'general', 'serious')),
        CONSTRAINT credit_records_list_type_check CHECK (list_type IN (
          'court_defaulter', 'serious_dishonesty', 'major_tax_violation', 'procurement_dishonesty',
          'abnormal_operation', 'red_list')),
        CONSTRAINT credit_records_tax_check CHECK (
          tax_level IN ('A', 'B', 'M', 'C', 'D') AND tax_year BETWEEN 1990 AND 2100),
        CONSTRAINT credit_records_rule_version_check CHECK (rule_version IN ('NDRC-58', 'NDRC-36')),
        CONSTRAINT credit_records_penalty_types_check CHECK (penalty_types <@ ARRAY[
          'warning', 'public_criticism', 'fine', 'confiscation', 'licence_suspension', 'qualification_downgrade',
          'licence_revocation', 'production_restriction', 'suspension', 'closure', 'employment_restriction',
          'detention', 'other']::text[]),
        CONSTRAINT credit_records_fine_check CHECK (fine_amount >= 0),
        CONSTRAINT credit_records_commitment_check CHECK (commitment_status IN ('pending', 'fulfilled', 'breached')),
        CONSTRAINT credit_records_inspection_check CHECK (inspection_result IN ('passed', 'failed')),
        CONSTRAINT credit_records_status_check CHECK (status IN ('active', 'revoked', 'repaired', 'ended')),
        CONSTRAINT credit_records_status_dates_check CHECK (
          (status <> 'revoked' OR revoked_at IS NOT NULL) AND (status <> 'repaired' OR repaired_at IS NOT NULL)
          AND (status <> 'ended' OR ended_at IS NOT NULL)),
        CONSTRAINT credit_records_type_fields_check CHECK (
          (type <> 'penalty' OR severity IS NOT NULL)
          AND (type <> 'list_entry' OR (list_type IS NOT NULL AND (list_type = 'red_list' OR severity IS NOT NULL)))
          AND (type <> 'tax_credit' OR (tax_level IS NOT NULL AND tax_year IS NOT NULL))
          AND (type <> 'commitment' OR commitment_status IS NOT NULL)
          AND (type <> 'inspection' OR inspection_result IS NOT NULL)),
        CONSTRAINT credit_records_publicity_check CHECK (
          publicity_end >= decision_date AND publicity_min_end >= decision_date AND publicity_end >= publicity_min_end),
        CONSTRAINT credit_records_details_check CHECK (jsonb_typeof(details) = 'object'),
        CONSTRAINT credit_records_content_hash_check CHECK (content_hash ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`CREATE INDEX credit_records_subject_decision_idx ON credit_records (subject_id, decision_date)`);
    await q.query(`CREATE INDEX credit_records_publicity_end_idx ON credit_records (publicity_end)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credit_records`);
  }
}
