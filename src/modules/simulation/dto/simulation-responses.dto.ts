import { ApiProperty } from '@nestjs/swagger';
import { INDUSTRIES } from '../../../rules/shared';
import { VERDICTS } from '../../../rules/measures';

/** OpenAPI shapes of the simulation reports (simulation.types.ts); documentation only. */

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class TierScoreDto {
  @ApiProperty({ description: 'Credit tier (信用等级)' }) tier: string;
  @ApiProperty({ description: 'Score (信用分)' }) score: number;
}

export class TierChangeDto {
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ description: 'Name (名称)' }) name: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Unified social credit code (统一社会信用代码); null for natural persons',
  })
  code: string | null;
  @ApiProperty({ type: TierScoreDto, description: 'Under the active version (现行)' }) before: TierScoreDto;
  @ApiProperty({ type: TierScoreDto, description: 'Under the draft (草稿)' }) after: TierScoreDto;
  @ApiProperty({ type: [String], description: 'Rules that fire under the draft only (新增触发)' }) rulesAdded: string[];
  @ApiProperty({ type: [String], description: 'Rules that fire under the active version only (不再触发)' })
  rulesRemoved: string[];
}

export class TierDistributionChangeDto {
  @ApiProperty({ ...COUNTS, description: 'Tier → subjects under the active version' }) before: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: 'Tier → subjects under the draft' }) after: Record<string, number>;
}

/** A tier pack's draft against today's subjects (发布前影响模拟). */
/** Membership moves of a tier-pack simulation (分行业). */
export class SimulationMembershipDto {
  @ApiProperty({ type: 'integer', description: 'Subjects that would gain a tier (新纳入)' }) joined: number;
  @ApiProperty({ type: 'integer', description: 'Subjects that would lose their tier (移出)' }) left: number;
}

export class SimulationReportDto {
  @ApiProperty({ example: 'fire_safety' }) packId: string;
  @ApiProperty({ enum: INDUSTRIES, description: 'Industry (行业)' }) industry: string;
  @ApiProperty({ description: 'Active version (现行版本)' }) activeVersion: string;
  @ApiProperty({ description: 'Draft version (草稿版本)' }) draftVersion: string;
  @ApiProperty({ type: 'integer', description: 'Draft revision (草稿修订号)' }) draftRevision: number;
  @ApiProperty({ format: 'date', description: 'Evaluation date (基准日)' }) asOf: string;
  @ApiProperty({ type: 'integer', description: 'Subjects evaluated (评价主体数)' }) subjectsEvaluated: number;
  @ApiProperty({ type: TierDistributionChangeDto, description: 'Tier distribution before and after (等级分布)' })
  distribution: TierDistributionChangeDto;
  @ApiProperty({ type: 'integer', description: 'Subjects whose tier would change (等级变化主体数)' })
  changedCount: number;
  @ApiProperty({
    type: SimulationMembershipDto,
    description: 'Subjects the draft takes into the industry or leaves out of it (行业归属变化: 新纳入 / 移出)',
  })
  membership: SimulationMembershipDto;
  @ApiProperty({ type: [TierChangeDto], description: 'The subjects whose tier would change (the first 1,000)' })
  changed: TierChangeDto[];
  @ApiProperty({ type: [String], description: 'The same as lines a rule author reads (中文 / English)' })
  summary: string[];
}

/** A check whose verdict the measures draft would change (历史核查回放). */
export class ReplayedCheckDto {
  @ApiProperty({ format: 'uuid', description: 'Check id (核查编号)' }) checkId: string;
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
  @ApiProperty({ description: 'Calling system (调用方)' }) caller: string;
  @ApiProperty({ description: 'Scenario (应用场景)' }) scenario: string;
  @ApiProperty({ enum: VERDICTS, description: 'Verdict as answered then (原核查结论)' }) answered: string;
  @ApiProperty({ enum: VERDICTS, description: 'Verdict under the active measures now (现行措施结论)' }) active: string;
  @ApiProperty({ enum: VERDICTS, description: 'Verdict under the draft (草稿结论)' }) draft: string;
}

/** The measures draft replayed against the checks of [from, to). */
export class MeasuresSimulationReportDto {
  @ApiProperty({ enum: ['measures'] }) packId: string;
  @ApiProperty({ description: 'Active version (现行版本)' }) activeVersion: string;
  @ApiProperty({ description: 'Draft version (草稿版本)' }) draftVersion: string;
  @ApiProperty({ type: 'integer', description: 'Draft revision (草稿修订号)' }) draftRevision: number;
  @ApiProperty({ format: 'date', description: 'From (起始日期), inclusive' }) from: string;
  @ApiProperty({ format: 'date', description: 'To (截止日期), exclusive' }) to: string;
  @ApiProperty({ type: 'integer', description: 'Checks replayed (回放核查数)' }) checksReplayed: number;
  @ApiProperty({ description: 'true when the replay stopped at its limit (20,000 checks)' }) truncated: boolean;
  @ApiProperty({ type: 'integer', description: 'Checks whose verdict would change (结论改变数)' }) changedCount: number;
  @ApiProperty({ type: [ReplayedCheckDto], description: 'Those checks (the first 1,000)' }) changed: ReplayedCheckDto[];
  @ApiProperty({ type: [String], description: 'The same as lines a rule author reads (中文 / English)' })
  summary: string[];
}
