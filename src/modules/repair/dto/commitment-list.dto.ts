import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { OptionalText } from '../../../common/field-decorators';
import { COMMITMENT_TYPES, type CommitmentType } from '../../../rules/facts';
import { SubjectBriefDto } from '../../subjects/dto/subject-brief.dto';
import { COMMITMENT_KINDS, COMMITMENT_OUTCOMES } from './commitment-outcome.dto';

export const COMMITMENT_STATUSES = ['pending', 'fulfilled', 'breached'] as const;

export class CommitmentListQuery {
  @ApiPropertyOptional({
    enum: COMMITMENT_STATUSES,
    description: 'Only commitments in this state: pending 待核查, fulfilled 已履行, breached 违背承诺',
  })
  @IsOptional()
  @IsIn([...COMMITMENT_STATUSES])
  status?: (typeof COMMITMENT_STATUSES)[number];

  @ApiPropertyOptional({
    enum: COMMITMENT_TYPES,
    description:
      'Only commitments of this type (承诺类型): notify_commit 告知承诺, gap_acceptance 容缺受理型, voluntary_disclosure 主动公开型, industry_self_discipline 行业自律型, approval_substitute 审批替代型, credit_repair 信用修复型',
  })
  @IsOptional()
  @IsIn([...COMMITMENT_TYPES])
  type?: CommitmentType;

  @OptionalText(200, { description: 'Only commitments accepted by this department (承诺受理部门: the record source)' })
  department?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque: the nextCursor of the previous page, passed back unchanged' })
  @IsOptional()
  @IsUUID('all', { message: 'cursor is not a cursor this service issued' })
  cursor?: string;
}

export class CommitmentListOutcomeDto {
  @ApiProperty({ enum: COMMITMENT_KINDS, description: 'Kind of commitment (承诺类型)' }) kind: string;
  @ApiProperty({ enum: COMMITMENT_OUTCOMES, description: 'fulfilled 已履行 / breached 违背承诺' }) outcome: string;
  @ApiProperty({ format: 'date', description: 'Date found (认定日期)' }) date: string;
  @ApiProperty({ description: 'Department that recorded it (认定部门)' }) department: string;
  @ApiProperty({ description: 'What was found (核查情况)' }) reason: string;
  @ApiProperty({ type: String, nullable: true, description: 'Legal basis of a breach (失信认定依据)' })
  legalBasis: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'API key name (caller system)' }) caller: string | null;
}

export class CommitmentListItemDto {
  @ApiProperty({ format: 'uuid', description: 'The commitment record (信用承诺记录)' }) id: string;
  @ApiProperty({ type: SubjectBriefDto }) subject: SubjectBriefDto;
  @ApiProperty({ description: 'Department that accepted the commitment (承诺受理部门)' }) source: string;
  @ApiProperty({ description: 'Document number (文书号)' }) decisionNumber: string;
  @ApiProperty({ description: 'Industry (行业)', example: 'fire_safety' }) industry: string;
  @ApiProperty({ format: 'date', description: 'Date of the commitment (承诺日期)' }) decisionDate: string;
  @ApiProperty({ description: 'Record status (记录状态): active, repaired, revoked' }) status: string;
  @ApiProperty({ enum: COMMITMENT_STATUSES, description: 'pending 待核查, fulfilled 已履行, breached 违背承诺' })
  commitmentStatus: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Date of the outcome (履约状态日期)' })
  commitmentStatusDate: string | null;
  @ApiProperty({ enum: COMMITMENT_TYPES, description: 'Commitment type (承诺类型)' })
  commitmentType: string;
  @ApiProperty({
    type: CommitmentListOutcomeDto,
    nullable: true,
    description:
      'The outcome recorded through POST …/commitment-outcome; null while pending or when it came with the record',
  })
  outcome: CommitmentListOutcomeDto | null;
}

export class CommitmentPageDto {
  @ApiProperty({ type: [CommitmentListItemDto], description: 'Newest commitment first' })
  items: CommitmentListItemDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
