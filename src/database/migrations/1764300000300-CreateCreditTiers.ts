import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit tiers (信用等级): the current tier per subject and industry, and an append-only history of
 * every change (a change never overwrites the past).
 */
export class CreateCreditTiers1764300000300 implements MigrationInterface {
  name = 'CreateCreditTiers1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit_tiers (
        subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
        industry varchar(32) NOT NULL,
        tier varchar(16) NOT NULL,
        score numeric(10,2) NOT NULL,
        pack_id varchar(64) NOT NULL,
        pack_version varchar(32) NOT NULL,
        pack_hash char(64) NOT NULL,
        fired jsonb NOT NULL,
        facts jsonb NOT NULL,
        inspection_policy jsonb NOT NULL,
        as_of date NOT NULL,
        fingerprint char(64) NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject_id, industry)
      )`);
    await q.query(`CREATE INDEX credit_tiers_industry_tier ON credit_tiers (industry, tier)`);
    await q.query(`
      CREATE TABLE credit_tier_history (
        id bigserial PRIMARY KEY,
        subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
        industry varchar(32) NOT NULL,
        tier varchar(16) NOT NULL,
        previous_tier varchar(16),
        score numeric(10,2) NOT NULL,
        pack_id varchar(64) NOT NULL,
        pack_version varchar(32) NOT NULL,
        pack_hash char(64) NOT NULL,
        fired jsonb NOT NULL,
        facts jsonb NOT NULL,
        as_of date NOT NULL,
        trigger varchar(64) NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX credit_tier_history_subject ON credit_tier_history (subject_id, industry, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credit_tier_history`);
    await q.query(`DROP TABLE credit_tiers`);
  }
}
