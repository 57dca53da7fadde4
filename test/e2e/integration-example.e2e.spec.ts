import { Clock } from '../../src/common/clock';
import { scrubAllIdNumbers } from '../../src/common/pii';
import { DemoService } from '../../src/modules/demo/demo.service';
import { CreditEngineError, creditEngineClient, ok } from '../../examples/approval-system/credit-client';
import { checkTender, decide, reportFeedback, type Tender } from '../../examples/approval-system/tender-check';
import type { TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';

/**
 * The integration example (examples/approval-system: a tendering platform on the typed client generated from
 * openapi.json) run against the real service on the demo data, its date pinned: so that it cannot rot. It checks
 * a tender's bidders, reads their measures, decides, reports feedback, retries safely and meets a refusal.
 */
const TENDER: Tender = {
  reference: 'QJZB-2026-0412',
  kind: '房屋建筑工程施工招标',
  amount: 12_500_000,
  operator: 'qj-zb-0031',
  bidders: [
    { code: '91500110MA8EEY8N48', name: '重庆恒通酒店有限公司2' },
    { code: '91500110MAR66Y8N4Y' },
    { idNumber: '11010519491231002X' },
  ],
};

describe('the integration example: a tendering platform on the typed client (examples/approval-system)', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await startIsolatedTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    await t.app.get(DemoService).load();
    key = await t.createKey({
      name: 'qijiang-tendering-platform',
      scopes: ['checks', 'feedback'],
      scenarios: ['tendering'],
    });
  }, 180_000);
  afterAll(async () => {
    t?.app.get(Clock).pin(null);
    await t?.close();
  });

  it('checks the bidders, decides from their measures, reports what was applied', async () => {
    const client = creditEngineClient(t.url, key);
    const answer = await checkTender(client, TENDER);
    expect(answer.verdict).toBe('restrict');

    const decisions = decide(answer);
    expect(decisions.map((d) => [d.shownAs, d.verdict, d.action])).toEqual([
      ['重庆恒通酒店有限公司2', 'reward', 'admit'],
      ['重庆三江面业有限公司1', 'restrict', 'admit-restricted'],
      ['110105********002X', 'pass', 'admit'],
    ]);
    // Each measure read with its legal basis and the records in force behind it: one reason per measure answered.
    expect(decisions[1].reasons).toHaveLength(answer.parties[1].measures.length);
    expect(decisions[1].reasons.length).toBeGreaterThan(0);
    expect(decisions[1].reasons.join('\n')).toContain('綦示范〔1〕L2号');
    expect(decisions[1].reasons.every((r) => /（.+）: .+/.test(r))).toBe(true);
    expect(scrubAllIdNumbers(JSON.stringify(decisions))).toBe(JSON.stringify(decisions));

    // One feedback item per measure answered.
    const measures = answer.parties.flatMap((p) => p.measures).length;
    expect(await reportFeedback(client, answer.checkId, TENDER.operator, decisions)).toBe(measures);
    const stored = ok(await client.GET('/api/v1/checks/{id}/feedback', { params: { path: { id: answer.checkId } } }));
    // One report, its items in no particular order: sorted by party and measure.
    const rows = stored.items.map((i) => [i.partyIndex, i.measure, i.applied, i.outcome ?? i.reason] as const);
    rows.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    expect(rows).toEqual([
      [0, 'tax-a-preference', false, '评标办法未设信用加分'],
      [1, 'spc-defaulter-restrict', true, '限制其中标资格'],
    ]);
    expect(rows).toHaveLength(measures);
  });

  it('a retried check is the first answer again (Idempotency-Key), nothing written twice', async () => {
    const client = creditEngineClient(t.url, key);
    const first = await checkTender(client, TENDER);
    const again = await checkTender(client, TENDER);
    expect(again).toEqual({ ...first, replayed: true });
  });

  it('a refused request is a CreditEngineError naming the field', async () => {
    const client = creditEngineClient(t.url, key);
    const bad = { ...TENDER, reference: 'QJZB-2026-0413', bidders: [{ code: '91500110MA8EEY8N40' }] };
    const refusal = await checkTender(client, bad).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(CreditEngineError);
    expect((refusal as CreditEngineError).status).toBe(400);
    expect((refusal as CreditEngineError).problem?.errors?.map((e) => e.field)).toEqual(['parties[0].code']);
    expect(String(refusal)).toContain('parties[0].code');
    const wrongKey = creditEngineClient(t.url, 'cse_not-a-key');
    await expect(checkTender(wrongKey, TENDER)).rejects.toThrow(/^401 AUTH_INVALID/);
  });
});
