import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Audited, AuditedInterceptor, PendingAuditOf } from '../audit/audited.interceptor';
import type { PendingAudit } from '../audit/audit-outbox';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import { JsonOnlyGuard } from '../../common/json-only.guard';
import { FIELD_PROBLEM_DESCRIPTION, PROBLEM_DESCRIPTION, ValidationFailed } from '../../common/problem';
import { uuidParam } from '../../common/uuid-param';
import { INDUSTRIES } from '../../rules';
import { AsOfQuery } from './dto/tiering.dto';
import { AssignIndustryBody, EndIndustryBody, SubjectIndustriesDto } from './dto/industry-membership.dto';
import { IndustryMembershipService } from './industry-membership.service';

const INDUSTRY_PARAM = {
  name: 'industry',
  enum: INDUSTRIES,
  description: 'Industry (行业): the industry of a tier pack',
};

function industryOf(v: string): string {
  if (!(INDUSTRIES as readonly string[]).includes(v))
    throw new ValidationFailed([{ field: 'industry', reason: `must be one of ${INDUSTRIES.join(', ')}` }]);
  return v;
}

const deciderOf = (caller: Caller | undefined) => ({
  name: caller?.name ?? 'unknown',
  department: caller?.department ?? null,
});

@ApiTags('tiering (信用分级)')
@RequireScopes('tiers')
@Controller('api/v1/subjects/:id/industries')
@UseInterceptors(AuditedInterceptor)
export class IndustryMembershipController {
  constructor(private readonly membership: IndustryMembershipService) {}

  @Get()
  @RequireScopes('tiers', 'subjects')
  @ApiOperation({
    summary: "A subject's industries (行业归属): in which industries it is supervised and tiered, and why",
    description:
      "For every tier pack's industry: member or not at asOf (default today), the bases — a record of the industry in force (a qualification, a licence, an inspection…), the registered industry code (GB/T 4754-2017), a department decision, or every subject of the pack's kinds — or why not (its kind, no basis, a department's exclusion), and the tier it gives. Then every department decision, oldest first.",
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Subject id (主体ID)' })
  @ApiOkResponse({ type: SubjectIndustriesDto })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: id is not a UUID, asOf not a date` })
  @ApiNotFoundResponse({ description: 'SUBJECT_NOT_FOUND' })
  view(@Param('id', uuidParam()) id: string, @Query() q: AsOfQuery) {
    return this.membership.view(id, q.asOf);
  }

  @Put(':industry')
  @Audited('subject.industry')
  @UseGuards(JsonOnlyGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide a subject is (or is not) supervised in an industry (行业归属认定)',
    description:
      "From today: effect `member` puts the subject in the industry, `excluded` takes it out whatever its records or industry code say. The decision open for that industry ends today (replaced); nothing is deleted. Audited; the subject is re-tiered at once (it gains or loses the industry's tier, with a history row whose trigger is `industry:member` or `industry:excluded`). Answers the subject's industries after it.",
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Subject id (主体ID)' })
  @ApiParam(INDUSTRY_PARAM)
  @ApiOkResponse({ type: SubjectIndustriesDto })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: industry, effect or reason` })
  @ApiNotFoundResponse({ description: `${PROBLEM_DESCRIPTION}: SUBJECT_NOT_FOUND` })
  assign(
    @Param('id', uuidParam()) id: string,
    @Param('industry') industry: string,
    @Body() body: AssignIndustryBody,
    @Caller() caller: Caller | undefined,
    @PendingAuditOf() audit: PendingAudit | undefined,
  ) {
    return this.membership.assign(id, industryOf(industry), body.effect, body.reason, deciderOf(caller), audit);
  }

  @Delete(':industry')
  @Audited('subject.industry.end')
  @UseGuards(JsonOnlyGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: "Withdraw the department's open decision on an industry (撤回行业归属认定)",
    description:
      'The open decision ends today, with the reason; membership then follows the records and the industry code again. Audited; the subject is re-tiered at once (trigger `industry:withdrawn`). 404 INDUSTRY_ASSIGNMENT_NOT_FOUND when no decision is open.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Subject id (主体ID)' })
  @ApiParam(INDUSTRY_PARAM)
  @ApiOkResponse({ type: SubjectIndustriesDto })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: industry or reason` })
  @ApiNotFoundResponse({ description: `${PROBLEM_DESCRIPTION}: SUBJECT_NOT_FOUND / INDUSTRY_ASSIGNMENT_NOT_FOUND` })
  end(
    @Param('id', uuidParam()) id: string,
    @Param('industry') industry: string,
    @Body() body: EndIndustryBody,
    @Caller() caller: Caller | undefined,
    @PendingAuditOf() audit: PendingAudit | undefined,
  ) {
    return this.membership.end(id, industryOf(industry), body.reason, deciderOf(caller), audit);
  }
}
