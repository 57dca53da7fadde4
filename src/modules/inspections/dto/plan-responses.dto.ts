import { ApiProperty } from '@nestjs/swagger';
import { INDUSTRIES, SUBJECT_KINDS } from '../../../rules/shared';
import { PlanPeriodDto } from './plan-request.dto';

/** OpenAPI shapes of a plan as answered (plan-view.ts) and of a recorded result; documentation only. */

export const DRAW_REASONS = ['lead', 'due', 'ratio'];
const REASON_DESCRIPTION = 'Why drawn (抽取原因): lead 投诉举报线索, due 检查频次到期, ratio 按比例随机抽取';

export class DrawTierSummaryDto {
  @ApiProperty({ description: 'Credit tier (信用等级)' }) tier: string;
  @ApiProperty({ type: 'integer', description: 'Subjects of the tier (主体数)' }) population: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Sampling ratio (抽查比例)' }) samplingRatio: number;
  @ApiProperty({ type: 'integer', description: 'round(samplingRatio × population)' }) target: number;
  @ApiProperty({ type: 'integer', description: 'Drawn for a lead (线索)' }) lead: number;
  @ApiProperty({ type: 'integer', description: 'Drawn as due (到期)' }) due: number;
  @ApiProperty({ type: 'integer', description: 'Drawn at random (随机)' }) ratio: number;
  @ApiProperty({ type: 'integer', description: 'Drawn in all (抽取数)' }) drawn: number;
}

export class PlanInspectorViewDto {
  @ApiProperty({ description: 'Inspector id (执法人员编号)' }) id: string;
  @ApiProperty({ description: 'Name (姓名)' }) name: string;
  @ApiProperty({ description: 'Department (所属部门)' }) department: string;
  @ApiProperty({ type: 'integer', description: 'Items assigned (分配检查数)' }) load: number;
}

export class PlanItemSubjectDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, enum: SUBJECT_KINDS }) kind: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Name (名称); a natural person's shows its first character only (张**)",
  })
  name: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Unified social credit code (统一社会信用代码)' }) code:
    string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Masked resident ID number (脱敏身份证号)',
    example: '110105********002X',
  })
  idMasked: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Administrative division code (行政区划代码)' }) region:
    string | null;
}

export class PlanItemInspectorDto {
  @ApiProperty({ description: 'Inspector id (执法人员编号)' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'Name (姓名)' }) name: string | null;
}

export class PlanItemResultDto {
  @ApiProperty({ enum: ['passed', 'failed'], description: 'Inspection result (检查结果)' }) result: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Inspection date (检查日期)' }) date:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Findings (检查发现)' }) findings: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The inspection credit record filed (信用记录)',
  })
  recordId: string | null;
}

export class PlanItemDto {
  @ApiProperty({ format: 'uuid', description: 'Item id (检查事项ID)' }) id: string;
  @ApiProperty({ type: 'integer', description: 'Position in the plan, from 0' }) position: number;
  @ApiProperty({ type: PlanItemSubjectDto, description: 'The subject drawn (被检查主体)' }) subject: PlanItemSubjectDto;
  @ApiProperty({ description: 'Credit tier (信用等级)' }) tier: string;
  @ApiProperty({ enum: DRAW_REASONS, description: REASON_DESCRIPTION }) reason: string;
  @ApiProperty({ type: [PlanItemInspectorDto], description: 'Two inspectors (执法检查人员)' })
  inspectors: PlanItemInspectorDto[];
  @ApiProperty({ description: 'On-site inspection (现场检查)' }) onSite: boolean;
  @ApiProperty({ description: 'Key items checked in full (重点事项全覆盖)' }) keyItemsFull: boolean;
  @ApiProperty({ type: PlanItemResultDto, nullable: true, description: 'The result (检查结果); null until recorded' })
  result: PlanItemResultDto | null;
}

export class PlanViewDto {
  @ApiProperty({ format: 'uuid', description: 'Plan id (抽查计划ID)' }) id: string;
  @ApiProperty({ description: 'Department making the plan (实施部门)' }) department: string;
  @ApiProperty({ enum: INDUSTRIES, description: 'Industry (行业)' }) industry: string;
  @ApiProperty({ type: String, nullable: true, description: 'Region prefix (行政区划代码前缀); null = all' }) region:
    string | null;
  @ApiProperty({ type: PlanPeriodDto, description: 'Period (检查期间)' }) period: PlanPeriodDto;
  @ApiProperty({ description: 'Seed of the draw (随机种子)' }) seed: string;
  @ApiProperty({ example: 'sha256-mulberry32-fisher-yates-v1' }) algorithm: string;
  @ApiProperty({ description: 'SHA-256 of the published inputs in canonical JSON' }) inputsHash: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Rule-pack versions behind the tiers (规则包版本)',
  })
  packVersions: Record<string, string>;
  @ApiProperty({ type: [DrawTierSummaryDto], description: 'Per tier: population, ratio, drawn (分级抽取情况)' })
  tiers: DrawTierSummaryDto[];
  @ApiProperty({ type: [PlanInspectorViewDto], description: 'The inspector pool with its load (执法检查人员)' })
  inspectors: PlanInspectorViewDto[];
  @ApiProperty({ type: [PlanItemDto], description: 'The subjects drawn (抽查事项)' }) items: PlanItemDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PlanResultAnswerDto {
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ enum: ['passed', 'failed'], description: 'Inspection result (检查结果)' }) result: string;
  @ApiProperty({ format: 'date', description: 'Inspection date (检查日期)' }) date: string;
  @ApiProperty({ type: String, nullable: true, description: 'Findings (检查发现), ID numbers masked' }) findings:
    string | null;
  @ApiProperty({ format: 'uuid', description: 'The inspection credit record filed (信用记录)' }) recordId: string;
}
