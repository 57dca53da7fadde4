import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INDUSTRIES } from '../../../rules/shared';
import { MembershipBasisDto } from './industry-membership.dto';
import { FACTS_MAP, FiredRuleDto, ResolvedInspectionPolicyDto } from '../../packs/dto/evaluation.dto';
import { SubjectResponse } from '../../subjects/dto/subject.response';

/** OpenAPI shapes of the tiering answers (tier.view.ts, tier.store.ts, tiering.service.ts); documentation only. */

export class TierPackRefDto {
  @ApiProperty({ example: 'tax' }) id: string;
  @ApiProperty({ example: '1.0.0' }) version: string;
  @ApiProperty({ description: 'SHA-256 of the pack content evaluated' }) contentHash: string;
}

export class TierViewDto {
  @ApiProperty({ enum: INDUSTRIES, description: 'Industry (行业)' }) industry: string;
  @ApiProperty({ description: 'Credit tier (信用等级)', example: 'B' }) tier: string;
  @ApiPropertyOptional({ description: 'Absent when the pack that gave a stored tier is no longer active' })
  tierLabel?: string;
  @ApiPropertyOptional({ description: 'Tier label in Chinese (等级名称)' }) tierLabelZh?: string;
  @ApiProperty({ description: 'Score (信用分)' }) score: number;
  @ApiProperty({ type: TierPackRefDto, description: 'Rule pack version (规则包版本)' }) pack: TierPackRefDto;
  @ApiProperty({
    type: [FiredRuleDto],
    description: 'Rules that fired (触发规则) with reason and legal basis (法律依据)',
  })
  fired: FiredRuleDto[];
  @ApiProperty({
    type: ResolvedInspectionPolicyDto,
    description: 'Inspection policy that follows (监管措施: 抽查比例、检查频次)',
  })
  inspectionPolicy: ResolvedInspectionPolicyDto;
  @ApiProperty(FACTS_MAP) facts: Record<string, unknown>;
  @ApiProperty({
    type: [MembershipBasisDto],
    description: 'Why the subject is in the industry (行业归属依据): records, GB/T 4754 code, department decision',
  })
  membership: MembershipBasisDto[];
  @ApiProperty({ format: 'date', description: 'Evaluation date (评价基准日)' }) asOf: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When the stored tier was computed; null when computed live for asOf',
  })
  computedAt: string | null;
}

export class SubjectTiersDto {
  @ApiProperty({ type: SubjectResponse, description: 'The subject (信用主体)' }) subject: SubjectResponse;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'The asOf asked for; null for the stored, current tiers',
  })
  asOf: string | null;
  @ApiProperty({ description: 'true: the stored current tiers (当前等级); false: computed live for asOf' })
  stored: boolean;
  @ApiProperty({ type: [TierViewDto], description: 'One tier per industry whose pack applies to the subject' })
  tiers: TierViewDto[];
}

export class TierHistoryEntryDto {
  @ApiProperty({ description: 'History row id (a bigint, as digits)', example: '1042' }) id: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ enum: INDUSTRIES }) industry: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "Credit tier (信用等级); null when the tier was removed (移除: the pack no longer applies to the subject's kind)",
  })
  tier: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Tier before the change (变更前等级); null for the first' })
  previousTier: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Score (信用分); null when the tier was removed' }) score:
    number | null;
  @ApiProperty() packId: string;
  @ApiProperty() packVersion: string;
  @ApiProperty() packHash: string;
  @ApiProperty({ type: [FiredRuleDto], description: 'Rules that fired (触发规则)' }) fired: FiredRuleDto[];
  @ApiProperty(FACTS_MAP) facts: Record<string, unknown>;
  @ApiProperty({ format: 'date', description: 'Evaluation date (评价基准日)' }) asOf: string;
  @ApiProperty({ format: 'date-time' }) computedAt: string;
  @ApiProperty({
    description: 'What caused the change (变更原因): records:<reason>, batch, first-read…',
    example: 'records:ingest',
  })
  trigger: string;
}

export class TierHistoryDto {
  @ApiProperty({ type: [TierHistoryEntryDto], description: 'Every change, newest first (信用等级变更记录)' })
  items: TierHistoryEntryDto[];
}

export class TieringRunSummaryDto {
  @ApiProperty({ format: 'date', description: 'Evaluation date: today (评价基准日)' }) asOf: string;
  @ApiProperty({ type: 'integer', description: 'Subjects evaluated (主体数)' }) subjects: number;
  @ApiProperty({ type: 'integer', description: 'Subject × industry evaluations' }) evaluations: number;
  @ApiProperty({
    type: 'integer',
    description:
      'Tiers that changed (tier, score, fired rules or pack version), stored with a history row each (变更数)',
  })
  changed: number;
  @ApiProperty({
    type: 'integer',
    description: 'Stored tiers whose facts alone were brought up to date, without a history row (事实更新数)',
  })
  refreshed: number;
  @ApiProperty({ type: 'integer' }) durationMs: number;
}

export class TierCountDto {
  @ApiProperty({ enum: INDUSTRIES, description: 'Industry (行业)' }) industry: string;
  @ApiProperty({ description: 'Credit tier (信用等级)' }) tier: string;
  @ApiProperty({ type: 'integer', description: 'Subjects in the tier (主体数)' }) subjects: number;
}

export class TierDistributionDto {
  @ApiProperty({ type: String, nullable: true, description: 'Region prefix asked for (行政区划代码前缀); null = all' })
  region: string | null;
  @ApiProperty({ type: [TierCountDto], description: 'Per industry and tier (分行业信用等级分布)' })
  items: TierCountDto[];
}
