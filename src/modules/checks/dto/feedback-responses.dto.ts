import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shapes of the feedback answers (feedback.service.ts); documentation only. */

export class FeedbackRowDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', description: 'Index of the party in the check (当事人序号)' }) partyIndex: number;
  @ApiProperty({ description: 'Measure code (措施编码)' }) measure: string;
  @ApiProperty({ description: 'Whether the measure was applied (是否采取该措施)' }) applied: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was not applied (未采取的理由)' }) reason:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Outcome (处理结果)' }) outcome: string | null;
  @ApiProperty({ description: 'Operator who decided (经办人)' }) operator: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class FeedbackListDto {
  @ApiProperty({ format: 'uuid', description: 'Check id (核查编号)' }) checkId: string;
  @ApiProperty({ type: [FeedbackRowDto], description: 'Every report on the check, oldest first (反馈记录)' })
  items: FeedbackRowDto[];
}

export class FeedbackRateDto {
  @ApiProperty({ description: 'Calling system (调用方)' }) caller: string;
  @ApiProperty({ description: 'Scenario (应用场景)' }) scenario: string;
  @ApiProperty({ type: 'integer', description: 'Checks answered (核查次数)' }) checks: number;
  @ApiProperty({ type: 'integer', description: 'Checks with at least one measure (有措施的核查)' })
  checksWithMeasures: number;
  @ApiProperty({ type: 'integer', description: 'Checks with feedback (已反馈的核查)' }) checksWithFeedback: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'Feedback rate (反馈率) over the checks with measures, 4 decimals; null when none had a measure',
  })
  feedbackRate: number | null;
}

export class FeedbackRatesDto {
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'From date asked for (起始日期), inclusive',
  })
  from: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'To date asked for (截止日期), inclusive' })
  to: string | null;
  @ApiProperty({ type: [FeedbackRateDto], description: 'Per caller and scenario (反馈率)' }) items: FeedbackRateDto[];
}

export class MeasureFeedbackItemDto {
  @ApiProperty({ description: 'Scenario code (应用场景)', example: 'rental_housing' }) scenario: string;
  @ApiProperty({ description: 'Scenario name (场景名称)', example: '住房租赁（信易租）' }) scenarioZh: string;
  @ApiProperty({ description: 'Measure code (措施编码)', example: 'xinyi-deposit-waiver' }) measure: string;
  @ApiProperty({ description: 'Measure name (措施名称)', example: '免押金' }) measureZh: string;
  @ApiProperty({ enum: ['reward', 'penalty'], description: 'reward 激励 / penalty 惩戒' }) kind: string;
  @ApiProperty({ type: 'integer', description: 'Parties of checks offered the measure (提供次数)' }) offered: number;
  @ApiProperty({ type: 'integer', description: 'Of them, reported applied (反馈已采取), latest report' })
  applied: number;
  @ApiProperty({ type: 'integer', description: 'Of them, reported not applied (反馈未采取), latest report' })
  notApplied: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'applied / offered (落实率), 4 decimals; null when never offered',
  })
  appliedRate: number | null;
}

export class MeasureFeedbackDto {
  @ApiProperty({ enum: ['xinyi_plus'], description: 'Incentive programme (激励项目): xinyi_plus = 信易+' })
  programme: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'From date (起始日期), inclusive' })
  from: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'To date (截止日期), inclusive' })
  to: string | null;
  @ApiProperty({ type: [MeasureFeedbackItemDto], description: 'Per scenario and measure (按场景和措施统计)' })
  items: MeasureFeedbackItemDto[];
}
