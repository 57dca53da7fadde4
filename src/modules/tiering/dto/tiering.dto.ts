import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { INDUSTRIES } from '../../../rules';

export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class AsOfQuery {
  @ApiPropertyOptional({
    description: 'Evaluate as of this date (评价基准日), YYYY-MM-DD; computed live, not stored',
    example: '2026-06-30',
  })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;
}

export class HistoryQuery {
  @ApiPropertyOptional({ enum: INDUSTRIES, description: 'Only this industry (行业)' })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class TieringRunBody {
  @ApiPropertyOptional({
    description: 'Must be today if given (stored tiers are current: 当前等级); default today (China Standard Time)',
    example: '2026-11-28',
  })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;
}

export class DistributionQuery {
  @ApiPropertyOptional({
    description: 'Administrative division code prefix (行政区划代码前缀), e.g. 5001 or 500110',
    example: '500110',
  })
  @IsOptional()
  @Matches(/^\d{2,6}$/, { message: 'region must be 2 to 6 digits' })
  region?: string;
}
