import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPERATOR_NAMES } from '../../../rules/shared';
import { EvaluationDto, FACT_VALUE, FACT_VALUE_SCHEMA, FACTS_MAP, SCALAR_BRANCHES } from './evaluation.dto';

/** OpenAPI shapes of the pack authoring answers: versions, drafts, explain and lint (documentation only). */

export class PackVersionDto {
  @ApiProperty({ format: 'uuid', description: 'Version id (版本ID)' }) id: string;
  @ApiProperty({ example: 'tax' }) packId: string;
  @ApiProperty({ type: 'integer', description: 'Sequence of the version in the pack (版本序号)' }) seq: number;
  @ApiProperty({ example: '1.1.0' }) version: string;
  @ApiProperty({ description: 'SHA-256 of the canonical content' }) contentHash: string;
  @ApiProperty({ enum: ['draft', 'published', 'retired'] }) status: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'Person who published it (发布人)' }) publishedBy:
    string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) publishedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was published (发布理由)' }) publishReason:
    string | null;
  @ApiProperty({ description: 'The version in force (生效中)' }) active: boolean;
}

export class PackVersionContentDto extends PackVersionDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The content as published (pack.json format); for `measures`: {catalogue, rules}',
  })
  content: Record<string, unknown>;
}

export class PackVersionListDto {
  @ApiProperty({ type: [PackVersionDto], description: 'Newest first' }) items: PackVersionDto[];
}

export class PackFindingDto {
  @ApiProperty({ description: 'The file (or label) the content was read from', example: 'tax/pack.json (draft r3)' })
  file: string;
  @ApiPropertyOptional({ description: 'Rule the finding is about (规则)' }) rule?: string;
  @ApiPropertyOptional({ description: 'Measure the finding is about (措施编码)' }) measure?: string;
  @ApiProperty({ description: 'JSON pointer into the file', example: '/rules/4/conditions/all/0/operator' })
  path: string;
  @ApiProperty() message: string;
}

export class DraftViewDto {
  @ApiProperty({ example: 'tax' }) packId: string;
  @ApiProperty({
    type: 'integer',
    description: 'Revision (修订号); 0: no draft saved, the content is the active version',
  })
  revision: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The pack JSON (pack.json format); for `measures`: {catalogue, rules}',
  })
  content: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'Last editor (修改人)' }) updatedBy: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) updatedAt: string | null;
  @ApiProperty({ description: 'No finding: the draft can be published' }) valid: boolean;
  @ApiProperty({ type: [PackFindingDto], description: 'Validation findings (校验问题)' }) findings: PackFindingDto[];
}

export class ConditionTraceDto {
  @ApiProperty({ description: "JSON pointer of the leaf in the rule's conditions", example: '/all/1' }) path: string;
  @ApiProperty({ description: 'Fact (事实)' }) fact: string;
  @ApiProperty({ ...FACT_VALUE, description: "The fact's value" }) factValue: unknown;
  @ApiProperty({ enum: OPERATOR_NAMES }) operator: string;
  @ApiProperty({
    description: "The literal value, or the referenced fact's value",
    oneOf: [...SCALAR_BRANCHES, { type: 'array', items: FACT_VALUE_SCHEMA }],
  })
  expected: unknown;
  @ApiPropertyOptional({ description: 'Set when the value is another fact' }) expectedFact?: string;
  @ApiProperty({ description: 'Whether the condition held (是否满足)' }) passed: boolean;
}

export class RuleTraceDto {
  @ApiProperty({ description: 'Rule (规则)' }) rule: string;
  @ApiProperty({ description: 'Whether it fired (是否触发)' }) fired: boolean;
  @ApiProperty({ type: [ConditionTraceDto] }) conditions: ConditionTraceDto[];
}

export class PackExplanationDto {
  @ApiProperty({ example: 'tax' }) packId: string;
  @ApiProperty({ example: '1.0.0' }) version: string;
  @ApiProperty({ description: 'Credit tier (信用等级)' }) tier: string;
  @ApiProperty({ description: 'Score (信用分)' }) score: number;
  @ApiProperty({ ...FACTS_MAP, description: 'Every fact of the catalogue, the given ones and the defaults (事实)' })
  facts: Record<string, unknown>;
  @ApiProperty({ type: EvaluationDto }) evaluation: EvaluationDto;
  @ApiProperty({ type: [RuleTraceDto], description: 'Every rule with every condition (规则解释)' })
  rules: RuleTraceDto[];
}

export class LintFindingDto extends PackFindingDto {
  @ApiProperty({ enum: ['error', 'warning'] }) severity: string;
  @ApiProperty({
    enum: [
      'schema',
      'invalid',
      'never-fires',
      'constant-condition',
      'shadowed',
      'scenario-uncovered',
      'measure-unused',
    ],
  })
  code: string;
}

export class LintReportDto {
  @ApiProperty({ description: 'False when any finding is an error (校验是否通过)' }) valid: boolean;
  @ApiProperty({ type: [LintFindingDto] }) findings: LintFindingDto[];
}
