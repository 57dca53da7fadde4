import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SubjectKind } from '../../rules/shared';

/** Table `subjects` (schema: migration 1764300000100-CreateSubjects). No ID number column, by design. */
@Entity({ name: 'subjects' })
export class SubjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: SubjectKind;

  /** Unified social credit code (统一社会信用代码), null for natural persons. */
  @Column({ type: 'varchar', length: 18, nullable: true })
  code: string | null;

  /** HMAC-SHA256 (config.idHashKey) of a natural person's resident ID number, hex. */
  @Column({ name: 'id_hash', type: 'char', length: 64, nullable: true })
  idHash: string | null;

  @Column({ name: 'id_masked', type: 'varchar', length: 18, nullable: true })
  idMasked: string | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'char', length: 6, nullable: true })
  region: string | null;

  /** YYYY-MM-DD */
  @Column({ name: 'registered_on', type: 'date', nullable: true })
  registeredOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
