import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 分行业 (issue 15): a subject is tiered only in the industries that supervise it.
 * - `subjects.industry_code`: the registered industry code (国民经济行业分类, GB/T 4754-2017), when known.
 * - `subject_industries`: a department's assignments (行业归属认定): a subject is (effect `member`) or is not
 *   (effect `excluded`) one the industry supervises, from `since` until `until` (exclusive, NULL = open), with
 *   who decided and why. Assignments are never deleted: ending one sets `until` and the end's reason.
 * - `credit_tiers.membership`: the bases on which the subject holds the tier (records, code, assignment).
 * - `tiering_upgrades`: re-tier jobs an upgrade leaves behind. This one asks for a full re-tier on the new
 *   membership and facts (removing the tiers that no longer apply, each with a history row); the first
 *   instance to start runs it — or `credit-engine upgrade` — and prints the distribution before and after.
 */
export class IndustryMembership1796572800000 implements MigrationInterface {
  readonly name = 'IndustryMembership1796572800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE subjects ADD COLUMN industry_code varchar(5) NULL
      CONSTRAINT subjects_industry_code_check CHECK (industry_code ~ '^[A-T]([0-9]{2}([0-9]{1,2})?)?$')`);
    await q.query(`CREATE TABLE subject_industries (
      id          bigserial    PRIMARY KEY,
      subject_id  uuid         NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
      industry    varchar(32)  NOT NULL,
      effect      varchar(16)  NOT NULL CONSTRAINT subject_industries_effect_check CHECK (effect IN ('member', 'excluded')),
      since       date         NOT NULL,
      until       date         NULL,
      reason      text         NOT NULL CONSTRAINT subject_industries_reason_check CHECK (length(btrim(reason)) > 0),
      decided_by  varchar(200) NOT NULL,
      department  varchar(200) NULL,
      created_at  timestamptz  NOT NULL DEFAULT now(),
      end_reason  text         NULL,
      ended_by    varchar(200) NULL,
      CONSTRAINT subject_industries_period_check CHECK (until IS NULL OR until >= since)
    )`);
    await q.query(`CREATE INDEX subject_industries_subject_idx ON subject_industries (subject_id, industry, since)`);
    await q.query(`ALTER TABLE credit_tiers ADD COLUMN membership jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`CREATE TABLE tiering_upgrades (
      name         varchar(64)  PRIMARY KEY,
      reason       text         NOT NULL,
      requested_at timestamptz  NOT NULL DEFAULT now(),
      started_at   timestamptz  NULL,
      finished_at  timestamptz  NULL,
      before       jsonb        NULL,
      after        jsonb        NULL,
      summary      jsonb        NULL
    )`);
    await q.query(`INSERT INTO tiering_upgrades (name, reason) VALUES ('industry-membership',
      'Tiers only in the industries that supervise a subject (分行业); facts of the pack''s own industry')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tiering_upgrades`);
    await q.query(`ALTER TABLE credit_tiers DROP COLUMN membership`);
    await q.query(`DROP TABLE subject_industries`);
    await q.query(`ALTER TABLE subjects DROP COLUMN industry_code`);
  }
}
