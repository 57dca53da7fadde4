import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A claimed upgrade not finished after this long is taken as dead (its instance stopped) and claimed again. */
const STALE_CLAIM = '1 hour';

export interface UpgradeRow {
  readonly name: string;
  readonly reason: string;
}

/** SQL of tiering_upgrades (migration 1796572800000): re-tier jobs a migration leaves for the first instance to start. */
@Injectable()
export class TieringUpgradesStore {
  constructor(private readonly ds: DataSource) {}

  pending(): Promise<UpgradeRow[]> {
    return this.ds.query(
      `SELECT name, reason FROM tiering_upgrades WHERE finished_at IS NULL ORDER BY requested_at, name`,
    );
  }

  /** True when this instance took the job: not started, or started over an hour ago and never finished. */
  async claim(name: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      // Through a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count], a SELECT as its rows.
      `WITH claimed AS (UPDATE tiering_upgrades SET started_at = now() WHERE name = $1 AND finished_at IS NULL
         AND (started_at IS NULL OR started_at < now() - interval '${STALE_CLAIM}') RETURNING name)
       SELECT name FROM claimed`,
      [name],
    );
    return rows.length === 1;
  }

  async finish(name: string, before: unknown, after: unknown, summary: unknown): Promise<void> {
    await this.ds.query(
      `UPDATE tiering_upgrades SET finished_at = now(), before = $2::jsonb, after = $3::jsonb, summary = $4::jsonb WHERE name = $1`,
      [name, JSON.stringify(before), JSON.stringify(after), JSON.stringify(summary)],
    );
  }

  /** The claim given back, so the next start tries again. */
  async giveBack(name: string): Promise<void> {
    await this.ds.query(`UPDATE tiering_upgrades SET started_at = NULL WHERE name = $1 AND finished_at IS NULL`, [
      name,
    ]);
  }
}
