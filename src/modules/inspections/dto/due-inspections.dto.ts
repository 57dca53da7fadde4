import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { INDUSTRIES } from '../../../rules';
import { OptionalText } from '../../../common/field-decorators';
import { SubjectBriefDto } from '../../subjects/dto/subject-brief.dto';
import { PlanPeriodDto } from './plan-request.dto';

export class DueInspectionsQuery {
  @ApiPropertyOptional({ enum: INDUSTRIES, description: 'Only plans of this industry (行业)' })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: string;

  @OptionalText(200, { description: 'Only plans of this department (实施部门)' })
  department?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class DueInspectorDto {
  @ApiProperty({ description: 'Inspector id (执法人员编号)' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'Name (姓名)' }) name: string | null;
}

export class DueInspectionDto {
  @ApiProperty({ format: 'uuid', description: 'Plan item (抽查对象) id: POST …/items/{itemId}/result records it' })
  itemId: string;
  @ApiProperty({ format: 'uuid', description: 'Plan (抽查计划) id' }) planId: string;
  @ApiProperty({ description: 'Department making the plan (实施部门)' }) department: string;
  @ApiProperty({ enum: INDUSTRIES }) industry: string;
  @ApiProperty({ type: PlanPeriodDto, description: 'Period of the plan (检查期间)' }) period: PlanPeriodDto;
  @ApiProperty({ type: SubjectBriefDto }) subject: SubjectBriefDto;
  @ApiProperty({ description: 'Tier when drawn (抽取时信用等级)' }) tier: string;
  @ApiProperty({ description: 'Why drawn: lead 投诉举报线索, due 检查频次到期, ratio 按比例随机' }) reason: string;
  @ApiProperty({ description: 'On-site inspection (现场检查)' }) onSite: boolean;
  @ApiProperty({ type: [DueInspectorDto] }) inspectors: DueInspectorDto[];
  @ApiProperty({ description: "The plan's period ended before today with no result (逾期未录入)" }) overdue: boolean;
}

export class DueInspectionsDto {
  @ApiProperty({ format: 'date', description: 'Today (China Standard Time), what overdue is measured against' })
  today: string;
  @ApiProperty({ type: 'integer', description: 'Items with no result, for the filter (待检查总数)' }) total: number;
  @ApiProperty({ type: 'integer', description: 'Of them, past their plan period (逾期)' }) overdue: number;
  @ApiProperty({ type: [DueInspectionDto], description: 'Period ending soonest first' }) items: DueInspectionDto[];
}
