import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../common/clock';
import { FIELD_PROBLEM_DESCRIPTION } from '../../common/problem';
import { RequireScopes } from '../auth/scopes.decorator';
import { DueInspectionsDto, DueInspectionsQuery } from './dto/due-inspections.dto';
import { subjectBrief } from '../subjects/subjects.store';
import { InspectionsStore } from './inspections.store';

/** Inspections due (待检查): plan items with no result yet, the soonest period end first. */
@Injectable()
export class DueInspectionsService {
  constructor(
    private readonly store: InspectionsStore,
    private readonly clock: Clock,
  ) {}

  async due(q: DueInspectionsQuery): Promise<DueInspectionsDto> {
    const today = this.clock.today();
    const rows = await this.store.dueItems({
      industry: q.industry ?? null,
      department: q.department ?? null,
      today,
      limit: q.limit ?? 20,
    });
    return {
      today,
      total: rows[0]?.total ?? 0,
      overdue: rows[0]?.overdue ?? 0,
      items: rows.map((r) => ({
        itemId: r.itemId,
        planId: r.planId,
        department: r.department,
        industry: r.industry,
        period: { from: r.periodFrom, to: r.periodTo },
        subject: subjectBrief(r),
        tier: r.tier,
        reason: r.reason,
        onSite: r.onSite,
        inspectors: r.inspectors,
        overdue: r.periodTo < today,
      })),
    };
  }
}

@ApiTags('inspections (双随机、一公开)')
@RequireScopes('inspections')
@Controller('api/v1/inspections')
export class DueInspectionsController {
  constructor(private readonly service: DueInspectionsService) {}

  @Get('due')
  @ApiOperation({
    summary: 'Inspections due (待检查): subjects drawn in a plan whose result is not recorded yet',
    description:
      "The plan's period ending soonest first; `overdue` when it ended before today (China Standard Time). Record a result with POST /api/v1/inspection-plans/{planId}/items/{itemId}/result.",
  })
  @ApiOkResponse({ type: DueInspectionsDto })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: industry unknown, department or limit invalid` })
  due(@Query() q: DueInspectionsQuery): Promise<DueInspectionsDto> {
    return this.service.due(q);
  }
}
