import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OptionalDate, OptionalText } from '../../../common/field-decorators';
import { RECORD_GROUPS, type RecordGroup } from '../../records/record-intake.queries';

export class QualityRangeQuery {
  @OptionalDate({
    description: 'From this decision date (决定日期起), YYYY-MM-DD; default 1 January of the current year',
    example: '2026-10-01',
  })
  from?: string;

  @OptionalDate({
    description: 'To this decision date (决定日期止), inclusive; default today (China Standard Time)',
    example: '2026-10-31',
  })
  to?: string;

  @OptionalText(200, {
    description: 'Only this data-source department (数据来源单位), as written in credit records',
    example: '綦江区市场监督管理局',
  })
  department?: string;

  @ApiPropertyOptional({
    description:
      'N of 及时率 (timeliness): working days after the decision within which a record must be received. Default: QUALITY_TIMELY_WORKING_DAYS (7) — a local parameter, to be confirmed against the 双公示 rules in force',
    minimum: 0,
    maximum: 60,
    example: 7,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60)
  workingDays?: number;

  @ApiPropertyOptional({
    enum: RECORD_GROUPS,
    description:
      'Only one group of record types: shuang_gongshi (双公示: licences 行政许可, penalties 行政处罚) or admin_info (the other administrative information reported to the national platform: 行政强制、行政奖励、行政确认、行政裁决、行政监督检查 — whose 合规率 the district plan asks at 100 %); default both. 上报率 compares with the declared ledgers, which count licences and penalties',
  })
  @IsOptional()
  @IsIn([...RECORD_GROUPS])
  recordGroup?: RecordGroup;
}

export class FailuresQueryDto extends QualityRangeQuery {
  @ApiPropertyOptional({
    enum: ['refused', 'late'],
    description:
      'refused (不合规: refused at import, not accepted since) or late (不及时: received after the working-day limit); default both, refused first',
  })
  @IsOptional()
  @IsIn(['refused', 'late'])
  kind?: 'refused' | 'late';

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50, description: 'Page size' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Items to skip' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class LedgersQuery extends QualityRangeQuery {}

export class DeclareLedgerDto {
  @ApiProperty({
    type: 'integer',
    description:
      'Decisions (licences and penalties) the department made in the month, per its own ledger (应上报数, 台账数)',
    minimum: 0,
    maximum: 10_000_000,
    example: 120,
  })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  declared: number;

  @OptionalText(500, {
    description: 'Remark (备注), e.g. the ledger it was counted from',
    example: '2026年10月行政许可、行政处罚台账',
  })
  note?: string;
}
