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
