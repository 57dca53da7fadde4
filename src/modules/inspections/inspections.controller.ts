import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import { CreatePlanDto, ExportQuery, PlanResultDto } from './dto/plan-request.dto';
import { InspectionPlansService } from './inspection-plans.service';
import { InspectionResultsService } from './inspection-results.service';
import { planCsv, RERUN } from './plan-export';
import { uuidParam } from '../../common/uuid-param';

const uuid = uuidParam;

@ApiTags('inspections (双随机、一公开)')
@RequireScopes('inspections')
@Controller('api/v1/inspection-plans')
export class InspectionsController {
  constructor(
    private readonly plans: InspectionPlansService,
    private readonly results: InspectionResultsService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Draw an inspection plan (双随机抽查计划) from the current tiers of an industry',
    description: 'Per tier, round(samplingRatio × subjects) are drawn at random; subjects due by frequency or with an open lead always are. ' +
      'Two inspectors per subject, avoiding conflicts (回避), balancing load. Seeded and reproducible: the seed, the inputs and their hash are published.',
  })
  @ApiCreatedResponse({ description: 'The plan, with its items' })
  @ApiUnprocessableEntityResponse({ description: 'INSPECTION_SUBJECT_UNSTAFFABLE / INSPECTION_TOO_FEW_INSPECTORS / INSPECTION_NO_SUBJECTS: names what is short' })
  create(@Body() body: CreatePlanDto, @Caller() caller: Caller | undefined) {
    return this.plans.create(body, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One inspection plan with its items and results (natural persons masked)' })
  @ApiOkResponse({ description: 'The plan' })
  get(@Param('id', uuid('id')) id: string) {
    return this.plans.get(id);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'Publish (一公开) a plan: CSV, or JSON with the inputs and seed needed to re-run the draw' })
  async export(@Param('id', uuid('id')) id: string, @Query() q: ExportQuery, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const published = await this.plans.published(id);
    if (q.format === 'csv') {
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="inspection-plan-${id}.csv"`).send(planCsv(published.plan));
    }
    return reply.header('content-type', 'application/json; charset=utf-8').send({ ...published, rerun: RERUN });
  }

  @Post(':id/items/:itemId/result')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record an inspection result (检查结果); files an inspection credit record so the next tiering sees it' })
  result(@Param('id', uuid('id')) id: string, @Param('itemId', uuid('itemId')) itemId: string, @Body() body: PlanResultDto, @Caller() caller: Caller | undefined) {
    return this.results.record(id, itemId, body, caller);
  }
}
