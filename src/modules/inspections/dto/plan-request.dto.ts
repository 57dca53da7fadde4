import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsObject,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { INDUSTRIES } from '../../../rules';
import { IsCalendarDate } from '../../../common/field-decorators';

// eslint-disable-next-line no-control-regex -- NUL is exactly what this pattern refuses
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text stored in a plan (varchar, jsonb): PostgreSQL holds neither NUL nor an unpaired surrogate, so a 400 rather than a 500. */
const Storable = () =>
  ValidateBy({
    name: 'storable',
    validator: {
      validate: (v: unknown) => typeof v !== 'string' || !UNSTORABLE.test(v),
      defaultMessage: (a) => `${a?.property ?? 'field'} must not contain NUL characters or unpaired UTF-16 surrogates`,
    },
  });

export class PlanInspectorDto {
  @ApiProperty({ description: 'Inspector id (执法人员编号), unique in the request', example: 'QJ-0012' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Storable()
  id: string;

  @ApiProperty({ description: 'Name (姓名)', example: '张伟' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Storable()
  name: string;

  @ApiProperty({ description: 'Department (所属部门)', example: '綦江区市场监督管理局' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Storable()
  department: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Subjects this inspector must not inspect (回避): subject ids or unified social credit codes',
    example: ['91500110MA5U7L2X8Q'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  conflicts?: string[];
}

export class PlanPeriodDto {
  @ApiProperty({ format: 'date', example: '2026-12-01' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date', example: '2026-12-31' })
  @IsCalendarDate()
  to: string;
}

export class CreatePlanDto {
  @ApiProperty({ description: 'Department making the plan (实施部门)', example: '綦江区市场监督管理局' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Storable()
  department: string;

  @ApiProperty({ enum: INDUSTRIES, description: 'Industry whose tiers drive the draw (行业)', example: 'food_drug' })
  @IsIn(INDUSTRIES)
  industry: string;

  @ApiPropertyOptional({ description: 'Administrative division code prefix (行政区划代码前缀)', example: '500110' })
  @IsOptional()
  @Matches(/^\d{2,6}$/, { message: 'region must be 2 to 6 digits' })
  region?: string;

  @ApiProperty({ type: PlanPeriodDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PlanPeriodDto)
  period: PlanPeriodDto;

  @ApiProperty({
    type: [PlanInspectorDto],
    description: 'The inspector pool (执法检查人员名录库); two are drawn per subject',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => PlanInspectorDto)
  inspectors: PlanInspectorDto[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Subjects with an open complaint or lead (投诉举报线索): always drawn, on site. Subject ids or codes',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  leads?: string[];

  @ApiPropertyOptional({
    description: 'Seed of the draw (随机种子); drawn at random when absent. Published with the plan',
    example: '綦江-2026-12',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Storable()
  seed?: string;
}

export class PlanResultDto {
  @ApiProperty({ enum: ['passed', 'failed'], description: 'passed 未发现问题, failed 发现问题/不合格' })
  @IsIn(['passed', 'failed'])
  result: 'passed' | 'failed';

  @ApiProperty({ format: 'date', description: 'Inspection date (检查日期), not in the future', example: '2026-12-05' })
  @IsCalendarDate()
  date: string;

  @ApiPropertyOptional({ description: 'Findings (检查发现)', example: '冷藏柜温度记录缺失' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @Storable()
  findings?: string;

  @ApiPropertyOptional({
    description: "A natural person's resident ID number, needed to file the credit record; never stored",
  })
  @IsOptional()
  @IsString()
  @MaxLength(18)
  subjectIdNumber?: string;
}

export class ExportQuery {
  @ApiPropertyOptional({
    enum: ['csv', 'json', 'xlsx'],
    default: 'json',
    description:
      'json (with the inputs to re-run the draw), csv (UTF-8 with BOM) or xlsx (Excel, Chinese column titles)',
  })
  @IsOptional()
  @IsIn(['csv', 'json', 'xlsx'])
  format?: 'csv' | 'json' | 'xlsx';
}

export class StatisticsQuery {
  @ApiProperty({ enum: INDUSTRIES, example: 'food_drug' })
  @IsIn(INDUSTRIES)
  industry: string;

  @ApiPropertyOptional({ description: 'Administrative division code prefix', example: '500110' })
  @IsOptional()
  @Matches(/^\d{2,6}$/, { message: 'region must be 2 to 6 digits' })
  region?: string;
}
