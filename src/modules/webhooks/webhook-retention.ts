import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { deleteInBatches, PeriodicSweep, type PrunedObserver } from '../../common/periodic-sweep';
import { WebhooksStore } from './webhooks.store';

/** Rows one sweep deleted. */
export interface WebhooksPruned {
  readonly deliveries: number;
  readonly events: number;
}

/** Ids per statement. */
const BATCH = 1000;

/**
 * Retention of events out (事件保留期). Every WEBHOOK_PRUNE_MS (`0`: not on this instance) a sweep deletes the
 * delivery attempts older than WEBHOOK_EVENTS_RETENTION_DAYS, then the events older than that which no
 * subscription is still to receive: every subscription, active or paused, has its cursor at or past the event,
 * or does not subscribe to its kind. A paused subscription, or one whose receiver keeps failing, therefore keeps
 * the events it has not received, however old, and gets them when it resumes, in order and without a gap (the
 * sweep names it in a warning); with no subscription at all, events older than the retention go. A new
 * subscription starts after the newest event, so it never waits for an older one. Statements of at most
 * 1,000 ids, repeated; instances sweeping together delete each row once.
 */
@Injectable()
export class WebhookRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private readonly observers: PrunedObserver[] = [];
  private readonly timer = new PeriodicSweep('webhook events retention sweep', this.logger, () => this.sweep());

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: WebhooksStore,
  ) {}

  onApplicationBootstrap(): void {
    this.timer.start(this.config.webhookPruneMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.timer.stop();
  }

  /** Tell `observer` of the rows each sweep deletes (/metrics). */
  onPruned(observer: PrunedObserver): void {
    this.observers.push(observer);
  }

  /** One sweep (the timer's; tests call it): what it deleted. */
  async sweep(batch = BATCH): Promise<WebhooksPruned> {
    const days = this.config.webhookEventsRetentionDays;
    const deliveries = await deleteInBatches(() => this.store.deleteOldDeliveries(days, batch));
    let after = '0';
    const events = await deleteInBatches(async () => {
      const ids = await this.store.deleteDeliveredEvents(days, after, batch);
      if (ids.length) after = ids.reduce((a, b) => (BigInt(a) > BigInt(b) ? a : b));
      return ids.length;
    });
    for (const observe of this.observers) {
      observe('webhook_deliveries', deliveries);
      observe('webhook_events', events);
    }
    if (deliveries + events > 0)
      this.logger.log(
        `deleted ${events} event(s) and ${deliveries} delivery attempt(s) older than ${days} days (WEBHOOK_EVENTS_RETENTION_DAYS)`,
      );
    for (const s of await this.store.holding(days))
      this.logger.warn(
        `subscription ${s.name} (${s.active ? 'active' : 'paused'}) has not received events older than ${days} days: they are kept until it does (the oldest of ${new Date(s.oldestAt).toISOString()})`,
      );
    return { deliveries, events };
  }
}
