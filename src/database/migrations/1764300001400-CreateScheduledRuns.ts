import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jobs that run once a day across every instance (定时任务). A row per job: the last day (China Standard
 * Time) an instance claimed it, when that run started and finished, and what it did. An instance claims a
 * day with one conditional upsert, so two instances never run the same day's job.
 */
export class CreateScheduledRuns1764300001400 implements MigrationInterface {
  readonly name = 'CreateScheduledRuns1764300001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scheduled_runs (
      job          varchar(64)  PRIMARY KEY,
      last_day     date         NOT NULL,
      started_at   timestamptz  NOT NULL,
      finished_at  timestamptz  NULL,
      summary      jsonb        NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scheduled_runs`);
  }
}
