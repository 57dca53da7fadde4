import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ValidationFailed } from '../../common/problem';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import { CHECK_EXAMPLE, FEEDBACK_EXAMPLE } from './checks.examples';
import { ChecksService } from './checks.service';
import { CheckRequestDto } from './dto/check-request.dto';
import { FeedbackDto, FeedbackRatesQuery } from './dto/feedback.dto';
import { FeedbackService } from './feedback.service';
import { scrubIdNumbers } from '../../common/pii';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new ValidationFailed([{ field: 'id', reason: 'must be a UUID' }]) });
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function idempotencyKeyOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(raw)) throw new ValidationFailed([{ field: 'Idempotency-Key', reason: 'must be 1–200 visible ASCII characters' }]);
  // The key is kept verbatim in the audit trail, which never holds a full ID number.
  if (scrubIdNumbers(raw) !== raw) throw new ValidationFailed([{ field: 'Idempotency-Key', reason: 'must not contain a personal ID number' }]);
  return raw;
}

@ApiTags('checks (逢办必查)')
@Controller('api/v1/checks')
export class ChecksController {
  constructor(
    private readonly checks: ChecksService,
    private readonly feedback: FeedbackService,
  ) {}

  @Post()
  @HttpCode(200)
  @RequireScopes('checks')
  @ApiOperation({
    summary: 'Check every party of a transaction (逢办必查): measures with legal basis and the records behind them',
    description:
      'For each party: a verdict (block 禁止 / restrict 限制 / scrutinise 重点审查 / reward 激励 / pass 通过), the joint punishment ' +
      'or incentive measures (联合奖惩措施) with their legal basis (法律依据) and implementing departments, the records in force that ' +
      'triggered each (with their publicity window), the tiers used, and the rule versions. A party with no records passes. The answer ' +
      'is given only once its audit entry is committed (the receipt is in `audit`); if the audit trail cannot be written the answer is ' +
      '503, never a pass. Send an `Idempotency-Key` to make retries safe: the same key and body return the first answer ' +
      '(`replayed: true`) and write nothing; the same key with another body is 422.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry key (幂等键), 1–200 visible ASCII characters', example: 'QJZB-2026-0412-open-1' })
  @ApiBody({ type: CheckRequestDto, examples: { tendering: { value: CHECK_EXAMPLE } } })
  @ApiOkResponse({ description: 'The check with a verdict per party and the audit receipt' })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: the key was used with a different body' })
  check(@Caller() caller: Caller, @Body() body: CheckRequestDto, @Headers('idempotency-key') key?: string) {
    return this.checks.check(caller, body, idempotencyKeyOf(key));
  }

  @Get('feedback-rates')
  @RequireScopes('feedback', 'audit')
  @ApiOperation({ summary: 'Feedback rates per caller and scenario (反馈率): checks with measures, and how many were reported back' })
  rates(@Query() q: FeedbackRatesQuery) {
    return this.feedback.rates(q.from, q.to).then((items) => ({ from: q.from ?? null, to: q.to ?? null, items }));
  }

  @Get(':id')
  @RequireScopes('checks')
  @ApiOperation({ summary: 'A check as it was answered (核查结果), for the caller that made it' })
  get(@Caller() caller: Caller, @Param('id', uuid) id: string) {
    return this.checks.get(caller, id);
  }

  @Post(':id/feedback')
  @HttpCode(201)
  @RequireScopes('feedback')
  @ApiOperation({ summary: 'Report back what was applied (结果反馈): per measure, applied or not with the reason, and the outcome' })
  @ApiBody({ type: FeedbackDto, examples: { feedback: { value: FEEDBACK_EXAMPLE } } })
  report(@Caller() caller: Caller, @Param('id', uuid) id: string, @Body() body: FeedbackDto) {
    return this.feedback.record(caller, id, body);
  }

  @Get(':id/feedback')
  @RequireScopes('feedback', 'checks')
  @ApiOperation({ summary: 'The feedback reported on a check (反馈记录), oldest first' })
  listFeedback(@Caller() caller: Caller, @Param('id', uuid) id: string) {
    return this.feedback.list(caller, id);
  }
}
