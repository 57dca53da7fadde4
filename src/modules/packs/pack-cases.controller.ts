import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RequireScopes } from '../auth/scopes.decorator';
import { CasesRunDto, RunCasesDto } from './dto/pack-cases.dto';
import { PackCasesService } from './pack-cases';

@ApiTags('rule pack versions (规则包版本)')
@RequireScopes('packs')
@Controller('api/v1/packs/:id/draft')
export class PackCasesController {
  constructor(private readonly cases: PackCasesService) {}

  @Post('cases')
  @HttpCode(200)
  @ApiParam({ name: 'id', example: 'tax', description: 'Tier pack id' })
  @ApiOperation({
    summary: "Run golden cases (运行黄金用例) against the pack's draft; nothing is stored",
    description:
      'The saved draft (or the active content when none is saved) is evaluated on every case: expected and actual tier, score ' +
      'and fired rules, pass or fail, and the rule coverage. The cases are those sent, or the bundled rule-packs/<id>/cases.json.',
  })
  @ApiOkResponse({ type: CasesRunDto, description: 'Every case with pass or fail (用例结果)' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: the cases do not validate (field and reason), or `measures`',
  })
  @ApiNotFoundResponse({ description: 'PACK_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'PACK_INVALID: the draft does not load' })
  runCases(@Param('id') id: string, @Body() body: RunCasesDto) {
    return this.cases.run(id, body?.cases);
  }
}
