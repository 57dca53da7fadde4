import { Controller, Get, Param, Query, Res, Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireScopes } from '../auth/scopes.decorator';
import {
  CSV_EXAMPLE,
  ENTRY_EXAMPLE,
  JSONL_EXAMPLE,
  VERIFY_BROKEN_EXAMPLE,
  VERIFY_VALID_EXAMPLE,
} from './audit.examples';
import { EXPORT_CONTENT_TYPES } from './audit-export';
import { AuditService } from './audit.service';
import type { AuditPage } from './audit.queries';
import type { AuditEntryView, ChainReport } from './audit.types';
import { AuditFilterQuery, ExportAuditQuery, ListAuditQuery, VerifyQuery } from './dto/audit-query.dto';
import { AuditEntryDto, AuditPageDto, ChainReportDto, OutboxStatusDto } from './dto/audit-responses.dto';
import { AuditOutboxSweeper, type OutboxStatus } from './audit-outbox.sweeper';
import { uuidParam } from '../../common/uuid-param';
import { FIELD_PROBLEM_DESCRIPTION } from '../../common/problem';

const uuid = uuidParam();

/** A JSON answer with its schema and named examples (`type` alone would drop the examples). */
const json = (model: Type<unknown>, examples: Record<string, unknown>) => ({
  'application/json': {
    schema: { $ref: getSchemaPath(model) },
    examples: Object.fromEntries(Object.entries(examples).map(([k, value]) => [k, { value }])),
  },
});

const filterOf = (q: AuditFilterQuery) => ({
  subjectId: q.subjectId,
  caller: q.caller,
  scenario: q.scenario,
  kind: q.kind,
  from: q.from,
  to: q.to,
});

@ApiTags('audit (审计日志)')
@RequireScopes('audit')
@ApiExtraModels(AuditEntryDto, AuditPageDto, ChainReportDto)
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: AuditOutboxSweeper,
  ) {}

  @Get('outbox')
  @ApiOperation({
    summary: 'Audit outbox status (审计待记状态)',
    description:
      'Every change of record stages its audit entry in its own transaction; the entry settles it. A change whose entry never came (the process died between the two) is chained as an interrupted entry after the grace period. pendingEntries stays near 0 on a healthy service; a growing oldestAt means entries cannot be appended.',
  })
  @ApiOkResponse({ type: OutboxStatusDto })
  outboxStatus(): Promise<OutboxStatus> {
    return this.outbox.status();
  }

  @Get('verify')
  @ApiOperation({
    summary: 'Verify the hash chain (校验审计日志完整性)',
    description:
      "Walks every entry in seq order (a page at a time), recomputes each hash with the entry's own algorithm (SM3 or SHA-256) and checks each link. " +
      'Always 200: a broken chain answers valid=false with the first invalid entry and the problem (altered, removed, reordered, inserted). ' +
      'The same check runs offline with `npm run audit:verify` (exit 0 valid, 1 broken).',
  })
  @ApiOkResponse({
    description: 'The report (valid or not)',
    content: json(ChainReportDto, { valid: VERIFY_VALID_EXAMPLE, broken: VERIFY_BROKEN_EXAMPLE }),
  })
  @ApiBadRequestResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  verify(@Query() q: VerifyQuery): Promise<ChainReport> {
    return this.audit.verify({ fromSeq: q.fromSeq });
  }

  @Get('entries')
  @ApiOperation({
    summary: 'Search audit entries (查询审计记录)',
    description: 'Filters combine with AND; pages in seq order: pass nextAfterSeq as afterSeq for the next page.',
  })
  @ApiOkResponse({
    description: 'A page of entries',
    content: json(AuditPageDto, { lastPage: { items: [ENTRY_EXAMPLE], nextAfterSeq: null } }),
  })
  @ApiBadRequestResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  list(@Query() q: ListAuditQuery): Promise<AuditPage> {
    return this.audit.list(filterOf(q), q.afterSeq ?? 0, q.limit ?? 100);
  }

  @Get('entries/:id')
  @ApiOperation({
    summary: 'One audit entry (审计记录详情)',
    description: 'With prevHash and hash, so the link can be checked by hand.',
  })
  @ApiParam({
    name: 'id',
    format: 'uuid',
    description: 'Entry id (for a check, the check id)',
    example: ENTRY_EXAMPLE.id,
  })
  @ApiOkResponse({ description: 'The entry', content: json(AuditEntryDto, { check: ENTRY_EXAMPLE }) })
  @ApiBadRequestResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  @ApiNotFoundResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  get(@Param('id', uuid) id: string): Promise<AuditEntryView> {
    return this.audit.get(id);
  }

  @Get('export')
  @ApiOperation({
    summary: 'Export audit entries (导出审计记录)',
    description:
      'Streams every matching entry in seq order. jsonl (default): one entry per line with every hashed field, verifiable offline. ' +
      "csv: UTF-8 with BOM; JSON cells in canonical form; a cell starting with = + - @ is prefixed with ' (no formula injection).",
  })
  @ApiProduces(EXPORT_CONTENT_TYPES.jsonl, EXPORT_CONTENT_TYPES.csv)
  @ApiOkResponse({
    description: 'The entries',
    content: {
      [EXPORT_CONTENT_TYPES.jsonl]: { schema: { type: 'string' }, example: JSONL_EXAMPLE },
      [EXPORT_CONTENT_TYPES.csv]: { schema: { type: 'string' }, example: CSV_EXAMPLE },
    },
  })
  @ApiBadRequestResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  export(@Query() q: ExportAuditQuery, @Res() reply: FastifyReply): FastifyReply {
    const format = q.format ?? 'jsonl';
    const stream = this.audit.export(filterOf(q), q.afterSeq ?? 0, format);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
    return reply
      .header('content-type', EXPORT_CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="audit-${stamp}.${format}"`)
      .send(stream);
  }
}
