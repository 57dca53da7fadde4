import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of events out (src/modules/webhooks/webhook-retention.ts) deletes events no delivery attempt names:
 * the attempts by event, which the foreign key's own check on each deleted event also reads (without the index,
 * a scan of every attempt kept per event deleted).
 */
export class WebhookDeliveriesByEvent1796583600000 implements MigrationInterface {
  readonly name = 'WebhookDeliveriesByEvent1796583600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX webhook_deliveries_event`);
  }
}
