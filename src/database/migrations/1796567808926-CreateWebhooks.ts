import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events out (事件推送): subscriptions of the systems that depend on tiers, repair decisions and list entries;
 * the events, written in the transaction of the change they announce (an outbox); and every delivery attempt.
 * A subscription's cursor is the last event delivered to it: delivery is at least once, in event order.
 */
export class CreateWebhooks1796567808926 implements MigrationInterface {
  readonly name = 'CreateWebhooks1796567808926';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE webhook_events (
      id bigserial PRIMARY KEY,
      kind text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE webhook_subscriptions (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      url text NOT NULL,
      secret text NOT NULL,
      events text[] NOT NULL,
      active boolean NOT NULL DEFAULT true,
      cursor bigint NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE webhook_deliveries (
      id bigserial PRIMARY KEY,
      subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
      event_id bigint NOT NULL REFERENCES webhook_events(id),
      attempt integer NOT NULL,
      delivered boolean NOT NULL,
      status integer,
      error text,
      duration_ms integer NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_subscriptions`);
    await q.query(`DROP TABLE webhook_events`);
  }
}
