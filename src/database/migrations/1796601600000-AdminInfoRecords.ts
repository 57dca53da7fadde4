import { MigrationInterface, QueryRunner } from 'typeorm';

const TYPES_OLD = `'licence', 'penalty', 'list_entry', 'tax_credit', 'commitment', 'inspection', 'public_credit'`;
const TYPES_NEW = `${TYPES_OLD}, 'admin_enforcement', 'admin_reward', 'admin_confirmation', 'admin_adjudication', 'admin_supervision'`;
const FIELDS_OLD = `(type <> 'penalty' OR severity IS NOT NULL)
  AND (type <> 'list_entry' OR (list_type IS NOT NULL AND (list_type = 'red_list' OR severity IS NOT NULL)))
  AND (type <> 'tax_credit' OR (tax_level IS NOT NULL AND tax_year IS NOT NULL))
  AND (type <> 'commitment' OR commitment_status IS NOT NULL)
  AND (type <> 'inspection' OR inspection_result IS NOT NULL)
  AND (type <> 'public_credit' OR public_credit_grade IS NOT NULL)`;
/** The fields each kind needs (record-rules.ts), kept in `details`, and its publicity end (a local parameter). */
const FIELDS_NEW = `${FIELDS_OLD}
  AND (type NOT LIKE 'admin\\_%' OR (details ? 'content' AND publicity_end IS NOT NULL))
  AND (type <> 'admin_enforcement' OR (details ? 'enforcementMeasure' AND details ? 'legalBasis'))
  AND (type <> 'admin_reward' OR (details ? 'awardName' AND details ? 'awardLevel'))
  AND (type NOT IN ('admin_confirmation', 'admin_adjudication') OR details ? 'legalBasis')`;

/**
 * Issue 18, item 3: the five other kinds of administrative management information (行政管理信息) as record types —
 * 行政强制 (admin_enforcement), 行政奖励 (admin_reward), 行政确认 (admin_confirmation), 行政裁决 (admin_adjudication),
 * 行政监督检查 (admin_supervision); src/rules/facts/admin-info.ts. Their own fields live in `details` (no new column,
 * so no earlier record's content hash moves). `down` fails while such records exist (remove them first, deliberately).
 */
export class AdminInfoRecords1796601600000 implements MigrationInterface {
  readonly name = 'AdminInfoRecords1796601600000';

  async up(q: QueryRunner): Promise<void> {
    // 'admin_confirmation' and 'admin_adjudication' are 18 characters: the type columns widen (no table rewrite).
    await q.query(`ALTER TABLE credit_records ALTER COLUMN type TYPE varchar(32)`);
    await q.query(`ALTER TABLE record_rejections ALTER COLUMN record_type TYPE varchar(32)`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_type_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_type_check CHECK (type IN (${TYPES_NEW}))`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_type_fields_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_type_fields_check CHECK (${FIELDS_NEW})`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ n }] = (await q.query(
      `SELECT ((SELECT count(*) FROM credit_records WHERE type LIKE 'admin\\_%')
         + (SELECT count(*) FROM record_rejections WHERE length(record_type) > 16))::int AS n`,
    )) as Array<{ n: number }>;
    if (n > 0)
      throw new Error(
        `${n} administrative-information (行政管理信息) records or refused rows exist: remove them before reverting`,
      );
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_type_fields_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_type_fields_check CHECK (${FIELDS_OLD})`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_type_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_type_check CHECK (type IN (${TYPES_OLD}))`);
    await q.query(`ALTER TABLE record_rejections ALTER COLUMN record_type TYPE varchar(16)`);
    await q.query(`ALTER TABLE credit_records ALTER COLUMN type TYPE varchar(16)`);
  }
}
