import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPERATOR_NAMES } from '../../../rules/shared';
import { FACT_VALUE_SCHEMA, SCALAR_BRANCHES } from './evaluation.dto';

/** OpenAPI shapes of a rule as a loaded pack holds it (pack.schema.json, parameters resolved into numbers). */

export class LegalBasisRefDto {
  @ApiProperty({ description: 'Id of a legal source of the pack (legalSources[].id)' }) source: string;
  @ApiPropertyOptional({ description: 'Article (条款)' }) article?: string;
  @ApiPropertyOptional() note?: string;
}

/**
 * A condition: exactly one of `all`, `any`, `not` (nested conditions), or a comparison (`fact`,
 * `operator`, `value`). A top-level condition is `all`, `any` or `not`.
 */
export class PackConditionDto {
  @ApiPropertyOptional({ type: () => [PackConditionDto], description: 'Every condition holds (并且)' })
  all?: PackConditionDto[];
  @ApiPropertyOptional({ type: () => [PackConditionDto], description: 'At least one condition holds (或者)' })
  any?: PackConditionDto[];
  @ApiPropertyOptional({ type: () => PackConditionDto, description: 'The condition does not hold (非)' })
  not?: PackConditionDto;
  @ApiPropertyOptional({ description: 'Fact compared (事实), from GET /api/v1/facts' }) fact?: string;
  @ApiPropertyOptional({ enum: OPERATOR_NAMES }) operator?: string;
  @ApiPropertyOptional({
    description:
      'Value compared with: a number, string, boolean or null, a list of them, or {"fact": name} for another fact',
    oneOf: [
      ...SCALAR_BRANCHES,
      { type: 'array', items: FACT_VALUE_SCHEMA },
      { type: 'object', required: ['fact'], properties: { fact: { type: 'string' } } },
    ],
  })
  value?: unknown;
}

export class RuleEventParamsDto {
  @ApiPropertyOptional({ type: 'integer', description: 'score events: points added, negative = deducted (加减分)' })
  points?: number;
  @ApiPropertyOptional({
    description:
      'force-tier events: the best tier the subject may have (封顶); set-tier events: the tier whatever the score (直接判级)',
  })
  tier?: string;
  @ApiProperty({ description: 'Reason (原因), English' }) reason: string;
  @ApiProperty({ description: 'Reason (原因), Chinese' }) reasonZh: string;
  @ApiProperty({ type: LegalBasisRefDto, description: 'Legal basis (法律依据)' }) legalBasis: LegalBasisRefDto;
}

export class RuleEventDto {
  @ApiProperty({ enum: ['score', 'force-tier', 'set-tier'] }) type: string;
  @ApiProperty({ type: RuleEventParamsDto }) params: RuleEventParamsDto;
}

export class PackRuleDto {
  @ApiProperty({ description: 'Rule name (规则)', example: 'tax-level-d' }) name: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Higher first' }) priority?: number;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: PackConditionDto, description: 'Conditions (条件): all, any or not at the top' })
  conditions: PackConditionDto;
  @ApiProperty({ type: RuleEventDto, description: 'What the rule does when it fires (结果)' }) event: RuleEventDto;
}
