import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD = `industry IN ('tax', 'construction', 'food_drug', 'fire_safety', 'general')`;
/** An industry id of src/rules/shared/industries.ts (or 'general'): lower case, digits and underscores, ≤ 16. */
const SHAPE = `industry ~ '^[a-z][a-z0-9_]{1,15}$'`;

/**
 * A credit record's industry was checked against a list of the four first industries; adding an industry (issue 18:
 * environment, customs, and more to come) meant a migration each time. The industries are declared once in
 * src/rules/shared/industries.ts and every write validates a record's industry against that list (the record DTO's
 * enum, the import); the database keeps the shape only. `down` restores the list and fails while records of a later
 * industry exist (they must be removed first, deliberately).
 */
export class IndustryByShape1796590800000 implements MigrationInterface {
  readonly name = 'IndustryByShape1796590800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_industry_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_industry_check CHECK (${SHAPE})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_industry_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_industry_check CHECK (${OLD})`);
  }
}
