import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { INDUSTRIES } from '../../../rules';
import { DrawTierSummaryDto } from './plan-responses.dto';
import { PlanPeriodDto } from './plan-request.dto';

export const PLAN_LIST_LIMIT_DEFAULT = 20;
export const PLAN_LIST_LIMIT_MAX = 100;

export class PlanListQuery {
  @ApiPropertyOptional({ enum: INDUSTRIES, description: 'Only plans of this industry (行业)' })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: string;

  @ApiPropertyOptional({
    description: 'Page size',
    minimum: 1,
    maximum: PLAN_LIST_LIMIT_MAX,
    default: PLAN_LIST_LIMIT_DEFAULT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PLAN_LIST_LIMIT_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque: the nextCursor of the previous page, passed back unchanged' })
  @IsOptional()
  @IsUUID('all', { message: 'cursor is not a cursor this service issued' })
  cursor?: string;
}

export class PlanSummaryDto {
  @ApiProperty({ format: 'uuid', description: 'Plan id (抽查计划ID)' }) id: string;
  @ApiProperty({ description: 'Department making the plan (实施部门)' }) department: string;
  @ApiProperty({ enum: INDUSTRIES, description: 'Industry (行业)' }) industry: string;
  @ApiProperty({ type: String, nullable: true, description: 'Region prefix (行政区划代码前缀); null = all' }) region:
    string | null;
  @ApiProperty({ type: PlanPeriodDto, description: 'Period (检查期间)' }) period: PlanPeriodDto;
  @ApiProperty({ description: 'Seed of the draw (随机种子)' }) seed: string;
  @ApiProperty({ type: [DrawTierSummaryDto], description: 'Per tier: population, ratio, drawn (分级抽取情况)' })
  tiers: DrawTierSummaryDto[];
  @ApiProperty({ type: 'integer', description: 'Subjects drawn (抽查主体数)' }) items: number;
  @ApiProperty({ type: 'integer', description: 'Results recorded so far (已录入结果数)' }) results: number;
  @ApiProperty({ type: String, nullable: true, description: 'The API key that drew it (调用方)' }) caller:
    string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PlanPageDto {
  @ApiProperty({ type: [PlanSummaryDto], description: 'Plans, newest first (抽查计划列表)' }) items: PlanSummaryDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
