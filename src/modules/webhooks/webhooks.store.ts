import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WebhookEventKind } from './webhook-events';

/** An event to announce, staged in the transaction of the change it announces. */
export interface StagedEvent {
  readonly kind: WebhookEventKind;
  readonly payload: Record<string, unknown>;
}

/**
 * Stage events in the caller's transaction (the outbox): they exist exactly when the change committed. Other
 * modules call this with their own transaction's manager, as they stage audit changes.
 */
export async function stageEvents(m: EntityManager, events: readonly StagedEvent[]): Promise<void> {
  if (events.length === 0) return;
  await m.query(
    `INSERT INTO webhook_events (kind, payload)
     SELECT x.kind, x.payload FROM jsonb_to_recordset($1::jsonb) AS x(kind text, payload jsonb)`,
    [JSON.stringify(events)],
  );
}

export interface SubscriptionRow {
  id: string;
  name: string;
  url: string;
  events: string[];
  active: boolean;
  cursor: string;
  attempts: number;
  nextAttemptAt: string;
  createdBy: string;
  createdAt: string;
}
export interface EventRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: string;
}
export interface DeliveryRow {
  id: string;
  eventId: string;
  attempt: number;
  delivered: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
  at: string;
}

const SUBSCRIPTION = `id, name, url, events, active, cursor::text AS cursor, attempts, next_attempt_at AS "nextAttemptAt",
  created_by AS "createdBy", created_at AS "createdAt"`;

/** SQL of webhook_subscriptions, webhook_events and webhook_deliveries. */
@Injectable()
export class WebhooksStore {
  constructor(readonly ds: DataSource) {}

  /** A new subscription starts after the newest event: it is told what happens from now on. */
  async create(s: { id: string; name: string; url: string; secret: string; events: string[]; createdBy: string }) {
    const rows: SubscriptionRow[] = await this.ds.query(
      `INSERT INTO webhook_subscriptions (id, name, url, secret, events, cursor, created_by)
       VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(id), 0) FROM webhook_events), $6)
       ON CONFLICT (name) DO NOTHING RETURNING ${SUBSCRIPTION}`,
      [s.id, s.name, s.url, s.secret, s.events, s.createdBy],
    );
    return rows[0];
  }

  list(): Promise<SubscriptionRow[]> {
    return this.ds.query(`SELECT ${SUBSCRIPTION} FROM webhook_subscriptions ORDER BY created_at, name`);
  }

  async setActive(id: string, active: boolean): Promise<SubscriptionRow | undefined> {
    // TypeORM answers an UPDATE … RETURNING as [rows, affected].
    const [rows]: [SubscriptionRow[], number] = await this.ds.query(
      `UPDATE webhook_subscriptions SET active = $2, attempts = 0, next_attempt_at = now() WHERE id = $1
       RETURNING ${SUBSCRIPTION}`,
      [id, active],
    );
    return rows[0];
  }

  deliveries(subscriptionId: string, limit: number): Promise<DeliveryRow[]> {
    return this.ds.query(
      `SELECT id::text AS id, event_id::text AS "eventId", attempt, delivered, status, error, duration_ms AS "durationMs", at
       FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY id DESC LIMIT $2`,
      [subscriptionId, limit],
    );
  }

  /** Active subscriptions whose next attempt is due and that have events waiting. */
  async due(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT s.id FROM webhook_subscriptions s
       WHERE s.active AND s.next_attempt_at <= now()
         AND EXISTS (SELECT 1 FROM webhook_events e WHERE e.id > s.cursor AND e.kind = ANY(s.events))`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Work on one subscription under its row lock (one instance at a time; another instance skips it), with its
   * secret and the next events it is to receive.
   */
  withSubscription<T>(
    id: string,
    batch: number,
    work: (m: EntityManager, s: SubscriptionRow & { secret: string }, events: EventRow[]) => Promise<T>,
  ): Promise<T | undefined> {
    return this.ds.transaction(async (m) => {
      const [s]: Array<SubscriptionRow & { secret: string }> = await m.query(
        `SELECT ${SUBSCRIPTION}, secret FROM webhook_subscriptions
         WHERE id = $1 AND active AND next_attempt_at <= now() FOR UPDATE SKIP LOCKED`,
        [id],
      );
      if (!s) return undefined;
      const events: EventRow[] = await m.query(
        `SELECT id::text AS id, kind, payload, created_at AS "createdAt" FROM webhook_events
         WHERE id > $1 AND kind = ANY($2::text[]) ORDER BY id LIMIT $3`,
        [s.cursor, s.events, batch],
      );
      return work(m, s, events);
    });
  }

  async logDelivery(
    m: EntityManager,
    d: {
      subscriptionId: string;
      eventId: string;
      attempt: number;
      delivered: boolean;
      status: number | null;
      error: string | null;
      durationMs: number;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_id, attempt, delivered, status, error, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [d.subscriptionId, d.eventId, d.attempt, d.delivered, d.status, d.error, d.durationMs],
    );
  }

  async delivered(m: EntityManager, id: string, cursor: string): Promise<void> {
    await m.query(`UPDATE webhook_subscriptions SET cursor = $2, attempts = 0, next_attempt_at = now() WHERE id = $1`, [
      id,
      cursor,
    ]);
  }

  async failed(m: EntityManager, id: string, attempts: number, retryInMs: number): Promise<void> {
    await m.query(
      `UPDATE webhook_subscriptions SET attempts = $2, next_attempt_at = now() + make_interval(secs => $3::float / 1000)
       WHERE id = $1`,
      [id, attempts, retryInMs],
    );
  }
}
