import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Audited, AuditedInterceptor, PendingAuditOf } from '../audit/audited.interceptor';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import { JsonOnlyGuard } from '../../common/json-only.guard';
import { ApplyRepairDto, ApproveRepairDto, ListRepairQuery, RejectRepairDto } from './dto/repair-requests.dto';
import { RepairApplicationDto, RepairApplicationPageDto } from './dto/repair-responses.dto';
import { RepairService } from './repair.service';
import type { RepairApplicationView } from './repair.view';
import type { PendingAudit } from '../audit/audit-outbox';
import { uuidParam } from '../../common/uuid-param';
import { PROBLEM_DESCRIPTION } from '../../common/problem';

const uuid = uuidParam;

const APPLY_EXAMPLE = {
  recordId: '0b6f3c1e-4d2a-4c1b-9a55-2f1e8b7c6d01',
  applicant: { kind: 'subject', name: '重庆恒通酒店有限公司' },
  commitment:
    '本单位承诺已履行行政处罚决定规定的义务，所提交材料真实有效；如违背承诺，愿意承担相应法律责任并接受失信惩戒。',
  reason: '罚款5万元已于2025年4月2日缴清，已完成整改并通过复查。',
  evidence: ['罚没款缴款书 No.5001234567'],
};

@ApiTags('credit repair (信用修复)')
@RequireScopes('repair')
@Controller('api/v1/repair-applications')
@UseInterceptors(AuditedInterceptor)
export class RepairController {
  constructor(private readonly repair: RepairService) {}

  @Post()
  @Audited('repair.apply')
  @UseGuards(JsonOnlyGuard)
  @ApiOperation({
    summary: 'Apply for credit repair (申请信用修复)',
    description:
      'For a penalty (行政处罚), a dishonesty listing (失信名单) or a breached commitment (违背信用承诺) in force. Needs a public credit commitment (公开信用承诺). ' +
      "Refused with 422 REPAIR_TOO_EARLY (extensions recordId, earliestRepairDate) before the minimum publicity period of the record's rule version (令第58号 / 令第36号) ends; " +
      '422 REPAIR_NOT_APPLICABLE for licences, red lists and other records without repair; 409 REPAIR_RECORD_NOT_IN_FORCE when revoked, repaired or past its publicity end ' +
      '(publication stopped by itself); 409 REPAIR_ALREADY_PENDING. Nothing is stored when refused. The commitment is also filed as a pending credit commitment record (信用修复承诺) for subjects with a unified social credit code.',
  })
  @ApiBody({ type: ApplyRepairDto, examples: { penalty: { value: APPLY_EXAMPLE } } })
  @ApiCreatedResponse({ type: RepairApplicationDto, description: 'Stored, pending (待审核)' })
  @ApiBadRequestResponse({ description: `${PROBLEM_DESCRIPTION} naming each field` })
  @ApiNotFoundResponse({ description: `${PROBLEM_DESCRIPTION}: RECORD_NOT_FOUND` })
  @ApiConflictResponse({ description: `${PROBLEM_DESCRIPTION}: REPAIR_ALREADY_PENDING / REPAIR_RECORD_NOT_IN_FORCE` })
  @ApiUnprocessableEntityResponse({ description: `${PROBLEM_DESCRIPTION}: REPAIR_TOO_EARLY / REPAIR_NOT_APPLICABLE` })
  apply(
    @Body() dto: ApplyRepairDto,
    @Caller() caller: Caller | undefined,
    @PendingAuditOf() audit: PendingAudit | undefined,
  ): Promise<RepairApplicationView> {
    return this.repair.apply(dto, caller, audit);
  }

  @Get()
  @ApiOperation({
    summary: 'Repair applications (信用修复申请列表)',
    description: 'Newest first; filter by status, subject or record.',
  })
  @ApiOkResponse({ type: RepairApplicationPageDto })
  list(@Query() q: ListRepairQuery) {
    return this.repair.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One repair application (信用修复申请)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RepairApplicationDto })
  @ApiNotFoundResponse({ description: PROBLEM_DESCRIPTION })
  get(@Param('id', uuid('id')) id: string): Promise<RepairApplicationView> {
    return this.repair.get(id);
  }

  @Post(':id/approve')
  @Audited('repair.approve')
  @HttpCode(200)
  @UseGuards(JsonOnlyGuard)
  @ApiOperation({
    summary: 'Approve a repair application (准予信用修复)',
    description:
      'By the recognising department only ("谁认定、谁修复": `department` must be the record\'s source, else 403 REPAIR_WRONG_DEPARTMENT; the caller\'s key must act for that department — bound to it with `npm run keys -- create --department …`, or an admin key as the credit office — else 403 KEY_NOT_FOR_DEPARTMENT). ' +
      'In one transaction the application becomes approved and the record repaired (repaired_at = today, status repaired); tiers are then recomputed ' +
      'and the record no longer triggers any measure. Only from pending (conditional update): 409 REPAIR_NOT_PENDING otherwise. ' +
      'The record must still qualify on the day of approval, as for an application: 409 REPAIR_RECORD_NOT_IN_FORCE when revoked, ended or past its ' +
      'publicity end meanwhile; 422 REPAIR_TOO_EARLY (with the new earliestRepairDate) when a corrected re-import moved its minimum publicity end later. The application then stays pending.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RepairApplicationDto })
  @ApiForbiddenResponse({
    description: `${PROBLEM_DESCRIPTION}: REPAIR_WRONG_DEPARTMENT / KEY_NOT_FOR_DEPARTMENT (or SCOPE_FORBIDDEN)`,
  })
  @ApiNotFoundResponse({ description: PROBLEM_DESCRIPTION })
  @ApiConflictResponse({ description: `${PROBLEM_DESCRIPTION}: REPAIR_NOT_PENDING / REPAIR_RECORD_NOT_IN_FORCE` })
  @ApiUnprocessableEntityResponse({ description: `${PROBLEM_DESCRIPTION}: REPAIR_TOO_EARLY / REPAIR_NOT_APPLICABLE` })
  approve(
    @Param('id', uuid('id')) id: string,
    @Body() dto: ApproveRepairDto,
    @Caller() caller: Caller | undefined,
    @PendingAuditOf() audit: PendingAudit | undefined,
  ): Promise<RepairApplicationView> {
    return this.repair.approve(id, dto, caller, audit);
  }

  @Post(':id/reject')
  @Audited('repair.reject')
  @HttpCode(200)
  @UseGuards(JsonOnlyGuard)
  @ApiOperation({
    summary: 'Reject a repair application (不予信用修复)',
    description:
      'By the recognising department (with a key that acts for it, as for approval), with a reason (required). The record is unchanged; the subject may apply again. Only from pending: 409 REPAIR_NOT_PENDING otherwise.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RepairApplicationDto })
  @ApiForbiddenResponse({
    description: `${PROBLEM_DESCRIPTION}: REPAIR_WRONG_DEPARTMENT / KEY_NOT_FOR_DEPARTMENT (or SCOPE_FORBIDDEN)`,
  })
  @ApiNotFoundResponse({ description: PROBLEM_DESCRIPTION })
  @ApiConflictResponse({ description: `${PROBLEM_DESCRIPTION}: REPAIR_NOT_PENDING` })
  reject(
    @Param('id', uuid('id')) id: string,
    @Body() dto: RejectRepairDto,
    @Caller() caller: Caller | undefined,
    @PendingAuditOf() audit: PendingAudit | undefined,
  ): Promise<RepairApplicationView> {
    return this.repair.reject(id, dto, caller, audit);
  }
}
