import { createHmac, randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import type { ProblemDetails } from '../../src/common/problem';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { WebhookDispatcher } from '../../src/modules/webhooks/webhook-dispatcher';
import type { Dto } from '../helpers/api-types';
import { http, type TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';
import { uscc } from '../helpers/identifiers';
import { Receiver } from '../helpers/webhook-receiver';

type Webhook = Dto<'WebhookDto'>;
type Ingested = Dto<'IngestOneResultDto'>;

/**
 * Events out (事件推送): a tendering platform subscribes to list entries, tier changes and repair decisions; its
 * receiver is down for two attempts and recovers. Every event arrives, in order, signed; the delivery log shows
 * the failed attempts with their status; a paused subscription keeps its events until resumed.
 */
describe('webhooks: signed events, retried with backoff while the receiver is down', () => {
  let t: TestApp;
  let dispatcher: WebhookDispatcher;
  const receiver = new Receiver();
  const secret = `whsec-${randomUUID()}${randomUUID()}`;
  const department = `綦江区市场监督管理局-${randomUUID().slice(0, 6)}`;
  let subscriptionId = '';
  const post = <T>(path: string, body: unknown) => http<T>(t.url, 'POST', path, body);
  const deliveries = async () =>
    (
      await http<{
        items: Array<{ eventId: string; attempt: number; delivered: boolean; status: number | null; at: string }>;
      }>(t.url, 'GET', `/api/v1/webhooks/${subscriptionId}/deliveries`)
    ).body;

  beforeAll(async () => {
    await receiver.start();
    // The timer is off: the test turns the dispatcher itself, so that each attempt is seen.
    // A database of its own: a subscription is told of every tier change, other files' too.
    t = await startIsolatedTestApp({ WEBHOOK_POLL_MS: '0', WEBHOOK_RETRY_BASE_MS: '400' });
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    dispatcher = t.app.get(WebhookDispatcher);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('refuses a bad subscription naming the field, and a name twice', async () => {
    const good = { name: `zb-${randomUUID().slice(0, 8)}`, url: receiver.url, events: ['list.entered'], secret };
    for (const [field, bad] of [
      ['url', { ...good, url: 'ftp://example.org/x' }],
      ['events', { ...good, events: ['tier.exploded'] }],
      ['secret', { ...good, secret: 'short' }],
      ['name', { ...good, name: 'Has Spaces' }],
    ] as const) {
      const res = await post<ProblemDetails>('/api/v1/webhooks', bad);
      expect({
        field,
        status: res.status,
        fields: res.body.errors?.map((e) => e.field),
      }).toEqual({
        field,
        status: 400,
        fields: [field],
      });
    }
    const first = await post<Webhook>('/api/v1/webhooks', good);
    expect(first.status).toBe(201);
    expect((await post<ProblemDetails>('/api/v1/webhooks', good)).body.code).toBe('WEBHOOK_NAME_TAKEN');
    // Paused: the next test counts one subscription's attempts at this receiver.
    expect((await post<Webhook>(`/api/v1/webhooks/${first.body.id}/pause`, {})).body.active).toBe(false);
    const listed = (await http<Dto<'WebhookListDto'>>(t.url, 'GET', '/api/v1/webhooks')).body;
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('delivers a list entry, the tier change it causes and a repair decision, in order and signed, after the receiver recovers', async () => {
    const created = await post<Webhook>('/api/v1/webhooks', {
      name: `qijiang-tendering-${randomUUID().slice(0, 8)}`,
      url: receiver.url,
      events: ['list.entered', 'tier.changed', 'repair.decided'],
      secret,
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toContain(secret);
    subscriptionId = created.body.id;

    const code = uscc();
    const listed = await post<Ingested>('/api/v1/records', {
      type: 'list_entry',
      source: department,
      decisionNumber: `綦列〔2026〕${randomUUID().slice(0, 6)}号`,
      subjectName: '綦江推送测试建设有限公司',
      subjectCode: code,
      listType: 'serious_dishonesty',
      severity: 'serious',
      decisionDate: '2026-10-01',
      listEndDate: '2029-10-01',
    });
    expect(listed.status).toBe(201);
    const penalty = await post<Ingested>('/api/v1/records', {
      type: 'penalty',
      source: department,
      decisionNumber: `綦市监罚〔2026〕${randomUUID().slice(0, 6)}号`,
      subjectName: '綦江推送测试建设有限公司',
      subjectCode: code,
      industry: 'general',
      severity: 'general',
      penaltyTypes: ['fine'],
      fineAmount: 1,
      decisionDate: '2026-04-10',
    });
    expect(penalty.status).toBe(201);
    await t.app.get(TieringService).idle();
    const application = await post<Dto<'RepairApplicationDto'>>('/api/v1/repair-applications', {
      recordId: penalty.body.record.id,
      applicant: { kind: 'subject', name: '綦江推送测试建设有限公司' },
      commitment:
        '本单位承诺已履行行政处罚决定规定的义务，所提交材料真实有效；如违背承诺，愿意承担相应法律责任并接受失信惩戒。',
      reason: '罚款已缴清。',
    });
    expect(application.status).toBe(201);
    expect(
      (await post(`/api/v1/repair-applications/${application.body.id}/reject`, { department, reason: '材料不全。' }))
        .status,
    ).toBe(200);

    // Down for two attempts; each failure waits longer before the next (400 ms, then 800 ms).
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 100 && !done(); i++) {
        await new Promise((r) => setTimeout(r, 50));
        await dispatcher.tick();
      }
    };
    receiver.down = true;
    await dispatcher.tick();
    await dispatcher.tick(); // not due yet: no attempt
    expect(receiver.refused).toBe(1);
    await until(() => receiver.refused === 2);
    expect(receiver.refused).toBe(2);
    receiver.down = false;
    await until(() => receiver.got.some((g) => g.event.kind === 'repair.decided'));

    const kinds = receiver.got.map((g) => g.event.kind);
    expect(kinds[0]).toBe('list.entered');
    expect(kinds).toContain('tier.changed');
    expect(kinds[kinds.length - 1]).toBe('repair.decided');
    const ids = receiver.got.map((g) => Number(g.event.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);

    const entered = receiver.got[0].event.data;
    expect(entered).toMatchObject({ subjectId: listed.body.record.subjectId, listType: 'serious_dishonesty' });
    const tier = receiver.got.find((g) => g.event.kind === 'tier.changed')!.event.data;
    expect(tier).toMatchObject({ subjectId: listed.body.record.subjectId });
    expect(typeof tier.industry).toBe('string');
    expect(receiver.got[receiver.got.length - 1].event.data).toMatchObject({
      applicationId: application.body.id,
      decision: 'rejected',
      department,
    });

    // Each request carries its kind and id, and a signature the receiver can check with the shared secret.
    for (const g of receiver.got) {
      expect(g.headers['x-credit-event']).toBe(g.event.kind);
      expect(g.headers['x-credit-delivery']).toBe(g.event.id);
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(g.headers['x-credit-signature']))!;
      expect(createHmac('sha256', secret).update(`${t}.${g.body}`).digest('hex')).toBe(v1);
    }

    // The log: the first event failed twice (503), then every event was delivered.
    const log = (await deliveries()).items.reverse();
    const gap = (i: number) => Date.parse(log[i + 1].at) - Date.parse(log[i].at);
    expect(gap(0)).toBeGreaterThanOrEqual(400);
    expect(gap(1)).toBeGreaterThanOrEqual(800);
    expect(log.slice(0, 3).map((d) => [d.eventId, d.attempt, d.delivered, d.status])).toEqual([
      [receiver.got[0].event.id, 1, false, 503],
      [receiver.got[0].event.id, 2, false, 503],
      [receiver.got[0].event.id, 3, true, 204],
    ]);
    expect(log.filter((d) => d.delivered).map((d) => d.eventId)).toEqual(receiver.got.map((g) => g.event.id));
  });

  it('a paused subscription keeps its events and delivers them when resumed', async () => {
    expect((await post<Webhook>(`/api/v1/webhooks/${subscriptionId}/pause`, {})).body.active).toBe(false);
    const before = receiver.got.length;
    await post('/api/v1/records', {
      type: 'list_entry',
      source: department,
      decisionNumber: `綦列〔2026〕${randomUUID().slice(0, 6)}号`,
      subjectName: '綦江推送测试二号公司',
      subjectCode: uscc(),
      listType: 'serious_dishonesty',
      severity: 'serious',
      decisionDate: '2026-10-02',
      listEndDate: '2029-10-02',
    });
    await t.app.get(TieringService).idle();
    await dispatcher.tick();
    expect(receiver.got.length).toBe(before);
    expect((await post<Webhook>(`/api/v1/webhooks/${subscriptionId}/resume`, {})).body.active).toBe(true);
    await dispatcher.tick();
    expect(receiver.got.slice(before).map((g) => g.event.kind)).toContain('list.entered');
    expect((await http(t.url, 'GET', `/api/v1/webhooks/${randomUUID()}/deliveries`)).status).toBe(404);
  });
});
