import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { ValidationFailed, type FieldError } from '../../common/problem';
import { explainPack, factValueProblem, FACTS_BY_NAME, withDefaults, type FactValue } from '../../rules';
import { lintPack } from '../../rules/lint';
import { RequireScopes } from '../auth/scopes.decorator';
import { PacksService } from './packs.service';
import { LintReportDto, PackExplanationDto } from './dto/pack-authoring-responses.dto';

export class EvaluatePackDto {
  @ApiProperty({
    description: 'Facts of the fact catalogue (GET /api/v1/facts); facts left out take their default',
    example: { penaltiesLast12Months: 2, taxCreditLevel: 'B' },
  })
  @IsObject()
  facts: Record<string, FactValue>;
}

/** Problems of a partial fact set against the fact catalogue, one per offending fact. */
function factErrors(facts: Readonly<Record<string, unknown>>): FieldError[] {
  const out: FieldError[] = [];
  for (const [name, v] of Object.entries(facts)) {
    const def = FACTS_BY_NAME.get(name);
    const reason = def ? factValueProblem(def, v) : 'unknown fact (not in the fact catalogue)';
    if (reason) out.push({ field: `facts.${name}`, reason });
  }
  return out;
}

/** Part of the answer for {"facts": {"industryPenaltiesLast12Months": 1}} on the bundled tax pack (`facts` and `evaluation` left out). */
const TRACE_EXAMPLE = {
  packId: 'tax',
  version: '1.0.0',
  tier: 'A',
  score: 95,
  rules: [
    {
      rule: 'tax-penalty',
      fired: true,
      conditions: [
        {
          path: '/all/0',
          fact: 'industryPenaltiesLast12Months',
          factValue: 1,
          operator: 'greaterThanInclusive',
          expected: 1,
          passed: true,
        },
      ],
    },
  ],
};

@ApiTags('rule packs (规则包)')
@RequireScopes('packs')
@ApiExtraModels(LintReportDto, PackExplanationDto)
@Controller('api/v1/packs')
export class PacksLintController {
  constructor(private readonly packs: PacksService) {}

  @Post(':id/evaluate')
  @HttpCode(200)
  @ApiParam({ name: 'id', example: 'tax' })
  @ApiOperation({
    summary:
      'Explain an evaluation (规则解释): every condition of every rule with the fact value, operator, expected value and whether it passed',
  })
  @ApiOkResponse({
    description: 'The evaluation and the trace of every condition',
    content: { 'application/json': { schema: { $ref: getSchemaPath(PackExplanationDto) }, example: TRACE_EXAMPLE } },
  })
  @ApiNotFoundResponse({ description: 'PACK_NOT_FOUND' })
  evaluate(@Param('id') id: string, @Body() body: EvaluatePackDto) {
    const { compiled } = this.packs.get(id);
    const errors = factErrors(body.facts);
    if (errors.length > 0) throw new ValidationFailed(errors);
    const facts = withDefaults(body.facts);
    const { evaluation, rules } = explainPack(compiled, facts);
    return {
      packId: evaluation.packId,
      version: evaluation.version,
      tier: evaluation.tier,
      score: evaluation.score,
      facts,
      evaluation,
      rules,
    };
  }

  @Post('validate')
  @HttpCode(200)
  @ApiBody({ description: 'A pack JSON (pack.schema.json)', schema: { type: 'object' } })
  @ApiOperation({
    summary: 'Lint a pack (规则包校验) without storing it',
    description:
      'Always 200: `valid` is false when any finding is an error; warnings alone leave it valid. Findings: {severity, file, rule?, path, code, message}.',
  })
  @ApiOkResponse({
    description: 'The findings (校验结果)',
    content: {
      'application/json': {
        schema: { $ref: getSchemaPath(LintReportDto) },
        example: {
          valid: false,
          findings: [
            {
              severity: 'error',
              file: 'pack.json',
              rule: 'r1',
              path: '/rules/0/conditions/all/1',
              code: 'never-fires',
              message: 'the rule can never fire: …',
            },
          ],
        },
      },
    },
  })
  validate(@Body() body: unknown) {
    const findings = lintPack(body, 'pack.json');
    return { valid: !findings.some((f) => f.severity === 'error'), findings };
  }
}
