import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/field-decorators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class FeedbackItemDto {
  @ApiProperty({ description: 'Index of the party in the check (当事人序号), from 0', example: 0 })
  @IsInt()
  @Min(0)
  partyIndex: number;

  @ApiProperty({
    description: 'Measure code from the check answer (措施编码)',
    example: 'memo-restrict-government-project-bids',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  measure: string;

  @ApiProperty({ description: 'Whether the measure was applied (是否采取该措施)', example: true })
  @IsBoolean()
  applied: boolean;

  @ApiPropertyOptional({
    description: 'Why it was not applied (未采取的理由); required when applied is false',
    example: '该项目非政府投资项目',
  })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({
    description: 'Outcome (处理结果), e.g. bid rejected, application accepted with gaps',
    example: '取消其投标资格',
  })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(1000)
  outcome?: string;
}

export class FeedbackDto {
  @ApiProperty({ description: 'Operator who decided (经办人)', example: 'qj-zb-0031' })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(100)
  operator: string;

  @ApiProperty({ type: [FeedbackItemDto], minItems: 1, maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => FeedbackItemDto)
  items: FeedbackItemDto[];
}

export class FeedbackRatesQuery {
  @ApiPropertyOptional({
    description: 'From date (起始日期), YYYY-MM-DD in China Standard Time, inclusive',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    description: 'To date (截止日期), YYYY-MM-DD in China Standard Time, inclusive',
    example: '2026-12-31',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export const MEASURE_PROGRAMMES = ['xinyi_plus'] as const;

export class MeasureFeedbackQuery extends FeedbackRatesQuery {
  @ApiPropertyOptional({
    enum: MEASURE_PROGRAMMES,
    default: 'xinyi_plus',
    description: 'Incentive programme (激励项目): xinyi_plus = 信易+ scenarios (district plan task 17)',
  })
  @IsOptional()
  @IsIn(MEASURE_PROGRAMMES)
  programme?: (typeof MEASURE_PROGRAMMES)[number];
}
