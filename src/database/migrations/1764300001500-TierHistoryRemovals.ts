import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stored tier can be removed (a pack's `appliesTo` narrowed: no tier of that industry is computed for
 * the subject any more). History records the removal as a row without a tier or score: `tier` NULL,
 * `previous_tier` the tier removed, the pack version that no longer applies, and the trigger.
 */
export class TierHistoryRemovals1764300001500 implements MigrationInterface {
  readonly name = 'TierHistoryRemovals1764300001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_tier_history ALTER COLUMN tier DROP NOT NULL, ALTER COLUMN score DROP NOT NULL`);
    await q.query(`ALTER TABLE credit_tier_history ADD CONSTRAINT credit_tier_history_removal_check
      CHECK ((tier IS NULL) = (score IS NULL) AND (tier IS NOT NULL OR previous_tier IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM credit_tier_history WHERE tier IS NULL`);
    await q.query(`ALTER TABLE credit_tier_history DROP CONSTRAINT credit_tier_history_removal_check`);
    await q.query(`ALTER TABLE credit_tier_history ALTER COLUMN tier SET NOT NULL, ALTER COLUMN score SET NOT NULL`);
  }
}
