import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { RequireScopes } from '../auth/scopes.decorator';
import { SimulationService } from './simulation.service';
import { MEASURES_PACK } from '../packs/pack-content';
import { IsCalendarDate } from '../../common/field-decorators';
import { MeasuresSimulationReportDto, SimulationReportDto } from './dto/simulation-responses.dto';

export class SimulateBody {
  @ApiPropertyOptional({
    description: 'Evaluate as of this date (基准日), YYYY-MM-DD; default today',
    example: '2026-11-28',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({
    description: 'Measures only: replay the checks answered from this date (起始日期, inclusive), YYYY-MM-DD',
    example: '2026-11-01',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    description: 'Measures only: … up to this date (截止日期, exclusive), YYYY-MM-DD',
    example: '2026-12-01',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

@ApiTags('rule packs (规则包)')
@ApiExtraModels(SimulationReportDto, MeasuresSimulationReportDto)
@Controller('api/v1/packs')
export class SimulationController {
  constructor(private readonly simulation: SimulationService) {}

  @Post(':id/simulate')
  @HttpCode(200)
  @RequireScopes('packs')
  @ApiParam({ name: 'id', example: 'fire_safety' })
  @ApiOperation({
    summary:
      "Simulate a draft before publishing (发布前影响模拟): today's subjects under the active version and the draft",
    description:
      'Every subject is evaluated as of `asOf` with the same records under the active version and under the saved draft: the tier ' +
      'distribution before and after, the subjects that change tier (with the rules that start or stop firing), and a readable ' +
      'summary. For the `measures` pack the checks answered in [`from`, `to`) are replayed from the audit trail, each party as of ' +
      "its check's date with the tiers it used, under the active measures and the draft: the checks whose verdict would change. " +
      'An invalid draft is 422 with findings. Nothing is stored.',
  })
  @ApiOkResponse({
    description:
      "The simulation report, with `summary` lines: a tier pack's (SimulationReportDto) or, for `measures`, the replayed checks (MeasuresSimulationReportDto)",
    schema: {
      oneOf: [{ $ref: getSchemaPath(SimulationReportDto) }, { $ref: getSchemaPath(MeasuresSimulationReportDto) }],
    },
  })
  @ApiBadRequestResponse({ description: 'RFC 9457 problem: a date invalid, or from / to missing for `measures`' })
  @ApiNotFoundResponse({ description: 'PACK_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'PACK_INVALID: the draft has findings' })
  simulate(@Param('id') id: string, @Body() body: SimulateBody) {
    return id === MEASURES_PACK
      ? this.simulation.simulateMeasures(body.from, body.to)
      : this.simulation.simulate(id, body.asOf);
  }
}
