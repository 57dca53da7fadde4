import { MigrationInterface, QueryRunner } from 'typeorm';

const SECTORS = `('food', 'drug', 'special_equipment', 'work_safety', 'fire')`;
const AFFECTED = `type = 'penalty' AND rule_version = 'NDRC-36' AND severity IS NOT NULL AND sector IN ${SECTORS}`;
/** 令第36号 windows by grade alone (src/rules/publicity/publicity.ts): [minimum, maximum] months from the decision date. */
const MIN_36 = `(decision_date + make_interval(months => CASE severity WHEN 'minor' THEN 0 WHEN 'general' THEN 3 ELSE 12 END))::date`;
const MAX_36 = `(decision_date + make_interval(months => CASE severity WHEN 'minor' THEN 3 WHEN 'general' THEN 12 ELSE 36 END))::date`;

/**
 * Penalties of the food, drug, special-equipment, work-safety and fire sectors decided from 2026-04-01 were
 * stored with 令第58号's 1-year sector minimum on top of their 令第36号 grade (a minor fire penalty in force
 * 12 months instead of at most 3; a general food one repairable after 1 year instead of 3 months). This puts
 * the windows those records should have had: the same arithmetic as src/rules/publicity/publicity.ts (PostgreSQL, like
 * addMonths, keeps a month-end date at the end of a shorter month). Rows already right are not touched.
 *
 * content_hash is left as it was: a re-import of the same source row is answered "updated" once (its hash
 * covers the windows) and writes the same windows again. Tiers stored in credit_tiers are recomputed by the
 * next tiering run; checks read records in force live and follow at once.
 */
export class FixNdrc36SectorWindows1764300001300 implements MigrationInterface {
  readonly name = 'FixNdrc36SectorWindows1764300001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE credit_records SET publicity_min_end = ${MIN_36}, publicity_end = ${MAX_36}, updated_at = now()
       WHERE ${AFFECTED} AND (publicity_min_end, publicity_end) IS DISTINCT FROM (${MIN_36}, ${MAX_36})`,
    );
  }

  /** Back to what the earlier code stored: the grade's window widened to a 1-year minimum. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE credit_records SET publicity_min_end = GREATEST(${MIN_36}, (decision_date + interval '12 months')::date),
         publicity_end = GREATEST(${MAX_36}, (decision_date + interval '12 months')::date), updated_at = now()
       WHERE ${AFFECTED}`,
    );
  }
}
