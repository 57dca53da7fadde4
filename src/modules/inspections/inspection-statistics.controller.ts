import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../auth/scopes.decorator';
import { StatisticsQuery } from './dto/plan-request.dto';
import { InspectionStatisticsDto } from './dto/statistics-responses.dto';
import { InspectionStatisticsService } from './inspection-statistics.service';

@ApiTags('inspections (双随机、一公开)')
@RequireScopes('inspections')
@Controller('api/v1/inspections')
export class InspectionStatisticsController {
  constructor(private readonly stats: InspectionStatisticsService) {}

  @Get('statistics')
  @ApiOperation({
    summary:
      'Inspection statistics (抽查统计): tier distribution, planned share against the ratio each tier promises, subjects never inspected',
    description:
      'Never inspected: no inspection of the industry in the 12 months before the tier date and no result recorded in any plan of the industry (first 100 ids, and the count).',
  })
  @ApiOkResponse({
    type: InspectionStatisticsDto,
    description: 'Per tier: subjects, samplingRatio, planned, plannedShare, inspected; neverInspected {count, sample}',
  })
  statistics(@Query() q: StatisticsQuery) {
    return this.stats.statistics(q.industry, q.region ?? null);
  }
}
