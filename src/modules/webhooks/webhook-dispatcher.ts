import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { WebhooksStore, type EventRow } from './webhooks.store';

/** Events delivered per subscription and turn. */
const BATCH = 20;
/** Longest wait between two attempts of a failing subscription. */
const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * `X-Credit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`: the receiver recomputes
 * it with the shared secret and refuses a stale `t` (replay).
 */
export function signature(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** Wait before attempt `attempts + 1`: the base doubled per failure, at most ten minutes. */
export const backoffMs = (base: number, attempts: number): number =>
  Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, attempts - 1));

/**
 * Delivers the events to each subscription (事件推送): in event order, at least once (a subscription's cursor
 * moves only past an event its receiver answered 2xx), signed, with a growing wait between attempts while a
 * receiver fails. Every instance runs one; a subscription is worked on by one instance at a time (row lock).
 */
@Injectable()
export class WebhookDispatcher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly store: WebhooksStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.webhookPollMs === 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.webhookPollMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over the subscriptions that are due (the timer's; tests call it to be deterministic). */
  tick(): Promise<void> {
    this.running ??= this.pass()
      .catch((err: unknown) =>
        this.logger.warn(`webhook pass failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    for (const id of await this.store.due()) {
      await this.store.withSubscription(id, BATCH, async (m, s, events) => {
        let cursor: string | undefined;
        for (const e of events) {
          const attempt = s.attempts + 1;
          const { ok, status, error, ms } = await this.post(s.url, s.secret, e);
          await this.store.logDelivery(m, {
            subscriptionId: s.id,
            eventId: e.id,
            attempt,
            delivered: ok,
            status,
            error,
            durationMs: ms,
          });
          if (!ok) {
            if (cursor) await this.store.delivered(m, s.id, cursor);
            await this.store.failed(m, s.id, attempt, backoffMs(this.config.webhookRetryBaseMs, attempt));
            return;
          }
          cursor = e.id;
          s.attempts = 0;
        }
        if (cursor) await this.store.delivered(m, s.id, cursor);
      });
    }
  }

  private async post(
    url: string,
    secret: string,
    e: EventRow,
  ): Promise<{ ok: boolean; status: number | null; error: string | null; ms: number }> {
    const body = JSON.stringify({ id: e.id, kind: e.kind, createdAt: e.createdAt, data: e.payload });
    const started = Date.now();
    try {
      const res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'credit-supervision-engine/webhooks',
          'x-credit-event': e.kind,
          'x-credit-delivery': e.id,
          'x-credit-signature': signature(secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
      });
      await res.arrayBuffer().catch(() => undefined);
      const ok = res.status >= 200 && res.status < 300;
      return { ok, status: res.status, error: ok ? null : `HTTP ${res.status}`, ms: Date.now() - started };
    } catch (err) {
      const error = (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 200);
      return { ok: false, status: null, error, ms: Date.now() - started };
    }
  }
}
