import { MigrationInterface, QueryRunner } from 'typeorm';

const TYPES = `'notify_commit', 'gap_acceptance', 'voluntary_disclosure', 'industry_self_discipline', 'approval_substitute', 'credit_repair'`;

/**
 * Issue 18, item 4 (district plan task 9): the type of a credit commitment (承诺类型, src/rules/facts/commitment-types.ts).
 * Every commitment recorded before was a notify-and-commit one (告知承诺): it takes `notify_commit`. A commitment
 * record carries a type, no other record does (a constraint of its own, beside credit_records_type_fields_check).
 * The list of commitments filters by type. `down` drops the column (the types other than notify_commit are lost).
 */
export class CommitmentType1796612400000 implements MigrationInterface {
  readonly name = 'CommitmentType1796612400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_records ADD COLUMN commitment_type text NULL`);
    await q.query(`UPDATE credit_records SET commitment_type = 'notify_commit' WHERE type = 'commitment'`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_commitment_type_check
      CHECK (commitment_type IN (${TYPES}) AND type = 'commitment' OR commitment_type IS NULL AND type <> 'commitment')`);
    await q.query(`CREATE INDEX credit_records_commitment_type_idx ON credit_records (commitment_type, decision_date DESC, id DESC)
      WHERE type = 'commitment'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS credit_records_commitment_type_idx`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_commitment_type_check`);
    await q.query(`ALTER TABLE credit_records DROP COLUMN commitment_type`);
  }
}
