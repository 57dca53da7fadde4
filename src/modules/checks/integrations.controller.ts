import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FIELD_PROBLEM_DESCRIPTION, FieldError, ValidationFailed } from '../../common/problem';
import { flattenValidationErrors } from '../../common/validation';
import { ApprovalSystemAdapter, MappedCheck, originOf, PayloadProblem } from '../../integrations/approval-system.port';
import { LAND_TRANSFER_PAYLOAD_EXAMPLE } from '../../integrations/land-transfer/land-transfer.adapter';
import { PROCUREMENT_PAYLOAD_EXAMPLE } from '../../integrations/procurement/procurement-system.adapter';
import { TENDERING_PAYLOAD_EXAMPLE } from '../../integrations/tendering/tendering-platform.adapter';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import { idempotencyKeyOf } from './checks.controller';
import { ChecksService } from './checks.service';
import { CheckAnswerDto } from './dto/check-answer.dto';
import { ApprovalSystemNotFound } from './checks.exception';
import { CheckRequestDto } from './dto/check-request.dto';

export const APPROVAL_SYSTEMS = Symbol('APPROVAL_SYSTEMS');

/** Approval systems call with their own payloads; an adapter maps each onto the same audited check. */
@ApiTags('integrations (业务系统对接)')
@Controller('api/v1/integrations')
export class IntegrationsController {
  constructor(
    private readonly checks: ChecksService,
    @Inject(APPROVAL_SYSTEMS) private readonly adapters: readonly ApprovalSystemAdapter[],
  ) {}

  @Post(':system/checks')
  @HttpCode(200)
  @RequireScopes('checks')
  @ApiParam({
    name: 'system',
    enum: ['tendering-platform', 'procurement-system', 'land-transfer'],
    description: 'The approval system (业务系统)',
  })
  @ApiOperation({
    summary: "A check from an approval system's own payload (业务系统原始报文核查)",
    description:
      'The payload shapes assumed for each system are documented in src/integrations/*/ and the README. The answer is the same as POST /api/v1/checks.',
  })
  @ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'Idempotency-Key: retry key (幂等键), 1–200 visible ASCII characters, no personal ID number',
    example: 'QJZB-2026-0412-open-1',
  })
  @ApiBody({
    description:
      "The approval system's own payload (业务系统原始报文), one shape per system (see the examples); a party gives its unified social credit code, or a natural person's ID number",
    schema: { type: 'object' },
    examples: {
      'tendering-platform': { summary: '公共资源交易平台·招标投标 (bid opening)', value: TENDERING_PAYLOAD_EXAMPLE },
      'procurement-system': { summary: '政府采购管理系统 (before award)', value: PROCUREMENT_PAYLOAD_EXAMPLE },
      'land-transfer': {
        summary: '国有土地使用权出让 (bidder qualification review)',
        value: LAND_TRANSFER_PAYLOAD_EXAMPLE,
      },
    },
  })
  @ApiOkResponse({
    type: CheckAnswerDto,
    description:
      'The check with a verdict per party (核查结论) and the audit receipt (审计回执), as POST /api/v1/checks answers it',
  })
  @ApiBadRequestResponse({
    description: `${FIELD_PROBLEM_DESCRIPTION}: VALIDATION_FAILED (a payload field, named as the system wrote it; Idempotency-Key)`,
  })
  @ApiNotFoundResponse({ description: 'APPROVAL_SYSTEM_NOT_FOUND: no adapter for this system' })
  @ApiForbiddenResponse({
    description: 'SCENARIO_FORBIDDEN: the key may not check the scenario of this system (or SCOPE_FORBIDDEN)',
  })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: the key was used with a different body' })
  @ApiServiceUnavailableResponse({
    description:
      'AUDIT_UNAVAILABLE or DATABASE_UNAVAILABLE: nothing was answered; retry (with the same Idempotency-Key)',
  })
  async check(
    @Caller() caller: Caller,
    @Param('system') system: string,
    @Body() payload: unknown,
    @Headers('idempotency-key') key?: string,
  ) {
    const adapter = this.adapters.find((a) => a.system === system);
    if (!adapter)
      throw new ApprovalSystemNotFound(
        system,
        this.adapters.map((a) => a.system),
      );
    let mapped: MappedCheck;
    try {
      mapped = adapter.toCheck(payload);
    } catch (e) {
      if (e instanceof PayloadProblem) throw new ValidationFailed([{ field: e.field, reason: e.reason }]);
      throw e;
    }
    // A field the check refuses is named as the approval system wrote it (bidders[1].unifiedCode, not parties[2].code).
    const inPayloadTerms = (errors: readonly FieldError[]) =>
      new ValidationFailed(errors.map((e) => ({ ...e, field: originOf(e.field, mapped.origins) })));
    const dto = plainToInstance(CheckRequestDto, mapped.request);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw inPayloadTerms(flattenValidationErrors(errors));
    return this.checks.check(caller, dto, idempotencyKeyOf(key)).catch((e: unknown) => {
      throw e instanceof ValidationFailed ? inPayloadTerms(e.errors ?? []) : e;
    });
  }
}
