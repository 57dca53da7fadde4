import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../auth/scopes.decorator';
import { PlanListQuery, PlanPageDto } from './dto/plan-list.dto';
import { InspectionPlanListService } from './inspection-plan-list.service';

@ApiTags('inspections (双随机、一公开)')
@RequireScopes('inspections')
@Controller('api/v1/inspection-plans')
export class InspectionPlanListController {
  constructor(private readonly plans: InspectionPlanListService) {}

  @Get()
  @ApiOperation({
    summary: 'Past inspection plans (抽查计划列表), newest first',
    description:
      'Each with its period, seed, per-tier counts and how many results are recorded; keyset pagination (pass `nextCursor` back as `cursor`). The items are at GET /api/v1/inspection-plans/{id}.',
  })
  @ApiOkResponse({ type: PlanPageDto })
  @ApiBadRequestResponse({
    description:
      'RFC 9457 problem (application/problem+json) naming the field: industry unknown, limit outside 1–100, cursor not one this service issued',
  })
  list(@Query() q: PlanListQuery): Promise<PlanPageDto> {
    return this.plans.list(q);
  }
}
