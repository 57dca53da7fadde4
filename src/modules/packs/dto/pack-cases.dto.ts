import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

/** OpenAPI shapes of a golden-case run (黄金用例运行) of a pack's draft. */

export class RunCasesDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "Golden cases in cases.schema.json's format ({pack, cases}); left out: the pack's bundled rule-packs/<id>/cases.json",
    example: {
      pack: 'tax',
      cases: [
        {
          name: 'one tax penalty',
          facts: { industryPenaltiesLast12Months: 1 },
          expect: { tier: 'A', score: 95, fired: ['tax-penalty'] },
        },
      ],
    },
  })
  @IsOptional()
  @IsObject()
  cases?: Record<string, unknown>;
}

export class CaseOutcomeDto {
  @ApiProperty({ description: 'Credit tier (信用等级)' }) tier: string;
  @ApiProperty({ description: 'Score (信用分)' }) score: number;
  @ApiProperty({ type: [String], description: 'Rules fired, sorted (触发规则)' }) fired: string[];
}

export class CaseResultDto {
  @ApiProperty({ description: 'Case name (用例名称)' }) name: string;
  @ApiProperty({ description: 'Expected and actual agree (通过)' }) passed: boolean;
  @ApiProperty({
    type: CaseOutcomeDto,
    nullable: true,
    description: 'What the case expects (预期); null: no tier (the subject is outside the industry, 行业外)',
  })
  expected: CaseOutcomeDto | null;
  @ApiProperty({ type: CaseOutcomeDto, nullable: true, description: 'What the draft gives (实际); null: no tier' })
  actual: CaseOutcomeDto | null;
}

export class CaseRuleCoverageDto {
  @ApiProperty({ type: 'integer', description: 'Rules fired by at least one case' }) fired: number;
  @ApiProperty({ type: 'integer', description: 'Rules of the draft' }) total: number;
  @ApiProperty({ type: [String], description: 'Rules no case fires (未覆盖规则)' }) unreached: string[];
}

export class CasesRunDto {
  @ApiProperty({ example: 'tax' }) packId: string;
  @ApiProperty({ type: 'integer', description: 'Draft revision run (0: no draft saved, the active content)' })
  draftRevision: number;
  @ApiProperty({ example: '1.1.0', description: "The draft's version" }) draftVersion: string;
  @ApiProperty({ enum: ['bundled', 'request'], description: 'Where the cases came from' }) source: string;
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer', description: 'Cases passed (通过)' }) passed: number;
  @ApiProperty({ type: 'integer', description: 'Cases failed (未通过)' }) failed: number;
  @ApiProperty({ type: CaseRuleCoverageDto, description: 'Rule coverage (规则覆盖)' }) rules: CaseRuleCoverageDto;
  @ApiProperty({ type: [CaseResultDto], description: 'Every case, in file order' }) cases: CaseResultDto[];
}
