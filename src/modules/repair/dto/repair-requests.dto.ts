import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { OptionalText, RequiredText } from '../../../common/field-decorators';

export const APPLICANT_KINDS = ['subject', 'credit_office'] as const;
export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;

export class RepairApplicantDto {
  @ApiProperty({
    enum: APPLICANT_KINDS,
    description:
      'Who applies (申请人类型): the subject itself (信用主体本人) or the credit office on its behalf (信用管理部门代为申请)',
    example: 'subject',
  })
  @IsIn([...APPLICANT_KINDS])
  kind: (typeof APPLICANT_KINDS)[number];

  @RequiredText(200, {
    description: 'Applicant name (申请人名称): the subject, or the credit office and its officer',
    example: '重庆恒通酒店有限公司',
  })
  name: string;
}

export class ApplyRepairDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'The credit record to repair (拟修复的信用记录 ID): a penalty, a dishonesty listing or a breached commitment',
    example: '0b6f3c1e-4d2a-4c1b-9a55-2f1e8b7c6d01',
  })
  @IsUUID('all', { message: 'recordId must be a UUID' })
  recordId: string;

  @ApiProperty({ type: RepairApplicantDto, description: 'Applicant (申请人)' })
  @ValidateNested()
  @Type(() => RepairApplicantDto)
  applicant: RepairApplicantDto;

  @RequiredText(4000, {
    description:
      'The public credit commitment (公开信用承诺书), required to apply (令第36号). Published with the application; ID numbers are masked.',
    example:
      '本单位承诺已履行行政处罚决定规定的义务，所提交材料真实有效；如违背承诺，愿意承担相应法律责任并接受失信惩戒。',
  })
  commitment: string;

  @RequiredText(4000, {
    description: 'Obligations fulfilled and the conduct corrected (履行义务、纠正失信行为的情况)',
    example: '罚款5万元已于2025年4月2日缴清，问题产品已全部召回并销毁，已完成整改并通过复查。',
  })
  reason: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description: 'Evidence (证明材料): payment receipts, rectification reports… each at most 500 characters',
    example: ['罚没款缴款书 No.5001234567', '整改复查意见书 綦市监复〔2025〕12号'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(500, { each: true })
  evidence?: string[];
}

/** Who decides: the recognising department (认定部门) — the record's source ("谁认定、谁修复"). */
export class ApproveRepairDto {
  @RequiredText(200, {
    description:
      'The deciding department (审核部门). Must be the department that recognised the record (its source, 认定部门): "谁认定、谁修复". Recorded in the audit trail with the API key that sent it.',
    example: '綦江区市场监督管理局',
  })
  department: string;

  @OptionalText(2000, {
    description: 'Note on the approval (审核意见)',
    example: '经核查，已履行处罚决定义务，同意信用修复。',
  })
  reason?: string;
}

export class RejectRepairDto {
  @RequiredText(200, {
    description: "The deciding department (审核部门): the recognising department (认定部门), the record's source",
    example: '綦江区市场监督管理局',
  })
  department: string;

  @RequiredText(2000, {
    description: 'Why the application is rejected (不予修复的理由), required',
    example: '罚款尚未缴清，不符合信用修复条件。',
  })
  reason: string;
}

export class ListRepairQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, description: 'Status (申请状态)' })
  @IsOptional()
  @IsIn([...APPLICATION_STATUSES])
  status?: (typeof APPLICATION_STATUSES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'Subject id (主体ID)' })
  @IsOptional()
  @IsUUID('all', { message: 'subjectId must be a UUID' })
  subjectId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Record id (信用记录ID)' })
  @IsOptional()
  @IsUUID('all', { message: 'recordId must be a UUID' })
  recordId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}
