import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { Audited, AuditedInterceptor, PendingAuditOf } from '../audit/audited.interceptor';
import type { PendingAudit } from '../audit/audit-outbox';
import { FIELD_PROBLEM_DESCRIPTION } from '../../common/problem';
import { RepairNoticeNotApplicable } from './records.exception';
import { repairNoticeOf, type RepairNotice } from './repair-notice';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
  ApiNotFoundResponse,
  ApiConflictResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ListRecordsQuery, RevokeRecordDto } from './dto/record-requests.dto';
import {
  ImportReportDto,
  IngestOneResultDto,
  RecordViewDto,
  RepairNoticeDto,
  SubjectRecordsDto,
} from './dto/record-responses.dto';
import { RecordRowDto } from './dto/record-row.dto';
import { MAX_IMPORT_JOB_ROWS, MAX_IMPORT_ROWS } from './import-parse';
import { ImportJobs } from './import-job';
import { JobDto } from '../jobs/dto/jobs.dto';
import type { JobView } from '../jobs/job.types';
import { JsonOnlyGuard } from '../../common/json-only.guard';
import { CSV_EXAMPLE, LIST_ENTRY_EXAMPLE, PENALTY_EXAMPLE, TAX_CREDIT_EXAMPLE } from './records.examples';
import { RecordsService, type ImportReport, type IngestOneResult, type SubjectRecords } from './records.service';
import type { RecordView } from './record.view';
import { RequireScopes } from '../auth/scopes.decorator';
import { uuidParam } from '../../common/uuid-param';

@ApiTags('records (信用记录)')
@ApiExtraModels(RecordRowDto)
@RequireScopes('records')
@Controller('api/v1')
@UseInterceptors(AuditedInterceptor)
export class RecordsController {
  constructor(
    private readonly records: RecordsService,
    private readonly importJobs: ImportJobs,
  ) {}

  @Post('records')
  @Audited('record.ingest')
  @UseGuards(JsonOnlyGuard)
  @ApiOperation({
    summary: 'Ingest one credit record (录入一条信用记录)',
    description:
      'Idempotent on (source, decisionNumber): 201 when stored, 200 when unchanged or updated. The subject is found by code or ID number, or registered. Publicity windows are computed per 令第58号 / 令第36号 (公示期限). A penalty or a dishonesty listing is answered with its credit repair notice (信用修复告知书), to be served with the decision.',
  })
  @ApiBody({
    type: RecordRowDto,
    examples: {
      penalty: { value: PENALTY_EXAMPLE },
      listEntry: { value: LIST_ENTRY_EXAMPLE },
      taxCredit: { value: TAX_CREDIT_EXAMPLE },
    },
  })
  @ApiCreatedResponse({ type: IngestOneResultDto, description: 'Stored (已入库)' })
  @ApiOkResponse({ type: IngestOneResultDto, description: 'Unchanged (未变化) or updated (已更新)' })
  @ApiBadRequestResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  // The body is validated by the ingest (the same rules as an import row, RecordRowDto), not by the global
  // pipe: a refused record is then kept for the 双公示 data-quality statistics like a refused import row.
  async create(
    @Body() dto: object,
    @Res({ passthrough: true }) reply: FastifyReply,
    @PendingAuditOf() audit: PendingAudit | undefined,
  ): Promise<IngestOneResult & { repairNotice: RepairNotice | null }> {
    const result = await this.records.ingestOne(dto, audit);
    void reply.status(result.status === 'stored' ? 201 : 200);
    return { ...result, repairNotice: repairNoticeOf(result.record) };
  }

