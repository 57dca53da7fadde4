import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../common/clock';
import { FIELD_PROBLEM_DESCRIPTION } from '../../common/problem';
import { RequireScopes } from '../auth/scopes.decorator';
import { TierMovesDto, TierChangesQuery, TierTrendDto, TierTrendQuery } from './dto/tier-overview.dto';
import { TierOverviewService } from './tier-overview.service';

/** The supervisor's overview (监管总览) over tier history: tiers over time and the latest changes. */
@ApiTags('tiering (信用分级)')
@RequireScopes('tiers')
@Controller('api/v1/tiering')
export class TierOverviewController {
  constructor(
    private readonly overview: TierOverviewService,
    private readonly clock: Clock,
  ) {}

  @Get('trend')
  @ApiOperation({
    summary: 'Tiers over time (信用等级变化趋势): subjects per industry and tier at the end of each day, week or month',
    description:
      'Counted from tier history (信用等级变更记录): for each period the latest history row of each subject and industry dated on or before its last day. ' +
      'A tier removed counts nowhere; a subject first tiered later counts from then. Every period is listed in `periods`, counted or not.',
  })
  @ApiOkResponse({ type: TierTrendDto, description: 'Per period, industry and tier' })
  @ApiBadRequestResponse({
    description: `${FIELD_PROBLEM_DESCRIPTION}: a date not YYYY-MM-DD or not a calendar day, from after to, more than 400 periods, industry or granularity unknown`,
  })
  trend(@Query() q: TierTrendQuery): Promise<TierTrendDto> {
    return this.overview.trend(q, this.clock.today());
  }

  @Get('changes')
  @ApiOperation({
    summary: 'Recent tier changes (最近信用等级变更): subject, from → to tier, trigger; newest first',
    description:
      'History rows whose tier moved (a first tier, a new tier or a removal); a score or rule change within the same tier is left out. A natural person shows the ID number masked.',
  })
  @ApiOkResponse({ type: TierMovesDto, description: 'Newest first' })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: industry unknown, region or limit invalid` })
  changes(@Query() q: TierChangesQuery): Promise<TierMovesDto> {
    return this.overview.changes(q);
  }
}
