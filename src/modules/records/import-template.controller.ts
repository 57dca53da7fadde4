import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { FIELD_PROBLEM_DESCRIPTION } from '../../common/problem';
import { RequireScopes } from '../auth/scopes.decorator';
import { ImportTemplateQuery } from './dto/import-template.query';
import { templateCsv, templateXlsx } from './import-template';
import { XLSX_MEDIA_TYPE } from './import-xlsx';

@ApiTags('records (信用记录)')
@RequireScopes('records')
@Controller('api/v1/records/import-template')
export class ImportTemplateController {
  @Get()
  @ApiOperation({
    summary: 'Import template (导入模板) of a record type, CSV or Excel',
    description:
      'The header row to fill for POST /api/v1/records/import: penalties and licences in the 双公示 Chinese column titles (lang=zh, the default) or field names (lang=en); other types in field names with a `type` column. CSV is UTF-8 with a BOM.',
  })
  @ApiProduces('text/csv', XLSX_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'The template file (attachment)',
    content: {
      'text/csv': { schema: { type: 'string' }, example: '\uFEFF行政相对人名称,统一社会信用代码,证件号码,…\r\n' },
      [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: type, format or lang unknown` })
  async template(@Query() q: ImportTemplateQuery, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const lang = q.lang ?? 'zh';
    const name = `import-template-${q.type}-${lang}`;
    if (q.format === 'xlsx')
      return reply
        .header('content-type', XLSX_MEDIA_TYPE)
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await templateXlsx(q.type, lang));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.csv"`)
      .send(templateCsv(q.type, lang));
  }
}
