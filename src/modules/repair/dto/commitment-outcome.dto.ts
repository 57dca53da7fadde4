import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, RequiredText } from '../../../common/field-decorators';
import { BREACH_CONSEQUENCE_CODES, COMMITMENT_TYPES } from '../../../rules/facts';
import { RecordViewDto } from '../../records/dto/record-responses.dto';

export const COMMITMENT_KINDS = ['notify_and_commit', 'repair', 'voluntary'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
export const COMMITMENT_OUTCOMES = ['fulfilled', 'breached'] as const;
export type CommitmentOutcome = (typeof COMMITMENT_OUTCOMES)[number];

export class CommitmentOutcomeDto {
  @ApiProperty({
    enum: COMMITMENT_OUTCOMES,
    description: 'fulfilled (已履行) or breached (违背承诺 / 虚假承诺)',
    example: 'breached',
  })
  @IsIn([...COMMITMENT_OUTCOMES])
  outcome: CommitmentOutcome;

  @ApiPropertyOptional({
    enum: COMMITMENT_KINDS,
    description:
      "How the finding department files the commitment (承诺方式): notify_and_commit 告知承诺, repair 信用修复承诺, voluntary 主动承诺. Optional: by default it follows the record's commitmentType (repair for credit_repair, voluntary for voluntary_disclosure and industry_self_discipline, else notify_and_commit). The consequences of a breach follow the record's commitmentType (承诺类型), not this",
    example: 'notify_and_commit',
  })
  @IsOptional()
  @IsIn([...COMMITMENT_KINDS])
  kind?: CommitmentKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'With a breach of a commitment whose type revokes the approval (notify_commit 告知承诺, approval_substitute 审批替代型, gap_acceptance 容缺受理型): the licence record (行政许可) granted on the commitment, of the same subject and not revoked. It is revoked (撤销) from the breach date in the same step',
  })
  @IsOptional()
  @IsUUID('all')
  approvalRecordId?: string;

  @ApiProperty({
    type: String,
    format: 'date',
    description: 'Date the fulfilment or breach was found (认定日期), not before the commitment nor in the future',
    example: '2026-10-15',
  })
  @IsCalendarDate()
  date: string;

  @RequiredText(200, {
    description:
      "Department recording the outcome (认定部门): the department that accepted the commitment, i.e. the record's source",
    example: '綦江区市场监督管理局',
  })
  department: string;

  @RequiredText(2000, {
    description: 'What was found (核查情况): for a breach, how the commitment was false or not kept',
    example: '核查发现申请人承诺的消防安全条件与实际不符，属虚假承诺。',
  })
  reason: string;
}

export class CommitmentOutcomeViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The commitment record (信用承诺记录)' }) recordId: string;
  @ApiProperty({ format: 'uuid', description: 'Subject (信用主体)' }) subjectId: string;
  @ApiProperty({ enum: COMMITMENT_KINDS, description: 'Kind of commitment (承诺类型)' }) kind: string;
  @ApiProperty({ enum: COMMITMENT_OUTCOMES, description: 'fulfilled 已履行 / breached 违背承诺' }) outcome: string;
  @ApiProperty({ format: 'date', description: 'Date found (认定日期)', example: '2026-05-20' }) date: string;
  @ApiProperty({ description: 'Department that recorded it (认定部门)', example: '綦江区消防救援支队' })
  department: string;
  @ApiProperty({ description: 'What was found (核查情况)' }) reason: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Legal basis of a breach entering the credit record (失信认定依据)',
    example: '国办发〔2020〕42号',
  })
  legalBasis: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'API key name (caller system)' }) caller: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class BreachConsequenceDto {
  @ApiProperty({
    enum: BREACH_CONSEQUENCE_CODES,
    description:
      'credit_record 记入信用记录, approval_revoked 撤销审批/终止办理, notify_commit_barred 修复前不适用告知承诺制, gap_acceptance_barred 修复前不适用容缺受理, public_disclosure 违诺情况公开, association_notified 通报行业协会, repair_voided 信用修复失效',
  })
  code: string;
  @ApiProperty({ description: 'What it means (后果)', example: '违诺记入信用记录,视情节实施惩戒' }) zh: string;
  @ApiProperty({ description: 'Its basis (依据), or the local parameter it rests on' }) basis: string;
  @ApiProperty({ enum: ['verified', 'secondary', 'local_parameter'], description: 'Status of the basis' })
  basisStatus: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The named local parameter, where no national text was found',
  })
  parameter: string | null;
  @ApiProperty({
    description:
      'true: the service carried it out (the record, the facts the checks read, a revoked approval, a voided repair); false: for the department to carry out',
  })
  carriedOut: boolean;
}

export class CommitmentOutcomeResultDto {
  @ApiProperty({ type: CommitmentOutcomeViewDto }) outcome: CommitmentOutcomeViewDto;
  @ApiProperty({ enum: COMMITMENT_TYPES, description: 'Commitment type (承诺类型) of the record' })
  commitmentType: string;
  @ApiProperty({
    type: [BreachConsequenceDto],
    description: 'What the breach leads to under its type, with the basis (empty for a fulfilment)',
  })
  consequences: BreachConsequenceDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The approval (licence record) revoked with the breach',
  })
  revokedApprovalRecordId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description:
      'The record whose credit repair the breach voided (信用修复失效, credit_repair): published and counted again; a pending repair application of the commitment is rejected instead',
  })
  voidedRepairRecordId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description:
      'The pending repair application (信用修复申请) of a breached credit_repair commitment, rejected with it',
  })
  rejectedRepairApplicationId: string | null;
  @ApiProperty({
    type: RecordViewDto,
    description: 'The commitment record after the outcome (commitmentStatus, commitmentStatusDate, details)',
  })
  record: RecordViewDto;
}
