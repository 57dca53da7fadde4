import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspection plans (双随机、一公开): a plan holds what it was drawn from (the published inputs, their
 * hash, the seed and the pack versions of the tiers), and one item per drawn subject with its two
 * inspectors, why it was drawn, and later the result.
 */
export class CreateInspectionPlans1764300000800 implements MigrationInterface {
  name = 'CreateInspectionPlans1764300000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inspection_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department varchar(200) NOT NULL,
        industry varchar(32) NOT NULL,
        region varchar(12),
        period_from date NOT NULL,
        period_to date NOT NULL,
        seed varchar(200) NOT NULL,
        algorithm varchar(64) NOT NULL,
        inputs_hash char(64) NOT NULL,
        inputs jsonb NOT NULL,
        inspectors jsonb NOT NULL,
        tiers jsonb NOT NULL,
        pack_versions jsonb NOT NULL,
        caller varchar(100),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inspection_plans_period CHECK (period_from <= period_to)
      )`);
    await q.query(`CREATE INDEX inspection_plans_industry ON inspection_plans (industry, created_at)`);
    await q.query(`
      CREATE TABLE inspection_plan_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES inspection_plans(id) ON DELETE CASCADE,
        position int NOT NULL,
        subject_id uuid NOT NULL REFERENCES subjects(id),
        tier varchar(16) NOT NULL,
        reason varchar(8) NOT NULL CHECK (reason IN ('ratio', 'due', 'lead')),
        inspectors jsonb NOT NULL,
        on_site boolean NOT NULL,
        key_items_full boolean NOT NULL,
        result varchar(8) CHECK (result IN ('passed', 'failed')),
        result_date date,
        findings varchar(4000),
        record_id uuid,
        result_at timestamptz,
        UNIQUE (plan_id, subject_id),
        UNIQUE (plan_id, position)
      )`);
    await q.query(`CREATE INDEX inspection_plan_items_subject ON inspection_plan_items (subject_id, result_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inspection_plan_items`);
    await q.query(`DROP TABLE inspection_plans`);
  }
}
