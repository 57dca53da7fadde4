import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { RequireScopes } from '../auth/scopes.decorator';
import { CreditReportService } from './credit-report.service';
import type { CreditReport } from './credit-report.sections';
import { CreditReportByCodeQuery, CreditReportDto, CreditReportQuery } from './dto/credit-report.dto';
import { uuidParam } from '../../common/uuid-param';
import { PROBLEM_DESCRIPTION } from '../../common/problem';

const uuid = uuidParam();
const DESCRIPTION =
  'Sections of 信用中国: 登记注册 registration; 行政管理 licences, penalties, inspections; 诚实守信荣誉 red list; 严重失信主体名单; ' +
  '经营异常名录; 信用承诺; 信用评价 tax credit level and credit tiers per industry; 司法裁判及执行 失信被执行人; 其他; 信用提升建议 (repair routes and dates). ' +
  'Only records in force at asOf: revoked, repaired, ended and past-publicity records are left out, as are minor penalties not published (令第36号). ' +
  'A natural person appears with the masked ID number only.';

@ApiTags('credit report (信用报告)')
@RequireScopes('records')
@Controller('api/v1')
export class CreditReportController {
  constructor(private readonly reports: CreditReportService) {}

  @Get('subjects/:id/credit-report')
  @ApiOperation({ summary: "A subject's public credit report (公共信用信息报告)", description: DESCRIPTION })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Subject id (主体ID)' })
  @ApiOkResponse({ type: CreditReportDto })
  @ApiNotFoundResponse({ description: PROBLEM_DESCRIPTION })
  @ApiBadRequestResponse({ description: PROBLEM_DESCRIPTION })
  forSubject(@Param('id', uuid) id: string, @Query() q: CreditReportQuery): Promise<CreditReport> {
    return this.reports.forSubject(id, q.asOf);
  }

  @Get('credit-reports')
  @ApiOperation({
    summary: 'A public credit report by unified social credit code (按统一社会信用代码查询信用报告)',
    description: DESCRIPTION,
  })
  @ApiOkResponse({ type: CreditReportDto })
  @ApiNotFoundResponse({ description: PROBLEM_DESCRIPTION })
  @ApiBadRequestResponse({ description: PROBLEM_DESCRIPTION })
  byCode(@Query() q: CreditReportByCodeQuery): Promise<CreditReport> {
    return this.reports.forCode(q.code, q.asOf);
  }
}
