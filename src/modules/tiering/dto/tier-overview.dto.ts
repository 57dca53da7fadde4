import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { INDUSTRIES } from '../../../rules/shared';
import { SubjectBriefDto } from '../../subjects/dto/subject-brief.dto';
import { DATE_PATTERN } from './tiering.dto';

export const GRANULARITIES = ['day', 'week', 'month'] as const;

export class TierTrendQuery {
  @ApiPropertyOptional({ enum: INDUSTRIES, description: 'Only this industry (行业); default every industry' })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: string;

  @ApiPropertyOptional({
    description:
      'First day (起始日期), YYYY-MM-DD; default by granularity: twelve months (month), twelve weeks (week) or thirty days (day) up to `to`',
    example: '2026-01-01',
  })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    description: 'Last day (截止日期), YYYY-MM-DD; default today (China Standard Time)',
    example: '2026-11-28',
  })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({
    enum: GRANULARITIES,
    default: 'month',
    description: 'Period (统计周期): day 日, week 周 (from Monday), month 月; at most 400 periods',
  })
  @IsOptional()
  @IsIn([...GRANULARITIES])
  granularity?: (typeof GRANULARITIES)[number];

  @ApiPropertyOptional({ description: 'Administrative division code prefix (行政区划代码前缀)', example: '500110' })
  @IsOptional()
  @Matches(/^\d{2,6}$/, { message: 'region must be 2 to 6 digits' })
  region?: string;
}

export class TierChangesQuery {
  @ApiPropertyOptional({ enum: INDUSTRIES, description: 'Only this industry (行业)' })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: string;

  @ApiPropertyOptional({ description: 'Administrative division code prefix (行政区划代码前缀)', example: '500110' })
  @IsOptional()
  @Matches(/^\d{2,6}$/, { message: 'region must be 2 to 6 digits' })
  region?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class TierTrendPointDto {
  @ApiProperty({ format: 'date', description: 'First day of the period (周期起始日)', example: '2026-11-01' })
  period: string;
  @ApiProperty({ enum: INDUSTRIES, description: 'Industry (行业)' }) industry: string;
  @ApiProperty({ description: 'Credit tier (信用等级)', example: 'B' }) tier: string;
  @ApiProperty({ type: 'integer', description: 'Subjects holding the tier at the end of the period (期末主体数)' })
  subjects: number;
}

export class TierTrendDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ enum: GRANULARITIES }) granularity: string;
  @ApiProperty({ type: String, nullable: true, enum: INDUSTRIES }) industry: string | null;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: [String], format: 'date', description: 'Every period in order (周期), counted or not' })
  periods: string[];
  @ApiProperty({
    type: [TierTrendPointDto],
    description: 'Per period, industry and tier; a tier nobody held in a period is absent (0)',
  })
  items: TierTrendPointDto[];
}

export class TierMoveDto {
  @ApiProperty({ description: 'History row id (a bigint, as digits)', example: '1042' }) id: string;
  @ApiProperty({ type: SubjectBriefDto }) subject: SubjectBriefDto;
  @ApiProperty({ enum: INDUSTRIES }) industry: string;
  @ApiProperty({ type: String, nullable: true, description: 'Tier before (变更前等级); null for the first' })
  previousTier: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Tier after (变更后等级); null when removed' })
  tier: string | null;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({
    description: 'What caused it (触发原因): records:<reason>, batch, daily, first-read, pack:<kind>:<pack>, demo-load',
    example: 'record-change',
  })
  trigger: string;
  @ApiProperty({ format: 'date', description: 'Evaluation date (评价基准日)' }) asOf: string;
  @ApiProperty({ format: 'date-time' }) computedAt: string;
}

export class TierMovesDto {
  @ApiProperty({ type: [TierMoveDto], description: 'Newest first' }) items: TierMoveDto[];
}
