import { FACT_SCOPES } from '../../../rules';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { INDUSTRIES, SUBJECT_KINDS } from '../../../rules/shared';
import { FACT_VALUE, LEGAL_SOURCE_STATUSES } from './evaluation.dto';
import { PackRuleDto } from './pack-rule.dto';

/** OpenAPI shapes of the active packs (packs.view.ts) and the fact catalogue (documentation only). */

export class LegalSourceDto {
  @ApiProperty({ description: 'Id the rules cite (法律依据编号)', example: 'sat-2014-40' }) id: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ description: 'Title in Chinese (文件名称)' }) titleZh?: string;
  @ApiPropertyOptional({ description: 'Document number (文号)' }) documentNumber?: string;
  @ApiPropertyOptional({ description: 'Article (条款)' }) article?: string;
  @ApiPropertyOptional({ format: 'uri' }) url?: string;
  @ApiProperty({
    enum: LEGAL_SOURCE_STATUSES,
    description: 'verified (已核对原文), secondary or local-parameter (本地参数)',
  })
  status: string;
  @ApiPropertyOptional() note?: string;
}

export class ScoringDto {
  @ApiProperty({ description: 'Starting score (基础分)' }) base: number;
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
}

export class TierDefinitionDto {
  @ApiProperty({ example: 'A' }) tier: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Tier label in Chinese (等级名称)' }) labelZh: string;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Inclusive; null = unbounded below; absent on forced-only tiers',
  })
  minScore?: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Exclusive; null = unbounded above; absent on forced-only tiers',
  })
  maxScore?: number | null;
  @ApiPropertyOptional({
    description: 'Only a force-tier or set-tier event puts a subject in this tier (e.g. tax level M)',
  })
  forcedOnly?: boolean;
}

/** A tier's inspection policy as the pack states it (parameters resolved into numbers). */
export class PackInspectionPolicyDto {
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Share drawn in random inspections (抽查比例)' })
  samplingRatio: number;
  @ApiProperty({ description: 'Minimum inspections a year (检查频次)' }) minInspectionsPerYear: number;
  @ApiProperty({ description: 'On site without a complaint or lead (无事不扰 when false)' }) onSiteWithoutLead: boolean;
  @ApiPropertyOptional({ description: 'Key items checked in full (重点事项全覆盖)' }) keyItemsFull?: boolean;
  @ApiProperty({ description: 'Legal source id (依据)' }) source: string;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional({ description: 'Note in Chinese (说明)' }) noteZh?: string;
}

export class PackParameterDto {
  @ApiProperty() value: number;
  @ApiPropertyOptional() unit?: string;
  @ApiProperty({ description: 'Legal source id (依据)' }) source: string;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional({ description: 'Note in Chinese (说明)' }) noteZh?: string;
}

export class PackSummaryDto {
  @ApiProperty({ example: 'tax' }) id: string;
  @ApiProperty({ enum: INDUSTRIES, description: 'Industry (行业)' }) industry: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Name in Chinese (规则包名称)' }) nameZh: string;
  @ApiProperty({ example: '1.0.0' }) version: string;
  @ApiProperty({ format: 'date', description: 'Effective date (生效日期)' }) effectiveDate: string;
  @ApiProperty({ description: 'SHA-256 of the canonical content' }) contentHash: string;
  @ApiProperty({ format: 'uuid', description: 'The active version (生效版本)' }) versionId: string;
  @ApiProperty({ type: 'integer', description: 'Sequence of the active version' }) versionSeq: number;
  @ApiProperty({ enum: SUBJECT_KINDS, isArray: true, description: 'Subject kinds the pack rates (适用主体)' })
  appliesTo: string[];
  @ApiProperty({ type: [LegalSourceDto], description: 'Legal sources (法律依据)' }) legalSources: LegalSourceDto[];
  @ApiProperty({ type: ScoringDto }) scoring: ScoringDto;
  @ApiProperty({ type: [TierDefinitionDto], description: 'Tiers, best to worst (信用等级)' })
  tiers: TierDefinitionDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(PackInspectionPolicyDto) },
    description: 'Tier → inspection policy (分级监管措施)',
  })
  inspectionPolicy: Record<string, PackInspectionPolicyDto>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(PackParameterDto) },
    description: 'Named local numbers (本地参数), each with its source',
  })
  parameters: Record<string, PackParameterDto>;
  @ApiProperty({ type: 'integer' }) ruleCount: number;
}

export class PackListDto {
  @ApiProperty({ type: [PackSummaryDto] }) items: PackSummaryDto[];
}

export class PackDetailDto extends PackSummaryDto {
  @ApiProperty({ type: [PackRuleDto], description: 'Rules (规则), each with reason and legal basis' })
  rules: PackRuleDto[];
}

export class FactDefinitionDto {
  @ApiProperty({ example: 'penaltiesLast12Months' }) name: string;
  @ApiProperty({ enum: ['number', 'boolean', 'string'] }) type: string;
  @ApiProperty({ description: 'null is a value of the fact (e.g. a tax level never assessed)' }) nullable: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Allowed values of a string fact' }) values?: string[];
  @ApiProperty({ ...FACT_VALUE, description: 'Value when a golden case or an explain call omits the fact' }) default:
    number | boolean | string | null;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'Description in Chinese (中文说明)' }) descriptionZh: string;
  @ApiProperty({ description: 'Records it is derived from (数据来源)' }) derivedFrom: string;
  @ApiProperty({
    enum: FACT_SCOPES,
    description:
      "Whose records it reads (分行业): subject — the registration (主体登记); industry — the pack's own industry (本行业, a tier pack's default); cross-industry — every industry, lists, the tax level (跨行业, declared in a pack's crossIndustryFacts); transaction — the check request (核查请求); tier — the party's tiers (分级结果)",
  })
  scope: string;
}

export class FactCatalogueDto {
  @ApiProperty({ type: [FactDefinitionDto], description: 'The fact catalogue (事实目录)' }) items: FactDefinitionDto[];
}
