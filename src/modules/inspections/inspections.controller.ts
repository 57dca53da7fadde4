import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import { CreatePlanDto, ExportQuery, PlanResultDto } from './dto/plan-request.dto';
import { InspectionPlansService } from './inspection-plans.service';
import { InspectionResultsService } from './inspection-results.service';
import { planCsv, RERUN } from './plan-export';
import { planXlsx } from './plan-export-xlsx';
import { DrawPolicyDto, PlanExportDto } from './dto/plan-export.dto';
import { PlanResultAnswerDto, PlanViewDto } from './dto/plan-responses.dto';
import { uuidParam } from '../../common/uuid-param';
import { FIELD_PROBLEM_DESCRIPTION } from '../../common/problem';

const uuid = uuidParam;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('inspections (双随机、一公开)')
@RequireScopes('inspections')
@ApiExtraModels(PlanExportDto, DrawPolicyDto)
@Controller('api/v1/inspection-plans')
export class InspectionsController {
  constructor(
    private readonly plans: InspectionPlansService,
    private readonly results: InspectionResultsService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Draw an inspection plan (双随机抽查计划) from the current tiers of an industry',
    description:
      'Per tier, round(samplingRatio × subjects) are drawn at random; subjects due by frequency or with an open lead always are. ' +
      'Two inspectors per subject, avoiding conflicts (回避), balancing load. Seeded and reproducible: the seed, the inputs and their hash are published.',
  })
  @ApiCreatedResponse({ type: PlanViewDto, description: 'The plan, with its items (抽查计划)' })
  @ApiBadRequestResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  @ApiUnprocessableEntityResponse({
    description:
      'INSPECTION_SUBJECT_UNSTAFFABLE / INSPECTION_TOO_FEW_INSPECTORS / INSPECTION_NO_SUBJECTS: names what is short',
  })
  create(@Body() body: CreatePlanDto, @Caller() caller: Caller | undefined) {
    return this.plans.create(body, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One inspection plan with its items and results (natural persons masked)' })
  @ApiOkResponse({ type: PlanViewDto, description: 'The plan (抽查计划)' })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: id is not a UUID` })
  @ApiNotFoundResponse({ description: 'INSPECTION_PLAN_NOT_FOUND' })
  get(@Param('id', uuid('id')) id: string) {
    return this.plans.get(id);
  }

  @Get(':id/export')
  @ApiOperation({
    summary: 'Publish (一公开) a plan: CSV, Excel, or JSON with the inputs and seed needed to re-run the draw',
  })
  @ApiProduces('application/json', 'text/csv', XLSX)
  @ApiOkResponse({
    description:
      'A file to publish: JSON (format=json, the default) with the plan, the inputs and how to re-run the draw; CSV (format=csv), UTF-8 with BOM, one line per subject drawn; or Excel (format=xlsx): sheet 抽查名单 with the CSV rows under Chinese column titles, sheet 计划信息',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PlanExportDto) } },
      'text/csv': {
        schema: { type: 'string' },
        example:
          '\uFEFFposition,subjectId,subjectName,subjectCode,subjectIdMasked,tier,reason,inspector1,inspector2,onSite,keyItemsFull,result,resultDate\r\n',
      },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiBadRequestResponse({
    description: `${FIELD_PROBLEM_DESCRIPTION}: id is not a UUID, format not csv, json or xlsx`,
  })
  @ApiNotFoundResponse({ description: 'INSPECTION_PLAN_NOT_FOUND' })
  async export(
    @Param('id', uuid('id')) id: string,
    @Query() q: ExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const published = await this.plans.published(id);
    if (q.format === 'csv') {
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="inspection-plan-${id}.csv"`)
        .send(planCsv(published.plan));
    }
    if (q.format === 'xlsx') {
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="inspection-plan-${id}.xlsx"`)
        .send(await planXlsx(published.plan));
    }
    return reply.header('content-type', 'application/json; charset=utf-8').send({ ...published, rerun: RERUN });
  }

  @Post(':id/items/:itemId/result')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record an inspection result (检查结果); files an inspection credit record so the next tiering sees it',
  })
  @ApiCreatedResponse({
    type: PlanResultAnswerDto,
    description: 'The result recorded and the credit record filed (检查结果)',
  })
  @ApiBadRequestResponse({
    description: `${FIELD_PROBLEM_DESCRIPTION}: a date outside the plan period or in the future, a natural person's ID number missing or not theirs`,
  })
  @ApiNotFoundResponse({ description: 'INSPECTION_PLAN_NOT_FOUND or INSPECTION_ITEM_NOT_FOUND' })
  @ApiConflictResponse({ description: 'INSPECTION_RESULT_EXISTS: the item has a result already' })
  result(
    @Param('id', uuid('id')) id: string,
    @Param('itemId', uuid('itemId')) itemId: string,
    @Body() body: PlanResultDto,
    @Caller() caller: Caller | undefined,
  ) {
    return this.results.record(id, itemId, body, caller);
  }
}
