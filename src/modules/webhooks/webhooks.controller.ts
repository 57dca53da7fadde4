import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { JsonOnlyGuard } from '../../common/json-only.guard';
import { FIELD_PROBLEM_DESCRIPTION, PROBLEM_DESCRIPTION, ValidationFailed } from '../../common/problem';
import { uuidParam } from '../../common/uuid-param';
import { Audited, AuditedInterceptor } from '../audit/audited.interceptor';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import { CreateWebhookDto, WebhookDeliveryListDto, WebhookDto, WebhookListDto } from './dto/webhooks.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks (事件推送)')
@RequireScopes('admin')
@Controller('api/v1/webhooks')
@UseInterceptors(AuditedInterceptor)
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({
    summary: 'Subscriptions (事件订阅列表), with where each stands: cursor, failed attempts, next attempt',
  })
  @ApiOkResponse({ type: WebhookListDto })
  list() {
    return this.webhooks.list();
  }

  @Post()
  @UseGuards(JsonOnlyGuard)
  @Audited('webhook.create')
  @ApiOperation({
    summary: 'Subscribe a system to events (新建事件订阅): tier.changed, repair.decided, list.entered',
    description:
      'Events that happen from now on are POSTed to `url` as JSON `{id, kind, createdAt, data}`, in order, at least once (a receiver must ignore an `id` it has seen), signed `X-Credit-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. A failing receiver is retried with a doubling wait (at most 10 minutes); events wait for it. Audited (webhook.create; the secret is never stored in the trail). docs/webhooks.md.',
  })
  @ApiCreatedResponse({ type: WebhookDto })
  @ApiBadRequestResponse({ description: `VALIDATION_FAILED (name, url, events, secret): ${FIELD_PROBLEM_DESCRIPTION}` })
  @ApiConflictResponse({ description: `WEBHOOK_NAME_TAKEN: ${PROBLEM_DESCRIPTION}` })
  create(@Body() body: CreateWebhookDto, @Caller() caller: Caller | undefined) {
    return this.webhooks.create(caller, body);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Audited('webhook.pause')
  @ApiOperation({ summary: 'Pause deliveries (暂停推送): events keep, and are delivered when resumed' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ description: `WEBHOOK_NOT_FOUND: ${PROBLEM_DESCRIPTION}` })
  pause(@Param('id', uuidParam('id')) id: string) {
    return this.webhooks.setActive(id, false);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Audited('webhook.resume')
  @ApiOperation({ summary: 'Resume deliveries (恢复推送), at once (the wait of a failing receiver is reset)' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ description: `WEBHOOK_NOT_FOUND: ${PROBLEM_DESCRIPTION}` })
  resume(@Param('id', uuidParam('id')) id: string) {
    return this.webhooks.setActive(id, true);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Delivery log (投递记录): every attempt, newest first, with status or error' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  @ApiNotFoundResponse({ description: `WEBHOOK_NOT_FOUND: ${PROBLEM_DESCRIPTION}` })
  deliveries(@Param('id', uuidParam('id')) id: string, @Query('limit') limit?: string) {
    const n = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 500)
      throw new ValidationFailed([{ field: 'limit', reason: 'must be a whole number from 1 to 500' }]);
    return this.webhooks.deliveries(id, n);
  }
}