  @Post('records/import')
  @Audited('record.import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bulk import credit records (批量导入信用记录); beyond 5,000 rows a background job (后台任务)',
    description: `application/json {"records": [...]}, text/csv (UTF-8 with or without BOM, or GB18030/GBK as Chinese office suites write it; a charset in Content-Type is obeyed) or an .xlsx workbook (first worksheet), with a header row of the field names or the 双公示 Chinese column titles (行政相对人名称, 统一社会信用代码, 行政处罚决定书文号, 处罚类别, 处罚决定日期 …; see docs/records-import.md and GET /api/v1/records/import-template); penalty types as codes or their Chinese names separated by ";" "、" or ","; dates also as 2025/3/10 or 2025年3月10日. Up to ${MAX_IMPORT_ROWS} rows are imported at once (200, the per-row report); up to ${MAX_IMPORT_JOB_ROWS} rows (within BODY_LIMIT) are queued as a background job (202, the job, Location: /api/v1/jobs/{id}; its progress there and its per-row report at GET /api/v1/jobs/{id}/result). Every row is validated on its own: a refused row stores nothing and never blocks the others. Re-importing the same file changes nothing (all rows "unchanged"). A body that cannot be read (malformed CSV, unknown column, more than ${MAX_IMPORT_JOB_ROWS} rows) is a 400 problem naming the line or column, and queues nothing.`,
  })
  @ApiConsumes('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiBody({
    schema: {
      oneOf: [
        {
          type: 'object',
          required: ['records'],
          properties: {
            records: { type: 'array', maxItems: MAX_IMPORT_JOB_ROWS, items: { $ref: getSchemaPath(RecordRowDto) } },
          },
        },
        {
          type: 'string',
          description:
            'CSV (text/csv) in UTF-8 or GB18030/GBK, or an .xlsx workbook (binary); header row of field names or 双公示 column titles',
        },
      ],
    },
    examples: { json: { value: { records: [PENALTY_EXAMPLE, TAX_CREDIT_EXAMPLE] } }, csv: { value: CSV_EXAMPLE } },
  })
  @ApiOkResponse({ type: ImportReportDto, description: 'Per-row report (逐行结果) with totals' })
  @ApiAcceptedResponse({
    type: JobDto,
    description: `More than ${MAX_IMPORT_ROWS} rows: queued as a background job (后台任务, records.import); Location: /api/v1/jobs/{id}`,
    headers: { Location: { description: 'The job: GET it for state and progress', schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  async import(
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @PendingAuditOf() audit: PendingAudit | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportReport | JobView> {
    const answer = await this.importJobs.importBody(contentType, body, audit);
    if (!answer.queued) return answer.report;
    void reply.status(202).header('location', `/api/v1/jobs/${answer.job.id}`);
    return answer.job;
  }

  @Get('records/:id')
  @ApiOperation({
    summary: 'One credit record (查询信用记录)',
    description: 'inForce is judged as of today (China Standard Time).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RecordViewDto })
  @ApiNotFoundResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  get(@Param('id', uuidParam()) id: string): Promise<RecordView> {
    return this.records.get(id);
  }

  @Get('records/:id/repair-notice')
  @ApiOperation({
    summary: 'Credit repair notice data (信用修复告知书) of a penalty or a dishonesty listing',
    description:
      'Served with the decision: the earliest date repair may be applied for (最短公示期), when publication stops by itself, the rule version (令第58号 / 令第36号) and how to apply. 404 for records that have no repair (licences, red lists, tax levels…).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RepairNoticeDto })
  @ApiNotFoundResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  async repairNotice(@Param('id', uuidParam()) id: string): Promise<RepairNotice> {
    const notice = repairNoticeOf(await this.records.get(id));
    if (!notice) throw new RepairNoticeNotApplicable();
    return notice;
  }

  @Get('subjects/:id/records')
  @ApiOperation({
    summary: "A subject's credit records (主体信用记录)",
    description:
      'Records in force at asOf (default today): decided by then, before their publicity / list end, not revoked, repaired or ended. includeEnded=true lists every record decided by asOf (all records without asOf), each with inForce.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Subject id (主体ID)' })
  @ApiOkResponse({ type: SubjectRecordsDto })
  @ApiNotFoundResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  listForSubject(@Param('id', uuidParam()) id: string, @Query() q: ListRecordsQuery): Promise<SubjectRecords> {
    return this.records.listForSubject(id, { asOf: q.asOf, includeEnded: q.includeEnded });
  }

  @Post('records/:id/revoke')
  @Audited('record.revoke')
  @HttpCode(200)
  @UseGuards(JsonOnlyGuard)
  @ApiOperation({
    summary: 'Revoke a record (撤销信用记录)',
    description:
      'The decision was revoked (撤销): the record stops counting from revokedAt (default today) at once; earlier as-of answers still count it.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RecordViewDto })
  @ApiNotFoundResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  @ApiConflictResponse({ description: 'Already revoked (已撤销): RFC 9457 problem' })
  revoke(
    @Param('id', uuidParam()) id: string,
    @Body() dto: RevokeRecordDto,
    @PendingAuditOf() audit: PendingAudit | undefined,
  ): Promise<RecordView> {
    return this.records.revoke(id, { reason: dto.reason, revokedAt: dto.revokedAt }, audit);
  }
}
