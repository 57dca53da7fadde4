import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feedback on checks (反馈): per measure, whether the approver applied it, why not, and the outcome. The
 * Zhongshan precedent (domain.md §3) closes the loop this way. Rows are only added: a correction is a
 * newer row, so the history of what was reported stays.
 */
export class CreateCheckFeedback1764300000600 implements MigrationInterface {
  name = 'CreateCheckFeedback1764300000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE check_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        check_id uuid NOT NULL,
        caller varchar(100) NOT NULL,
        scenario varchar(64) NOT NULL,
        operator varchar(100) NOT NULL,
        party_index int NOT NULL CHECK (party_index >= 0),
        measure_code varchar(100) NOT NULL,
        applied boolean NOT NULL,
        reason varchar(1000),
        outcome varchar(1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT check_feedback_reason_check CHECK (applied OR reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX check_feedback_check ON check_feedback (check_id, created_at)`);
    await q.query(`CREATE INDEX check_feedback_caller ON check_feedback (caller, scenario, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE check_feedback`);
  }
}
