import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { FIELD_PROBLEM_DESCRIPTION, ValidationFailed } from '../../common/problem';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import { CHECK_ANSWER_EXAMPLE, CHECK_REQUEST_EXAMPLES, FEEDBACK_EXAMPLE } from './checks.examples';
import { ChecksService } from './checks.service';
import { CheckBodyPipe, type CheckRequest } from './check-body.pipe';
import { CheckRequestDto } from './dto/check-request.dto';
import { FeedbackDto, FeedbackRatesQuery, MeasureFeedbackQuery } from './dto/feedback.dto';
import { CheckAnswerDto } from './dto/check-answer.dto';
import { FeedbackListDto, FeedbackRatesDto, MeasureFeedbackDto } from './dto/feedback-responses.dto';
import { FeedbackService } from './feedback.service';
import { scrubAllIdNumbers } from '../../common/pii';
import { uuidParam } from '../../common/uuid-param';

const uuid = uuidParam();
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function idempotencyKeyOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(raw))
    throw new ValidationFailed([{ field: 'Idempotency-Key', reason: 'must be 1–200 visible ASCII characters' }]);
  // The key is kept verbatim in the audit trail, which never holds a full ID number.
  if (scrubAllIdNumbers(raw) !== raw)
    throw new ValidationFailed([
      { field: 'Idempotency-Key', reason: 'must not contain a personal ID number (18 or 15 digits)' },
    ]);
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
  @ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'Idempotency-Key: retry key (幂等键), 1–200 visible ASCII characters, no personal ID number',
    example: 'QJZB-2026-0412-open-1',
  })
  @ApiBody({ type: CheckRequestDto, examples: CHECK_REQUEST_EXAMPLES })
  @ApiOkResponse({
    type: CheckAnswerDto,
    description: 'The check with a verdict per party (核查结论) and the audit receipt (审计回执)',
    example: CHECK_ANSWER_EXAMPLE,
  })
  @ApiBadRequestResponse({
    description: `${FIELD_PROBLEM_DESCRIPTION}: VALIDATION_FAILED (body, scenario, parties, Idempotency-Key)`,
  })
  @ApiForbiddenResponse({ description: 'SCENARIO_FORBIDDEN: the key may not check this scenario (or SCOPE_FORBIDDEN)' })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: the key was used with a different body' })
  @ApiServiceUnavailableResponse({
    description:
      'AUDIT_UNAVAILABLE or DATABASE_UNAVAILABLE: nothing was answered; retry (with the same Idempotency-Key)',
  })
  check(@Caller() caller: Caller, @Body(CheckBodyPipe) body: CheckRequest, @Headers('idempotency-key') key?: string) {
    return this.checks.check(caller, body, idempotencyKeyOf(key));
  }

  @Get('feedback-rates')
  @RequireScopes('feedback', 'audit')
  @ApiOperation({
    summary: 'Feedback rates per caller and scenario (反馈率): checks with measures, and how many were reported back',
  })
  @ApiOkResponse({
    type: FeedbackRatesDto,
    description: 'Per caller and scenario: checks, checks with measures, checks with feedback, feedbackRate',
  })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: from / to not a calendar date` })
  rates(@Query() q: FeedbackRatesQuery) {
    return this.feedback.rates(q.from, q.to).then((items) => ({ from: q.from ?? null, to: q.to ?? null, items }));
  }

  @Get('measure-feedback')
  @RequireScopes('feedback', 'audit')
  @ApiOperation({
    summary:
      'Per 信易+ scenario and measure (信易+ 场景反馈统计): how many checks offered it and how many callers reported applying it',
  })
  @ApiOkResponse({
    type: MeasureFeedbackDto,
    description: 'Every measure of every scenario of the programme, with offered / applied / notApplied counts',
  })
  @ApiBadRequestResponse({
    description: `${FIELD_PROBLEM_DESCRIPTION}: from / to not a calendar date, programme not xinyi_plus`,
  })
  measureFeedback(@Query() q: MeasureFeedbackQuery) {
    const programme = q.programme ?? 'xinyi_plus';
    return this.feedback
      .measureFeedback(programme, q.from, q.to)
      .then((items) => ({ programme, from: q.from ?? null, to: q.to ?? null, items }));
  }

  @Get(':id')
  @RequireScopes('checks')
  @ApiOperation({ summary: 'A check as it was answered (核查结果), for the caller that made it' })
  @ApiOkResponse({
    type: CheckAnswerDto,
    description: 'The answer as it was given, with its audit receipt and replayed: true',
  })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: id is not a UUID` })
  @ApiNotFoundResponse({ description: "CHECK_NOT_FOUND: no such check, or another caller's" })
  get(@Caller() caller: Caller, @Param('id', uuid) id: string) {
    return this.checks.get(caller, id);
  }

  @Post(':id/feedback')
  @HttpCode(201)
  @RequireScopes('feedback')
  @ApiOperation({
    summary: 'Report back what was applied (结果反馈): per measure, applied or not with the reason, and the outcome',
  })
  @ApiBody({ type: FeedbackDto, examples: { feedback: { value: FEEDBACK_EXAMPLE } } })
  @ApiCreatedResponse({ type: FeedbackListDto, description: 'Stored and audited: every report on the check so far' })
  @ApiBadRequestResponse({
    description: `${FIELD_PROBLEM_DESCRIPTION}: a measure or party the check did not answer, or a malformed item`,
  })
  @ApiNotFoundResponse({ description: "CHECK_NOT_FOUND: no such check, or another caller's" })
  report(@Caller() caller: Caller, @Param('id', uuid) id: string, @Body() body: FeedbackDto) {
    return this.feedback.record(caller, id, body);
  }

  @Get(':id/feedback')
  @RequireScopes('feedback', 'checks')
  @ApiOperation({ summary: 'The feedback reported on a check (反馈记录), oldest first' })
  @ApiOkResponse({ type: FeedbackListDto, description: 'The reports on the check, oldest first' })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: id is not a UUID` })
  @ApiNotFoundResponse({ description: "CHECK_NOT_FOUND: no such check, or another caller's" })
  listFeedback(@Caller() caller: Caller, @Param('id', uuid) id: string) {
    return this.feedback.list(caller, id);
  }
}
