import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsCalendarDate, RequiredText } from '../../../common/field-decorators';
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

  @ApiProperty({
    enum: COMMITMENT_KINDS,
    description:
      'Kind of commitment (承诺类型): notify_and_commit 告知承诺 (证明事项/涉企经营许可), repair 信用修复承诺, voluntary 主动承诺',
    example: 'notify_and_commit',
  })
  @IsIn([...COMMITMENT_KINDS])
  kind: CommitmentKind;

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

export class CommitmentOutcomeResultDto {
  @ApiProperty({ type: CommitmentOutcomeViewDto }) outcome: CommitmentOutcomeViewDto;
  @ApiProperty({
    type: RecordViewDto,
    description: 'The commitment record after the outcome (commitmentStatus, commitmentStatusDate, details)',
  })
  record: RecordViewDto;
}
