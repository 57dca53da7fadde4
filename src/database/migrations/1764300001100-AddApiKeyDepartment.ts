import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The department (部门) a caller key acts for. "谁认定、谁修复": a repair is decided, and a commitment's
 * outcome recorded, by the department that recognised the record; a key bound to a department may act
 * for that department only. NULL: not bound (an approval system; an admin key acts as the credit office).
 */
export class AddApiKeyDepartment1764300001100 implements MigrationInterface {
  readonly name = 'AddApiKeyDepartment1764300001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_keys ADD COLUMN department varchar(200) NULL
      CONSTRAINT api_keys_department_check CHECK (department IS NULL OR (length(btrim(department)) > 0 AND department = btrim(department)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_keys DROP COLUMN department`);
  }
}
