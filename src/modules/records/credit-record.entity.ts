import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  CommitmentStatus, InspectionResult, PenaltyType, RecordIndustry, RecordStatus, RecordType,
} from '../../rules/facts';

/**
 * Table `credit_records` (schema: migration 1764300000200-CreateCreditRecords). The module reads and
 * writes it with SQL in records.store.ts (upserts, dates as text); this entity documents the mapping.
 */
@Entity({ name: 'credit_records' })
export class CreditRecordEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  @Column({ type: 'varchar', length: 16 }) type: RecordType;
  /** Data-source department (数据来源单位), code or name. */
  @Column({ type: 'varchar', length: 200 }) source: string;
  /** 行政处罚决定书文号 / 许可文书号 / 列入文号. */
  @Column({ name: 'decision_number', type: 'varchar', length: 128 }) decisionNumber: string;
  @Column({ type: 'varchar', length: 16 }) industry: RecordIndustry;
  @Column({ type: 'varchar', length: 24, nullable: true }) sector: string | null;
  @Column({ type: 'varchar', length: 8, nullable: true }) severity: string | null;
  @Column({ name: 'list_type', type: 'varchar', length: 32, nullable: true }) listType: string | null;
  @Column({ name: 'tax_level', type: 'char', length: 1, nullable: true }) taxLevel: string | null;
  @Column({ name: 'tax_year', type: 'smallint', nullable: true }) taxYear: number | null;
  @Column({ name: 'decision_date', type: 'date' }) decisionDate: string;
  @Column({ name: 'publicity_min_end', type: 'date', nullable: true }) publicityMinEnd: string | null;
  @Column({ name: 'publicity_end', type: 'date', nullable: true }) publicityEnd: string | null;
  @Column({ name: 'valid_until', type: 'date', nullable: true }) validUntil: string | null;
  @Column({ name: 'rule_version', type: 'varchar', length: 8, nullable: true }) ruleVersion: string | null;
  @Column({ name: 'penalty_types', type: 'text', array: true }) penaltyTypes: PenaltyType[];
  /** 万元 (10,000 yuan); numeric(14,4) comes back from pg as a string. */
  @Column({ name: 'fine_amount', type: 'numeric', precision: 14, scale: 4, nullable: true }) fineAmount: string | null;
  @Column({ name: 'commitment_status', type: 'varchar', length: 16, nullable: true }) commitmentStatus: CommitmentStatus | null;
  @Column({ name: 'commitment_status_date', type: 'date', nullable: true }) commitmentStatusDate: string | null;
  @Column({ name: 'inspection_result', type: 'varchar', length: 16, nullable: true }) inspectionResult: InspectionResult | null;
  @Column({ type: 'varchar', length: 16 }) status: RecordStatus;
  @Column({ name: 'revoked_at', type: 'date', nullable: true }) revokedAt: string | null;
  @Column({ name: 'revocation_reason', type: 'varchar', length: 500, nullable: true }) revocationReason: string | null;
  @Column({ name: 'repaired_at', type: 'date', nullable: true }) repairedAt: string | null;
  @Column({ name: 'ended_at', type: 'date', nullable: true }) endedAt: string | null;
  @Column({ type: 'jsonb' }) details: Record<string, unknown>;
  @Column({ name: 'content_hash', type: 'char', length: 64 }) contentHash: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
