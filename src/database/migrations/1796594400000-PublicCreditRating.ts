import { MigrationInterface, QueryRunner } from 'typeorm';

const TYPES_OLD = `'licence', 'penalty', 'list_entry', 'tax_credit', 'commitment', 'inspection'`;
const TYPES_NEW = `${TYPES_OLD}, 'public_credit'`;
const FIELDS_OLD = `(type <> 'penalty' OR severity IS NOT NULL)
  AND (type <> 'list_entry' OR (list_type IS NOT NULL AND (list_type = 'red_list' OR severity IS NOT NULL)))
  AND (type <> 'tax_credit' OR (tax_level IS NOT NULL AND tax_year IS NOT NULL))
  AND (type <> 'commitment' OR commitment_status IS NOT NULL)
  AND (type <> 'inspection' OR inspection_result IS NOT NULL)`;
const FIELDS_NEW = `${FIELDS_OLD}
  AND (type <> 'public_credit' OR public_credit_grade IS NOT NULL)`;

/**
 * Issue 18, point 2: the public credit comprehensive evaluation (公共信用综合评价) as a record type. A rating delivered by
 * the national or municipal credit platform (全国信用信息共享平台, 信用中国（重庆）) is a `public_credit` record
 * with its grade (A best … D worst, src/rules/shared/facts.catalogue.ts PUBLIC_CREDIT_GRADES) and its rating date
 * (decision_date); the platform is its source. `down` fails while such records exist (remove them first, deliberately).
 */
export class PublicCreditRating1796594400000 implements MigrationInterface {
  readonly name = 'PublicCreditRating1796594400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_records ADD COLUMN public_credit_grade char(1) NULL`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_public_credit_grade_check
      CHECK (public_credit_grade IN ('A', 'B', 'C', 'D'))`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_type_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_type_check CHECK (type IN (${TYPES_NEW}))`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_type_fields_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_type_fields_check CHECK (${FIELDS_NEW})`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ n }] = (await q.query(
      `SELECT count(*)::int AS n FROM credit_records WHERE type = 'public_credit'`,
    )) as Array<{ n: number }>;
    if (n > 0) throw new Error(`${n} public_credit (公共信用综合评价) records exist: remove them before reverting`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_type_fields_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_type_fields_check CHECK (${FIELDS_OLD})`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_type_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_type_check CHECK (type IN (${TYPES_OLD}))`);
    await q.query(`ALTER TABLE credit_records DROP COLUMN public_credit_grade`);
  }
}
