import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { INDUSTRIES } from '../../../rules/shared';

/**
 * OpenAPI shapes of an evaluation as src/rules answers it (evaluation.types.ts): a rule's legal basis
 * with its source looked up, a fired rule, the inspection policy of a tier. Shared by the pack, tiering
 * and check answers (documentation only: the services return plain objects of these shapes).
 */

export const LEGAL_SOURCE_STATUSES = ['verified', 'secondary', 'local-parameter'];

/**
 * A fact value: a number, a string, a boolean or null (fact catalogue, GET /api/v1/facts). null is on the
 * number branch: in OpenAPI 3.0 `nullable` needs a `type` beside it, and @nestjs/swagger keeps an
 * `object` type on a property that is nullable as a whole.
 */
export const SCALAR_BRANCHES: SchemaObject[] = [
  { type: 'number', nullable: true },
  { type: 'string' },
  { type: 'boolean' },
];
export const FACT_VALUE_SCHEMA: SchemaObject = { oneOf: SCALAR_BRANCHES };

/** The same, as the options of a property. */
export const FACT_VALUE: ApiPropertyOptions = { oneOf: SCALAR_BRANCHES };

/** Fact name → value, as a tier or an evaluation read them. */
export const FACTS_MAP: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: FACT_VALUE_SCHEMA,
  description: 'Facts used (事实), name → value (number, string, boolean or null); see GET /api/v1/facts',
};

export class ResolvedLegalBasisDto {
  @ApiProperty({ description: 'Legal source id (法律依据编号) in the pack or catalogue', example: 'ndrc-2019-35' })
  source: string;
  @ApiProperty({ description: 'Title of the source' }) title: string;
  @ApiPropertyOptional({ description: 'Title in Chinese (文件名称)' }) titleZh?: string;
  @ApiPropertyOptional({ description: 'Document number (文号), e.g. 国办发〔2020〕49号' }) documentNumber?: string;
  @ApiPropertyOptional({ description: 'Article (条款)' }) article?: string;
  @ApiPropertyOptional({ format: 'uri' }) url?: string;
  @ApiProperty({
    enum: LEGAL_SOURCE_STATUSES,
    description:
      'verified: the text was read (已核对原文); secondary: a summary or local implementation; local-parameter: set by the deploying office',
  })
  status: string;
  @ApiPropertyOptional() note?: string;
}

export class FiredRuleDto {
  @ApiProperty({ description: 'Rule name (规则)' }) rule: string;
  @ApiProperty({
    enum: ['score', 'force-tier', 'set-tier'],
    description:
      'score: adds points (加减分); force-tier: caps the tier (直接定级); set-tier: sets the tier whatever the score (直接判级, force-tier caps still apply)',
  })
  type: string;
  @ApiPropertyOptional({ type: 'integer', description: 'score events: points added, negative = deducted (扣分)' })
  points?: number;
  @ApiPropertyOptional({
    description: 'force-tier events: the best tier the subject may have; set-tier events: the tier whatever the score',
  })
  tier?: string;
  @ApiProperty({ description: 'Reason (原因), English' }) reason: string;
  @ApiProperty({ description: 'Reason (原因), Chinese' }) reasonZh: string;
  @ApiProperty({ type: ResolvedLegalBasisDto, description: 'Legal basis (法律依据)' })
  legalBasis: ResolvedLegalBasisDto;
}

export class ResolvedInspectionPolicyDto {
  @ApiProperty({ description: 'Tier the policy belongs to' }) tier: string;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Share drawn in random inspections (抽查比例), 0..1' })
  samplingRatio: number;
  @ApiProperty({ description: 'Minimum inspections a year (检查频次); 0.5 = once in two years' })
  minInspectionsPerYear: number;
  @ApiProperty({ description: 'On site without a complaint or lead (无事不扰 when false)' }) onSiteWithoutLead: boolean;
  @ApiProperty({ description: 'Key items checked in full (重点事项全覆盖)' }) keyItemsFull: boolean;
  @ApiProperty({ type: ResolvedLegalBasisDto, description: 'Source of the policy (依据)' })
  source: ResolvedLegalBasisDto;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional({ description: 'Note in Chinese (说明)' }) noteZh?: string;
}

/** One pack evaluated for one fact set: it explains itself. */
export class EvaluationDto {
  @ApiProperty({ example: 'tax' }) packId: string;
  @ApiProperty({ example: '1.0.0' }) version: string;
  @ApiProperty({ enum: INDUSTRIES }) industry: string;
  @ApiProperty({ description: 'base + Σ points, clamped to the scoring range (信用分)' }) score: number;
  @ApiProperty({ description: 'The tier the score alone gives, before set-tier and force-tier events' })
  scoreTier: string;
  @ApiProperty({ description: 'Credit tier (信用等级): the worst of scoreTier and every forced tier' }) tier: string;
  @ApiProperty() tierLabel: string;
  @ApiProperty({ description: 'Tier label in Chinese (等级名称)' }) tierLabelZh: string;
  @ApiProperty({ type: [FiredRuleDto], description: 'Rules that fired (触发规则), in evaluation order' })
  fired: FiredRuleDto[];
  @ApiProperty({ type: ResolvedInspectionPolicyDto, description: 'Inspection policy (监管措施) of the tier' })
  inspectionPolicy: ResolvedInspectionPolicyDto;
}
