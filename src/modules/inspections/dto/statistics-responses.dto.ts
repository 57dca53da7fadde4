import { ApiProperty } from '@nestjs/swagger';
import { INDUSTRIES } from '../../../rules/shared';

/** OpenAPI shape of the inspection statistics (inspection-statistics.service.ts); documentation only. */

export class TierStatisticsDto {
  @ApiProperty({ description: 'Credit tier (信用等级)' }) tier: string;
  @ApiProperty({ type: 'integer', description: 'Subjects of the tier (主体数)' }) subjects: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "The sampling ratio the tier's policy promises (承诺抽查比例)",
  })
  samplingRatio: number | null;
  @ApiProperty({
    type: 'integer',
    description: 'Distinct subjects of the tier in any plan of the industry (已列入计划)',
  })
  planned: number;
  @ApiProperty({ type: Number, nullable: true, description: 'planned / subjects, 4 decimals (计划覆盖率)' })
  plannedShare: number | null;
  @ApiProperty({ type: 'integer', description: 'Planned subjects with a result recorded (已检查)' }) inspected: number;
}

export class NeverInspectedDto {
  @ApiProperty({ type: 'integer', description: 'Subjects never inspected (从未检查主体数)' }) count: number;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Their ids, the first 100' }) sample: string[];
}

export class InspectionStatisticsDto {
  @ApiProperty({ enum: INDUSTRIES, description: 'Industry (行业)' }) industry: string;
  @ApiProperty({ type: String, nullable: true, description: 'Region prefix (行政区划代码前缀); null = all' }) region:
    string | null;
  @ApiProperty({ type: [TierStatisticsDto], description: 'Per tier (分级抽查统计)' }) tiers: TierStatisticsDto[];
  @ApiProperty({ type: NeverInspectedDto, description: 'Subjects never inspected (从未检查)' })
  neverInspected: NeverInspectedDto;
}
