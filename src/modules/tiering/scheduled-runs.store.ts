import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A claimed run not finished after this long is taken as dead (its instance stopped) and claimed again. */
const STALE_CLAIM = '1 hour';

/** SQL of scheduled_runs (migration 1764300001400): one row per job, the day it last claimed. */
@Injectable()
export class ScheduledRunsStore {
  constructor(private readonly ds: DataSource) {}

  /** True when this instance took the day: no run of it yet, or a run claimed over an hour ago that never finished. */
  async claim(job: string, day: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO scheduled_runs AS r (job, last_day, started_at) VALUES ($1, $2::date, now())
       ON CONFLICT (job) DO UPDATE SET last_day = EXCLUDED.last_day, started_at = now(), finished_at = NULL, summary = NULL
       WHERE r.last_day < EXCLUDED.last_day OR (r.last_day = EXCLUDED.last_day AND r.finished_at IS NULL AND r.started_at < now() - interval '${STALE_CLAIM}')
       RETURNING job`,
      [job, day],
    );
    return rows.length === 1;
  }

  async finish(job: string, summary: object): Promise<void> {
    await this.ds.query(`UPDATE scheduled_runs SET finished_at = now(), summary = $2::jsonb WHERE job = $1`, [
      job,
      JSON.stringify(summary),
    ]);
  }

  /** The claim given back (to the day before), so the next look tries again. */
  async giveBack(job: string, day: string): Promise<void> {
    await this.ds.query(
      `UPDATE scheduled_runs SET last_day = $2::date - 1, finished_at = NULL WHERE job = $1 AND last_day = $2::date AND finished_at IS NULL`,
      [job, day],
    );
  }
}
