import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 失信被执行人 listings carry their ground (法释〔2017〕7号 Art. 1, 1–6): ground (1) 有履行能力而拒不履行 has no
 * term (ends only when the court deletes it); grounds (2)–(6) are listed 2 years, extendable 1–3 years.
 *
 * Nothing stored is rewritten: court listings imported before this column have `list_ground` NULL (and a
 * 2-year end the old import put on every listing without an end date), procurement-ban and major-tax-violation
 * entries may be open-ended, and penalties may carry a grade that contradicts their penalty types (令第36号).
 * `GET /api/v1/quality/legal-findings` names each of them for the data-source department to correct by
 * re-import (an audited update), so no stored answer changes silently.
 */
export class CourtDefaulterGround1796564780695 implements MigrationInterface {
  readonly name = 'CourtDefaulterGround1796564780695';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_records ADD COLUMN list_ground smallint NULL`);
    // 重点关注名单 (key-attention list): a list type of its own (issue 14, point 10).
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_list_type_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_list_type_check CHECK (list_type IN (
      'court_defaulter', 'serious_dishonesty', 'major_tax_violation', 'procurement_dishonesty',
      'abnormal_operation', 'key_attention', 'red_list'))`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_list_ground_check
      CHECK (list_ground IS NULL OR (list_type = 'court_defaulter' AND list_ground BETWEEN 1 AND 6))`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ n }] = (await q.query(
      `SELECT count(*)::int AS n FROM credit_records WHERE list_type = 'key_attention'`,
    )) as {
      n: number;
    }[];
    if (n > 0) throw new Error(`${n} key_attention (重点关注名单) records exist: remove them before reverting`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_list_ground_check`);
    await q.query(`ALTER TABLE credit_records DROP COLUMN list_ground`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_list_type_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_list_type_check CHECK (list_type IN (
      'court_defaulter', 'serious_dishonesty', 'major_tax_violation', 'procurement_dishonesty',
      'abnormal_operation', 'red_list'))`);
  }
}
