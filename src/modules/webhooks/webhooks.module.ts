import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookRetention } from './webhook-retention';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';
import { WebhooksStore } from './webhooks.store';

/**
 * Events out (事件推送): subscriptions, the event outbox and its delivery. Other modules stage events in their
 * own transactions with `stageEvents` (webhooks.store.ts) and import nothing else of this module.
 */
@Module({
  imports: [AuditModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhooksStore, WebhookDispatcher, WebhookRetention],
  exports: [WebhookDispatcher, WebhookRetention],
})
export class WebhooksModule {}
