import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WebhookDispatcher } from '../../src/modules/webhooks/webhook-dispatcher';
import { stageEvents } from '../../src/modules/webhooks/webhooks.store';
import type { Dto } from '../helpers/api-types';
import { http, type TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';
import { Receiver } from '../helpers/webhook-receiver';

/**
 * Two transactions stage events at once and commit in the other order than they staged (PostgreSQL server only:
 * the embedded database is one session, where transactions cannot overlap — jest.config.js leaves this file out
 * there). Event ids are handed out in commit order (the events' lock), so a dispatcher that moved its cursor past an
 * event never finds an older one appear behind it: every event is delivered, once, in commit order.
 */
describe('webhooks: events of transactions committing out of order are all delivered', () => {
  let t: TestApp;
  let ds: DataSource;
  let dispatcher: WebhookDispatcher;
  const receiver = new Receiver();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const event = (n: number) => ({ kind: 'tier.changed' as const, payload: { n } });
  const rows = async () =>
    (await ds.query<Array<{ payload: { n: number } }>>(`SELECT payload FROM webhook_events ORDER BY id`)).map(
      (r) => r.payload.n,
    );

  beforeAll(async () => {
    await receiver.start();
    t = await startIsolatedTestApp({ WEBHOOK_POLL_MS: '0' });
    ds = t.app.get(DataSource);
    dispatcher = t.app.get(WebhookDispatcher);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('keeps no event nobody subscribed to', async () => {
    await ds.transaction((m) => stageEvents(m, [event(0)]));
    expect(await rows()).toEqual([]);
  });

  it('the first to stage commits last: the second waits for it, and both arrive in commit order', async () => {
    const created = await http<Dto<'WebhookDto'>>(t.url, 'POST', '/api/v1/webhooks', {
      name: `order-${randomUUID().slice(0, 8)}`,
      url: receiver.url,
      events: ['tier.changed'],
      secret: `whsec-${randomUUID()}${randomUUID()}`,
    });
    expect(created.status).toBe(201);

    const first = ds.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    await stageEvents(first.manager, [event(1)]);
    // The second transaction stages and commits while the first is still open.
    let secondDone = false;
    const second = ds.transaction((m) => stageEvents(m, [event(2)])).then(() => (secondDone = true));
    await sleep(400);
    await dispatcher.tick();
    // Nothing is visible yet: the second's id waits for the first's commit (else it would be delivered here, and the
    // cursor moved past the first's smaller id for good).
    expect({ secondDone, delivered: receiver.got.length }).toEqual({ secondDone: false, delivered: 0 });

    await first.commitTransaction();
    await first.release();
    await second;
    await dispatcher.tick();
    expect(receiver.got.map((g) => g.event.data.n)).toEqual([1, 2]);
    expect(await rows()).toEqual([1, 2]);

    await dispatcher.tick();
    expect(receiver.got).toHaveLength(2); // once each
  });
});
