import { Body, Controller, Get, Param, Put, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Audited, AuditedInterceptor, PendingAuditOf } from '../audit/audited.interceptor';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import { JsonOnlyGuard } from '../../common/json-only.guard';
import { DeclareLedgerDto, FailuresQueryDto, LedgersQuery, QualityRangeQuery } from './dto/quality-requests.dto';
import { FailuresPageDto, LedgerDto, LedgerListDto, QualityStatisticsDto } from './dto/quality-responses.dto';
import { DEFINITIONS, QualityService } from './quality.service';
import { LegalFindingsDto, LegalFindingsQuery } from './dto/legal-findings.dto';
import { LegalFindingsService } from './legal-findings.service';
import type { PendingAudit } from '../audit/audit-outbox';
import { FIELD_PROBLEM_DESCRIPTION } from '../../common/problem';

@ApiTags('data quality (双公示数据质量)')
@RequireScopes('quality', 'records')
@Controller('api/v1/quality')
@UseInterceptors(AuditedInterceptor)
export class QualityController {
  constructor(
    private readonly quality: QualityService,
    private readonly legal: LegalFindingsService,
  ) {}

  @Get('statistics')
  @ApiOperation({
    summary:
      '双公示 data quality per department: 上报率 (reported), 合规率 (compliant), 及时率 (timely), and 重错码 (duplicate / wrong codes)',
    description:
      Object.values(DEFINITIONS).join('\n\n') +
      '\n\nLicences (行政许可) and penalties (行政处罚), and the other administrative information reported to the national platform (行政强制、行政奖励、行政确认、行政裁决、行政监督检查), decided between from and to; ?recordGroup= narrows to one group.',
  })
  @ApiOkResponse({ type: QualityStatisticsDto })
  @ApiBadRequestResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  statistics(@Query() q: QualityRangeQuery) {
    return this.quality.statistics(q);
  }

  @Get('failures')
  @ApiOperation({
    summary:
      'The failing rows behind the rates (问题数据清单): refused rows (不合规, with field + reason) and late records (不及时), paged',
    description:
      'Refused: the latest refusal of each department and decision number not accepted since (a natural person only by the masked ID number). Late: accepted records received after N working days.',
  })
  @ApiOkResponse({ type: FailuresPageDto })
  @ApiBadRequestResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  failures(@Query() q: FailuresQueryDto) {
    return this.quality.failures(q);
  }

  @Get('legal-findings')
  @ApiOperation({
    summary:
      'Stored records the law contradicts (法定期限与失信程度核查): open-ended or out-of-term list entries, 失信被执行人 without a ground, grades contradicting the penalty type',
    description:
      'Active records only. 政府采购法 Art. 77 (procurement ban 1–3 years), 国家税务总局令第54号 (fixed publication period), 法释〔2017〕7号 Arts. 1–2 (ground; 2 years only for grounds 2–6), 令第36号 grades by penalty type. Nothing is rewritten: each department corrects its records by re-import (audited).',
  })
  @ApiOkResponse({ type: LegalFindingsDto })
  @ApiBadRequestResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  legalFindings(@Query() q: LegalFindingsQuery) {
    return this.legal.findings(q.department ?? null);
  }

  @Get('ledgers')
  @ApiOperation({ summary: 'Declared decision ledgers (台账申报) in the months of a range, the base of 上报率' })
  @ApiOkResponse({ type: LedgerListDto })
  ledgers(@Query() q: LedgersQuery) {
    return this.quality.ledgers(q);
  }

  @Put('ledgers/:department/:period')
  @Audited('quality.ledger')
  @UseGuards(JsonOnlyGuard)
  @ApiOperation({
    summary: "Declare a department's decision count for a month (申报应上报数)",
    description:
      'The count of licences and penalties the department decided in the month per its own ledger; 上报率 = received ÷ declared. Declaring again replaces the count.',
  })
  @ApiParam({
    name: 'department',
    description: 'Data-source department (数据来源单位), URL-encoded, as written in credit records',
  })
  @ApiParam({ name: 'period', description: 'Month (月份), YYYY-MM', example: '2026-10' })
  @ApiOkResponse({ type: LedgerDto })
  @ApiBadRequestResponse({ description: FIELD_PROBLEM_DESCRIPTION })
  declare(
    @Param('department') department: string,
    @Param('period') period: string,
    @Body() body: DeclareLedgerDto,
    @Caller() caller: Caller | undefined,
    @PendingAuditOf() audit: PendingAudit | undefined,
  ) {
    return this.quality.declare(department, period, body.declared, body.note ?? null, caller?.name ?? null, audit);
  }
}
