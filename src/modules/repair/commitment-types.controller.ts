import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { BREACH_CONSEQUENCES, COMMITMENT_TYPES, COMMITMENT_TYPE_NAMES, breachBasis } from '../../rules/facts';
import { RequireScopes } from '../auth/scopes.decorator';
import { kindOf } from './commitment-consequences';

class CommitmentTypeConsequenceDto {
  @ApiProperty({ description: 'Consequence code', example: 'approval_revoked' }) code: string;
  @ApiProperty({ description: 'What it means (后果)' }) zh: string;
  @ApiProperty({ description: 'Its basis (依据), or the local parameter it rests on' }) basis: string;
  @ApiProperty({ enum: ['verified', 'secondary', 'local_parameter'], description: 'Status of the basis' })
  basisStatus: string;
  @ApiProperty({ type: String, nullable: true, description: 'The named local parameter (本地参数)' })
  parameter: string | null;
}

class CommitmentTypeDto {
  @ApiProperty({ enum: COMMITMENT_TYPES, description: 'Commitment type (承诺类型)' }) type: string;
  @ApiProperty({ description: 'Chinese name', example: '容缺受理型信用承诺' }) nameZh: string;
  @ApiProperty({ description: 'Filing kind (承诺方式) an outcome takes by default', example: 'notify_and_commit' })
  defaultKind: string;
  @ApiProperty({ description: 'Legal basis kept with a breach (失信认定依据)' }) breachBasis: string;
  @ApiProperty({ type: [CommitmentTypeConsequenceDto], description: 'What a breach leads to (违诺后果)' })
  breachConsequences: CommitmentTypeConsequenceDto[];
}

@ApiTags('credit commitments (信用承诺)')
@RequireScopes('records', 'repair')
@Controller('api/v1/commitment-types')
export class CommitmentTypesController {
  @Get()
  @ApiOperation({
    summary: 'Commitment types (信用承诺类型) and what a breach of each leads to, with the basis',
    description:
      'District plan task 9: 告知承诺 beside 容缺受理型、主动公开型、行业自律型、审批替代型、信用修复型. Each consequence names its basis and its status (verified / secondary / local_parameter); a rule without a national text is a named local parameter.',
  })
  @ApiOkResponse({ type: [CommitmentTypeDto] })
  list(): CommitmentTypeDto[] {
    return COMMITMENT_TYPES.map((t) => ({
      type: t,
      nameZh: COMMITMENT_TYPE_NAMES[t],
      defaultKind: kindOf(t),
      breachBasis: breachBasis(t),
      breachConsequences: BREACH_CONSEQUENCES[t].map((c) => ({
        code: c.code,
        zh: c.zh,
        basis: c.basis,
        basisStatus: c.basisStatus,
        parameter: c.parameter ?? null,
      })),
    }));
  }
}
