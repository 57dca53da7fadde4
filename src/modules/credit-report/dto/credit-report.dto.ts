import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString } from 'class-validator';
import { OptionalDate } from '../../../common/field-decorators';

export class CreditReportQuery {
  @OptionalDate({
    description: 'As of this date (截至日期), YYYY-MM-DD; default today (China Standard Time)',
    example: '2026-11-28',
  })
  asOf?: string;
}

export class CreditReportByCodeQuery extends CreditReportQuery {
  @ApiProperty({
    description:
      'Unified social credit code (统一社会信用代码), GB 32100 check character verified. Natural persons: by subject id only',
    example: '91500110MA8EEY8N48',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  code: string;
}

export class ReportSectionDto {
  @ApiProperty({
    enum: [
      'registration',
      'administrative',
      'honours',
      'serious_dishonesty',
      'abnormal_operation',
      'commitments',
      'evaluations',
      'judicial',
      'other',
      'suggestions',
    ],
  })
  key: string;

  @ApiProperty({ example: '行政管理信息', description: 'Chinese title (信用中国 section)' }) titleZh: string;
  @ApiProperty({ example: 'Administrative management (licences, penalties, inspections)' }) title: string;
  @ApiProperty() count: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'Records (recordId, category + categoryZh, decisionNumber, department, decisionDate, type fields, details), tiers, or suggestions',
  })
  items: unknown[];

  @ApiPropertyOptional({
    description:
      'A remark on the section (说明), e.g. that the per-industry tiers under evaluations are an internal supervision input, not a public rating',
  })
  note?: string;
}

export class CreditReportDto {
  @ApiProperty({ example: '公共信用信息报告' }) titleZh: string;
  @ApiProperty({ example: 'Public credit report' }) title: string;
  @ApiProperty({
    description:
      'The subject; a natural person with the masked ID number (110105********002X) and the first character of the name only',
  })
  subject: Record<string, unknown>;

  @ApiProperty({ format: 'date', description: 'As-of date (截至日期)' }) asOf: string;
  @ApiProperty({ format: 'date-time', description: 'Generated at (生成时间)' }) generatedAt: string;
  @ApiProperty({
    description: 'Rule pack versions used for the credit tiers (规则包版本)',
    example: { 'food-drug': '1.0.0' },
  })
  packVersions: Record<string, string>;
  @ApiProperty({ description: 'What the report covers and leaves out' }) scope: string;
  @ApiProperty({ type: [ReportSectionDto], description: 'The 信用中国 sections, in order' })
  sections: ReportSectionDto[];
}
