import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ValidationFailed } from '../../common/problem';
import { flattenValidationErrors } from '../../common/validation';
import { ApprovalSystemAdapter, PayloadProblem } from '../../integrations/approval-system.port';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import { idempotencyKeyOf } from './checks.controller';
import { ChecksService } from './checks.service';
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
  @ApiParam({ name: 'system', enum: ['tendering-platform', 'procurement-system', 'land-transfer'], description: 'The approval system (业务系统)' })
  @ApiOperation({
    summary: "A check from an approval system's own payload (业务系统原始报文核查)",
    description: 'The payload shapes assumed for each system are documented in src/integrations/*/ and the README. The answer is the same as POST /api/v1/checks.',
  })
  async check(@Caller() caller: Caller, @Param('system') system: string, @Body() payload: unknown, @Headers('idempotency-key') key?: string) {
    const adapter = this.adapters.find((a) => a.system === system);
    if (!adapter) throw new ValidationFailed([{ field: 'system', reason: `must be one of ${this.adapters.map((a) => a.system).join(', ')}` }]);
    let mapped: unknown;
    try {
      mapped = adapter.toCheck(payload);
    } catch (e) {
      if (e instanceof PayloadProblem) throw new ValidationFailed([{ field: e.field, reason: e.reason }]);
      throw e;
    }
    const dto = plainToInstance(CheckRequestDto, mapped);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw new ValidationFailed(flattenValidationErrors(errors));
    return this.checks.check(caller, dto, idempotencyKeyOf(key));
  }
}
