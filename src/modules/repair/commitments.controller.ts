import { Body, Controller, Get, Param, Post, UseGuards, UseInterceptors } from '@nestjs/common';
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
import { CommitmentsService, type CommitmentOutcomeResult } from './commitments.service';
import { CommitmentOutcomeDto, CommitmentOutcomeResultDto } from './dto/commitment-outcome.dto';
import type { PendingAudit } from '../audit/audit-outbox';
import { uuidParam } from '../../common/uuid-param';
import { PROBLEM_DESCRIPTION } from '../../common/problem';

@ApiTags('credit commitments (信用承诺)')
@RequireScopes('records', 'repair')
@Controller('api/v1/records/:id/commitment-outcome')
@UseInterceptors(AuditedInterceptor)
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Post()
  @Audited('commitment.outcome')
  @UseGuards(JsonOnlyGuard)
  @ApiOperation({
    summary: 'Record whether a credit commitment was fulfilled or breached (记录信用承诺履行情况)',
    description:
      'For a pending commitment record, by the department that accepted it (its source). A breach (违背承诺 / 虚假承诺) sets the record to breached with its date and ' +
      "the legal basis 国办发〔2020〕42号: it is then negative information in force. The pack of the commitment's own industry counts it " +
      "(industryCommitmentsBreachedLast36Months, 本行业近36个月违背信用承诺次数), so the subject's tier in that industry falls (when the industry supervises it; " +
      "other industries' tiers do not), and checks deny notify-and-commit (不适用告知承诺制) until it is repaired " +
      '(POST /api/v1/repair-applications for this record). Once per commitment: 409 COMMITMENT_ALREADY_DECIDED.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The commitment record (信用承诺记录)' })
  @ApiBody({
    type: CommitmentOutcomeDto,
    examples: {
      breach: {
        value: {
          outcome: 'breached',
          kind: 'notify_and_commit',
          date: '2026-05-20',
          department: '綦江区消防救援支队',
          reason: '核查发现承诺的消防安全条件与实际不符，属虚假承诺。',
        },
      },
      fulfilment: {
        value: {
          outcome: 'fulfilled',
          kind: 'voluntary',
          date: '2026-05-20',
          department: '綦江区市场监督管理局',
          reason: '按承诺完成整改并通过复查。',
        },
      },
    },
  })
  @ApiCreatedResponse({
    type: CommitmentOutcomeResultDto,
    description: 'The outcome and the commitment record after it',
  })
  @ApiBadRequestResponse({ description: `${PROBLEM_DESCRIPTION} naming each field` })
  @ApiForbiddenResponse({
    description: `${PROBLEM_DESCRIPTION}: REPAIR_WRONG_DEPARTMENT (not the accepting department) / KEY_NOT_FOR_DEPARTMENT (the key does not act for it)`,
  })
  @ApiNotFoundResponse({ description: `${PROBLEM_DESCRIPTION}: RECORD_NOT_FOUND` })
  @ApiConflictResponse({ description: `${PROBLEM_DESCRIPTION}: COMMITMENT_ALREADY_DECIDED` })
  @ApiUnprocessableEntityResponse({
    description: `${PROBLEM_DESCRIPTION}: COMMITMENT_NOT_APPLICABLE (not a commitment record)`,
  })
  record(
    @Param('id', uuidParam()) id: string,
    @Body() dto: CommitmentOutcomeDto,
    @Caller() caller: Caller | undefined,
    @PendingAuditOf() audit: PendingAudit | undefined,
  ): Promise<CommitmentOutcomeResult> {
    return this.commitments.record(id, dto, caller, audit);
  }

  @Get()
  @ApiOperation({ summary: "A commitment's recorded outcome (信用承诺履行情况)" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CommitmentOutcomeResultDto, description: 'The outcome and the commitment record' })
  @ApiNotFoundResponse({ description: `${PROBLEM_DESCRIPTION}: RECORD_NOT_FOUND / COMMITMENT_OUTCOME_NOT_FOUND` })
  get(@Param('id', uuidParam()) id: string): Promise<CommitmentOutcomeResult> {
    return this.commitments.get(id);
  }
}
