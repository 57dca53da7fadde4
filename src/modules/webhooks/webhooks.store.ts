import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WebhookEventKind } from './webhook-events';

/** An event to announce, staged in the transaction of the change it announces. */
export interface StagedEvent {
  readonly kind: WebhookEventKind;
  readonly payload: Record<string, unknown>;
}

/**
 * The events' lock: a transaction that stages events holds it from the staging to its commit, so event ids are
 * handed out in commit order. Without it an id could become visible after a larger one (T1 takes id 10, T2 takes 11
 * and commits first): a dispatcher that delivered 11 and moved its cursor past it would never deliver 10.
 */
export const WEBHOOK_EVENTS_LOCK_KEY = 0x77686576; // 'whev'

/**
 * Stage events in the caller's transaction (the outbox): they exist exactly when the change committed. Other
 * modules call this with their own transaction's manager, as they stage audit changes, and as the transaction's
 * last statement: it takes the events' lock, held until the commit (a statement after it would hold everyone
 * else's staging behind its own waits). Only events some subscription (active or paused) wants are kept; a
 * subscription is created under the same lock, so it is told of exactly the changes staged after it.
 */
export async function stageEvents(m: EntityManager, events: readonly StagedEvent[]): Promise<void> {
  if (events.length === 0) return;
  await m.query(`SELECT pg_advisory_xact_lock($1)`, [WEBHOOK_EVENTS_LOCK_KEY]);
  await m.query(
    `INSERT INTO webhook_events (kind, payload)
     SELECT a.e->>'kind', a.e->'payload' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(e, n)
     WHERE EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE a.e->>'kind' = ANY(s.events))
     ORDER BY a.n`,
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

/** Rows older than `$1` days by the database's clock. */
const OLDER = (column: string) => `${column} < now() - make_interval(days => $1::int)`;

/** The row count of a DELETE, as TypeORM answers it ([rows, count]). */
const deleted = (result: unknown): number => (result as [unknown[], number])[1];

/** A subscription that has events waiting past the retention (a paused one, or one whose receiver fails). */
export interface HoldingSubscription {
  name: string;
  active: boolean;
  oldestAt: string;
}

const SUBSCRIPTION = `id, name, url, events, active, cursor::text AS cursor, attempts, next_attempt_at AS "nextAttemptAt",
  created_by AS "createdBy", created_at AS "createdAt"`;

/** SQL of webhook_subscriptions, webhook_events and webhook_deliveries. */
@Injectable()
export class WebhooksStore {
  constructor(readonly ds: DataSource) {}

  /** A new subscription starts after the newest event: it is told what happens from now on. */
  async create(s: { id: string; name: string; url: string; secret: string; events: string[]; createdBy: string }) {
    return this.ds.transaction(async (m) => {
      // Under the events' lock: no staging is between its decision to keep an event and its commit.
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [WEBHOOK_EVENTS_LOCK_KEY]);
      const rows: SubscriptionRow[] = await m.query(
        `INSERT INTO webhook_subscriptions (id, name, url, secret, events, cursor, created_by)
         VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(id), 0) FROM webhook_events), $6)
         ON CONFLICT (name) DO NOTHING RETURNING ${SUBSCRIPTION}`,
        [s.id, s.name, s.url, s.secret, s.events, s.createdBy],
      );
      return rows[0];
    });
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

  /**
   * Retention (事件保留期), each call one bounded statement (the sweep repeats it until it deletes nothing); two
   * instances sweeping at once share the rows (SKIP LOCKED: neither waits for, nor fails on, the other's), and an
   * event a delivery attempt is being written for right now (its key locked) is left to the next sweep. Answers
   * the rows deleted.
   *
   * Delivery attempts older than `days` (they reference their event: deleted first).
   */
  async deleteOldDeliveries(days: number, limit: number): Promise<number> {
    return deleted(
      await this.ds.query(
        `DELETE FROM webhook_deliveries WHERE id IN (
           SELECT id FROM webhook_deliveries WHERE ${OLDER('at')} ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [days, limit],
      ),
    );
  }

  /**
   * Events older than `days` that no subscription is still to receive — for each subscription, active or paused,
   * the event is at or before its cursor, or of a kind it does not subscribe to (a subscription's kinds never
   * change) — and that no delivery attempt kept still names. Events after `afterId` only (the sweep goes on
   * from the last one it deleted, not over the events it keeps again); the ids deleted.
   */
  async deleteDeliveredEvents(days: number, afterId: string, limit: number): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await this.ds.query(
      `DELETE FROM webhook_events WHERE id IN (
         SELECT e.id FROM webhook_events e
         WHERE e.id > $3::bigint AND ${OLDER('e.created_at')}
           AND NOT EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE e.id > s.cursor AND e.kind = ANY(s.events))
           AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)
         ORDER BY e.id LIMIT $2 FOR UPDATE OF e SKIP LOCKED)
       RETURNING id::text AS id`,
      [days, limit, afterId],
    );
    return rows.map((r) => r.id);
  }

  /** Subscriptions whose oldest event still to receive is older than `days` (they keep it from being deleted). */
  holding(days: number): Promise<HoldingSubscription[]> {
    return this.ds.query(
      `SELECT name, active, oldest AS "oldestAt" FROM (
         SELECT s.name, s.active, (SELECT e.created_at FROM webhook_events e
           WHERE e.id > s.cursor AND e.kind = ANY(s.events) ORDER BY e.id LIMIT 1) AS oldest
         FROM webhook_subscriptions s) x
       WHERE ${OLDER('oldest')} ORDER BY name`,
      [days],
    );
  }
}
