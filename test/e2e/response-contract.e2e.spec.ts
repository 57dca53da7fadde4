import { randomInt, randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { http, type HttpResult, type TestApp } from '../helpers/app';
import { idNumber, uscc } from '../helpers/identifiers';
import { startIsolatedTestApp } from '../helpers/isolated-app';
import type { OpenApiDoc } from '../helpers/openapi-doc';
import { describes, ResponseContract } from '../helpers/response-contract';

/**
 * The response contract: every route of the OpenAPI document (fetched from the running app at /docs-json)
 * is called with a valid request, on data set up through the API, and each 2xx JSON answer is validated
 * against its documented schema made strict (test/helpers/response-contract.ts): a field the document does
 * not describe, a wrong type or a null where none is documented fails, naming the route and the path in
 * the body. At the end every route documented with a JSON 2xx must have been validated at least once.
 *
 * An isolated app (its own schema on PostgreSQL): the test publishes and rolls back rule packs.
 */

/** Routes documented with a JSON 2xx that this test does not reach, each with why. Keep it short. */
const EXCLUDED: Readonly<Record<string, string>> = {};

/**
 * Known drift between an answer and its DTO, tolerated so that the rest of each answer is still held to its
 * schema; each must still occur (the last test). Empty: fix the DTO rather than add a line here.
 */
const KNOWN_DRIFT: Readonly<Record<string, readonly RegExp[]>> = {};

const TODAY = '2026-11-28';

describe('response contract: every 2xx JSON answer matches its documented schema', () => {
  let t: TestApp;
  let contract: ResponseContract;
  const region = `96${String(randomInt(10_000)).padStart(4, '0')}`;
  const run = randomUUID().slice(0, 8);
  const department = `契约测试-綦江区市场监督管理局-${run}`;
  const firm = { code: uscc(), name: `契约测试食品有限公司-${run}` };
  const listed = { code: uscc(), name: `契约测试失信企业-${run}` };
  const person = { idNumber: idNumber(), name: `契约测试人${run.slice(0, 2)}` };
  const ids: Record<string, string> = {};

  /** Call a route (path template + its parameters) and expect a documented 2xx whose body matches the schema. */
  async function call(
    method: string,
    template: string,
    params: Record<string, string> = {},
    opts: { query?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<HttpResult> {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `{${name}}`));
    const res = await http(t.url, method, opts.query ? `${path}?${opts.query}` : path, opts.body, opts.headers);
    expect(contract.problems(method, template, res, KNOWN_DRIFT[`${method} ${template}`])).toEqual([]);
    return res;
  }
  const settle = () => t.app.get(TieringService).idle();
  /** Put a pack's draft back as it was, so that the next step of this file starts from the published content. */
  const restoreDraft = async (id: string, content: unknown) => {
    const now = (await http(t.url, 'GET', `/api/v1/packs/${id}/draft`)).body;
    expect(
      (await http(t.url, 'PUT', `/api/v1/packs/${id}/draft`, { content }, { 'if-match': String(now.revision) })).status,
    ).toBe(200);
  };
  const record = (body: Record<string, unknown>) =>
    call(
      'POST',
      '/api/v1/records',
      {},
      { body: { source: department, decisionNumber: `契约-${randomUUID()}`, ...body } },
    );

  beforeAll(async () => {
    t = await startIsolatedTestApp();
    t.app.get(Clock).pin(`${TODAY}T04:00:00Z`);
    const doc = (await http(t.url, 'GET', '/docs-json')).body as OpenApiDoc;
    contract = new ResponseContract(doc);
  });
  afterAll(async () => {
    t.app.get(Clock).pin(null);
    await t.close();
  });

  it('documents a schema for every 2xx answer of every route', () => {
    const missing = contract.operations().flatMap((op) =>
      contract.successes(op).flatMap(([status, content]) =>
        !content
          ? [`${op.method} ${op.path} ${status}: no content documented`]
          : Object.entries(content)
              .filter(([, c]) => !describes(c.schema))
              .map(([type]) => `${op.method} ${op.path} ${status} ${type}: no schema`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('health', async () => {
    for (const p of ['/health', '/health/ready', '/health/live']) await call('GET', p);
  });

  it('the calling key (console sign-in)', async () => {
    expect((await call('GET', '/api/v1/me')).body.scopes).toEqual(['admin']);
  });

  it('API keys (API密钥管理): list, create, revoke', async () => {
    const created = await call(
      'POST',
      '/api/v1/api-keys',
      {},
      {
        body: {
          name: `contract-${run}`,
          scopes: ['checks', 'feedback'],
          scenarios: ['tendering'],
          rateLimitPerMinute: 600,
          department: department,
        },
      },
    );
    expect(created.status).toBe(201);
    await call('POST', '/api/v1/api-keys', {}, { body: { name: `contract-min-${run}`, scopes: ['tiers'] } });
    await call('GET', '/api/v1/api-keys');
    expect(
      (await call('POST', '/api/v1/api-keys/{key}/revoke', { key: created.body.apiKey.id })).body.revokedAt,
    ).toEqual(expect.any(String));
    await call('POST', '/api/v1/api-keys/{key}/revoke', { key: `contract-min-${run}` });
  });

  it('webhooks (事件推送): subscribe, list, pause, resume, the delivery log', async () => {
    const created = await call(
      'POST',
      '/api/v1/webhooks',
      {},
      {
        body: {
          name: `contract-${run}`,
          url: 'http://127.0.0.1:9/credit-events',
          events: ['tier.changed'],
          secret: 's'.repeat(40),
        },
      },
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await call('GET', '/api/v1/webhooks');
    expect((await call('POST', '/api/v1/webhooks/{id}/pause', { id })).body.active).toBe(false);
    expect((await call('POST', '/api/v1/webhooks/{id}/resume', { id })).body.active).toBe(true);
    await call('GET', '/api/v1/webhooks/{id}/deliveries', { id });
    await call('POST', '/api/v1/webhooks/{id}/pause', { id });
  });

  it('subjects and records', async () => {
    const reg = await call(
      'POST',
      '/api/v1/subjects',
      {},
      { body: { kind: 'legal_person', code: firm.code, name: firm.name, region, registeredOn: '2015-03-01' } },
    );
    ids.firm = reg.body.id;
    ids.person = (
      await call(
        'POST',
        '/api/v1/subjects',
        {},
        { body: { kind: 'natural_person', idNumber: person.idNumber, name: person.name } },
      )
    ).body.id;
    // Never inspected, in the region of the inspection plan (its statistics list it).
    await call(
      'POST',
      '/api/v1/subjects',
      {},
      {
        body: {
          kind: 'legal_person',
          code: uscc(),
          name: `契约测试未检企业-${run}`,
          region,
          registeredOn: '2016-03-01',
          industryCode: 'C1411', // a food maker (GB/T 4754-2017): in the food industry without any record yet
        },
      },
    );
    await call('GET', '/api/v1/subjects', {}, { query: `name=${encodeURIComponent(run)}&limit=1` });
    await call('GET', '/api/v1/subjects', {}, { query: 'industry=food_drug&tier=A&limit=1' });
    await call('POST', '/api/v1/subjects/lookup', {}, { body: { idNumber: person.idNumber } });
    await call('GET', '/api/v1/subjects/{id}', { id: ids.firm });

    const penalty = {
      type: 'penalty',
      decisionNumber: `契约罚-${run}`,
      subjectName: firm.name,
      subjectCode: firm.code,
      industry: 'food_drug',
      sector: 'food',
      severity: 'serious',
      penaltyTypes: ['fine'],
      fineAmount: 2,
      decisionDate: '2025-09-01',
    };
    const stored = await record(penalty);
    expect(stored.status).toBe(201);
    ids.penalty = stored.body.record.id;
    expect((await record(penalty)).body.status).toBe('unchanged'); // 200
    const court = await record({
      type: 'list_entry',
      source: '綦江区人民法院',
      subjectName: listed.name,
      subjectCode: listed.code,
      listType: 'court_defaulter',
      listGround: 2,
      severity: 'serious',
      decisionDate: '2026-05-20',
    });
    ids.listed = court.body.record.subjectId;
    await record({
      type: 'inspection',
      subjectName: person.name,
      subjectIdNumber: person.idNumber,
      industry: 'food_drug',
      inspectionResult: 'failed',
      decisionDate: '2026-10-01',
    });
    ids.commitment = (
      await record({
        type: 'commitment',
        subjectName: firm.name,
        subjectCode: firm.code,
        industry: 'fire_safety',
        commitmentStatus: 'pending',
        decisionDate: '2026-03-01',
      })
    ).body.record.id;
    const licence = await record({
      type: 'licence',
      subjectName: firm.name,
      subjectCode: firm.code,
      industry: 'food_drug',
      decisionDate: '2026-01-05',
      validUntil: '2031-01-05',
    });

    const rows = [
      { ...penalty, source: department, decisionNumber: `契约罚-${run}-2`, decisionDate: '2026-10-09' },
      {
        ...penalty,
        source: department,
        decisionNumber: `契约罚-${run}-3`,
        subjectCode: '91350100M000100Y4A',
        decisionDate: '2026-10-09',
      },
    ];
    await call('POST', '/api/v1/records/import', {}, { body: { records: rows } });
    const csv =
      'type,source,decisionNumber,subjectName,subjectCode,industry,inspectionResult,decisionDate\r\n' +
      `inspection,${department},契约CSV-${run},${firm.name},${firm.code},food_drug,passed,2026-09-10\r\ninspection,${department},契约CSV-${run}-2,${firm.name},,food_drug,passed,2026-09-10\r\n`;
    await call('POST', '/api/v1/records/import', {}, { body: csv, headers: { 'content-type': 'text/csv' } });
    await call('GET', '/api/v1/records/{id}', { id: ids.penalty });
    await call('GET', '/api/v1/records/{id}/repair-notice', { id: ids.penalty });
    await call(
      'POST',
      '/api/v1/records/{id}/revoke',
      { id: licence.body.record.id },
      { body: { reason: '行政复议决定撤销原许可' } },
    );
    await call('GET', '/api/v1/subjects/{id}/records', { id: ids.firm }, { query: 'includeEnded=true' });
    await call('GET', '/api/v1/subjects/{id}/records', { id: ids.person }, { query: 'asOf=2026-10-15' });
    await settle();
  });

  it('tiers', async () => {
    await call('GET', '/api/v1/subjects/{id}/tiers', { id: ids.firm });
    await call('GET', '/api/v1/subjects/{id}/tiers', { id: ids.person }, { query: 'asOf=2026-06-30' });
    const history = await call('GET', '/api/v1/subjects/{id}/tiers/history', { id: ids.firm });
    expect(history.body.items.length).toBeGreaterThan(0);
    await call('GET', '/api/v1/subjects/{id}/tiers/history', { id: ids.firm }, { query: 'industry=food_drug&limit=1' });
    await call('POST', '/api/v1/tiering/runs', {}, { body: {} });
    await call('GET', '/api/v1/subjects/{id}/industries', { id: ids.firm });
    await call('GET', '/api/v1/subjects/{id}/industries', { id: ids.firm }, { query: 'asOf=2026-06-30' });
    await call(
      'PUT',
      '/api/v1/subjects/{id}/industries/{industry}',
      { id: ids.firm, industry: 'construction' },
      { body: { effect: 'member', reason: '契约测试：承接装修工程' } },
    );
    await call(
      'DELETE',
      '/api/v1/subjects/{id}/industries/{industry}',
      { id: ids.firm, industry: 'construction' },
      { body: { reason: '契约测试：撤回' } },
    );
    await call('GET', '/api/v1/tiering/distribution');
    await call('GET', '/api/v1/tiering/distribution', {}, { query: `region=${region}` });
    await call('GET', '/api/v1/tiering/trend', {}, { query: `region=${region}&granularity=week&from=2026-10-01` });
    expect(
      (await call('GET', '/api/v1/tiering/changes', {}, { query: `region=${region}` })).body.items.length,
    ).toBeGreaterThan(0);
  });

  it('packs, facts, drafts, explain, lint, simulation, publish and rollback', async () => {
    await call('GET', '/api/v1/packs');
    await call('GET', '/api/v1/packs/{id}', { id: 'tax' });
    await call('GET', '/api/v1/facts');
    await call('GET', '/api/v1/packs/{id}/versions', { id: 'fire_safety' });
    await call('GET', '/api/v1/packs/{id}/versions/{seq}', { id: 'fire_safety', seq: '1' });
    await call('POST', '/api/v1/packs/{id}/draft/cases', { id: 'tax' }, { body: {} });
    await call(
      'POST',
      '/api/v1/packs/{id}/evaluate',
      { id: 'tax' },
      { body: { facts: { penaltiesLast12Months: 2, taxCreditLevel: 'B' } } },
    );
    const tax = (await call('GET', '/api/v1/packs/{id}/draft', { id: 'tax' })).body.content;
    await call('POST', '/api/v1/packs/validate', {}, { body: tax });
    await call(
      'POST',
      '/api/v1/packs/validate',
      {},
      {
        body: {
          ...tax,
          rules: [{ ...tax.rules[0], conditions: { all: [{ fact: 'nope', operator: 'equal', value: 1 }] } }],
        },
      },
    );

    // 100 - 10 - 10 = 80 under fire_safety: B now, C once B starts at 85 (the draft below).
    const mover = uscc();
    await call(
      'POST',
      '/api/v1/subjects',
      {},
      { body: { kind: 'legal_person', code: mover, name: `契约测试商场-${run}`, registeredOn: '2012-05-01' } },
    );
    await record({
      type: 'penalty',
      subjectName: `契约测试商场-${run}`,
      subjectCode: mover,
      industry: 'fire_safety',
      sector: 'fire',
      severity: 'general',
      penaltyTypes: ['fine'],
      fineAmount: 1,
      decisionDate: '2026-09-01',
    });
    await record({
      type: 'inspection',
      subjectName: `契约测试商场-${run}`,
      subjectCode: mover,
      industry: 'fire_safety',
      inspectionResult: 'failed',
      decisionDate: '2026-10-01',
    });
    const fire = await call('GET', '/api/v1/packs/{id}', { id: 'fire_safety' });
    const draft = (await call('GET', '/api/v1/packs/{id}/draft', { id: 'fire_safety' })).body;
    const content = structuredClone(draft.content);
    content.version = `1.0.${randomInt(1000, 999999)}`;
    for (const tier of content.tiers) {
      if (tier.tier === 'B') tier.minScore = 85;
      if (tier.tier === 'C') tier.maxScore = 85;
    }
    try {
      await call(
        'PUT',
        '/api/v1/packs/{id}/draft',
        { id: 'fire_safety' },
        { body: { content }, headers: { 'if-match': String(draft.revision) } },
      );
      expect(
        (await call('POST', '/api/v1/packs/{id}/simulate', { id: 'fire_safety' }, { body: { asOf: TODAY } })).body
          .changed.length,
      ).toBeGreaterThan(0);
      await call('POST', '/api/v1/packs/{id}/publish', { id: 'fire_safety' }, { body: { reason: 'contract test' } });
    } finally {
      await call(
        'POST',
        '/api/v1/packs/{id}/rollback',
        { id: 'fire_safety' },
        { body: { versionId: fire.body.versionId, reason: 'contract test: restore' } },
      );
      await restoreDraft('fire_safety', draft.content);
    }
  });

  it("checks, replays, feedback and feedback rates; an approval system's check", async () => {
    await settle();
    const body = {
      scenario: 'tendering',
      transaction: { reference: `契约-${run}`, kind: '房屋建筑工程施工招标', amount: 1_250_000 },
      operator: 'qj-zb-0031',
      parties: [
        { code: listed.code, role: 'bidder' },
        { idNumber: person.idNumber, role: 'bidder' },
        { code: uscc(), role: 'bidder', name: '未登记企业' },
        { code: firm.code, role: 'tenderer' },
      ],
    };
    const key = `contract-${run}`;
    const first = await call('POST', '/api/v1/checks', {}, { body, headers: { 'idempotency-key': key } });
    const measure = first.body.parties[0].measures[0];
    expect(measure?.triggeredBy.length).toBeGreaterThan(0);
    expect(
      (await call('POST', '/api/v1/checks', {}, { body, headers: { 'idempotency-key': key } })).body.replayed,
    ).toBe(true);
    await call(
      'POST',
      '/api/v1/checks',
      {},
      {
        body: {
          scenario: 'government_funds',
          transaction: { reference: `契约-${run}-2` },
          parties: [{ code: firm.code, role: 'applicant' }],
        },
      },
    );
    ids.check = first.body.checkId;
    await call('GET', '/api/v1/checks/{id}', { id: ids.check });
    await call(
      'POST',
      '/api/v1/checks/{id}/feedback',
      { id: ids.check },
      {
        body: {
          operator: 'qj-zb-0031',
          items: [{ partyIndex: 0, measure: measure.code, applied: false, reason: '非政府投资项目' }],
        },
      },
    );
    await call(
      'POST',
      '/api/v1/checks/{id}/feedback',
      { id: ids.check },
      {
        body: {
          operator: 'qj-zb-0031',
          items: [{ partyIndex: 0, measure: measure.code, applied: true, outcome: '取消其投标资格' }],
        },
      },
    );
    await call('GET', '/api/v1/checks/{id}/feedback', { id: ids.check });
    await call('GET', '/api/v1/checks/feedback-rates');
    await call('GET', '/api/v1/checks/feedback-rates', {}, { query: `from=2026-11-01&to=${TODAY}` });
    await call('GET', '/api/v1/checks/measure-feedback', {}, { query: `programme=xinyi_plus&from=2026-11-01` });
    await call(
      'POST',
      '/api/v1/integrations/{system}/checks',
      { system: 'tendering-platform' },
      {
        body: {
          tenderProjectCode: `500110-2026-ZB-${run}`,
          tenderProjectName: '道路工程',
          controlPrice: 3_200_000,
          tenderer: { name: '綦江区交通局', unifiedCode: firm.code },
          bidders: [{ name: listed.name, unifiedCode: listed.code }],
        },
        headers: { 'idempotency-key': `contract-int-${run}` },
      },
    );

    const measures = (await call('GET', '/api/v1/packs/{id}/draft', { id: 'measures' })).body;
    const content = structuredClone(measures.content);
    content.rules.version = `1.0.${randomInt(1000, 999999)}`;
    content.rules.rules = content.rules.rules.filter((r: { name: string }) => r.name.startsWith('red-list-')); // no penalty any more
    try {
      await call(
        'PUT',
        '/api/v1/packs/{id}/draft',
        { id: 'measures' },
        { body: { content }, headers: { 'if-match': String(measures.revision) } },
      );
      const replay = await call(
        'POST',
        '/api/v1/packs/{id}/simulate',
        { id: 'measures' },
        { body: { from: TODAY, to: '2026-11-29' } },
      );
      expect(replay.body.changedCount).toBeGreaterThan(0);
    } finally {
      await restoreDraft('measures', measures.content);
    }
  });

  it('inspection plans, their export, a result and the statistics', async () => {
    await settle();
    const plan = await call(
      'POST',
      '/api/v1/inspection-plans',
      {},
      {
        body: {
          department,
          industry: 'food_drug',
          region,
          period: { from: '2026-11-01', to: '2026-12-31' },
          seed: `contract-${run}`,
          leads: [firm.code],
          inspectors: [1, 2, 3].map((i) => ({ id: `QJ-${i}`, name: `检查员${i}`, department })),
        },
      },
    );
    const item = plan.body.items.find((i: { subject: { id: string } }) => i.subject.id === ids.firm);
    await call(
      'POST',
      '/api/v1/inspection-plans/{id}/items/{itemId}/result',
      { id: plan.body.id, itemId: item.id },
      { body: { result: 'failed', date: '2026-11-20', findings: '冷藏柜温度记录缺失' } },
    );
    await call('GET', '/api/v1/inspection-plans/{id}', { id: plan.body.id });
    expect(
      (await call('GET', '/api/v1/inspection-plans', {}, { query: 'industry=food_drug&limit=100' })).body.items.map(
        (p: { id: string }) => p.id,
      ),
    ).toContain(plan.body.id);
    await call('GET', '/api/v1/inspection-plans/{id}/export', { id: plan.body.id });
    await call('GET', '/api/v1/inspection-plans/{id}/export', { id: plan.body.id }, { query: 'format=csv' });
    expect(
      (await call('GET', '/api/v1/inspections/statistics', {}, { query: `industry=food_drug&region=${region}` })).body
        .neverInspected.count,
    ).toBeGreaterThan(0);
    expect(
      (await call('GET', '/api/v1/inspections/due', {}, { query: 'industry=food_drug&limit=100' })).body.total,
    ).toBeGreaterThan(0);
  });

  it('credit repair and commitment outcomes', async () => {
    const apply = () =>
      call(
        'POST',
        '/api/v1/repair-applications',
        {},
        {
          body: {
            recordId: ids.penalty,
            applicant: { kind: 'subject', name: firm.name },
            commitment: '本单位承诺已履行行政处罚决定规定的义务，所提交材料真实有效。',
            reason: '罚款已缴清，已整改。',
            evidence: ['缴款书 No.5001234567'],
          },
        },
      );
    const first = await apply();
    await call(
      'POST',
      '/api/v1/repair-applications/{id}/reject',
      { id: first.body.id },
      { body: { department, reason: '材料不全，不符合信用修复条件。' } },
    );
    const second = await apply();
    await call('GET', '/api/v1/repair-applications', {}, { query: `recordId=${ids.penalty}` });
    await call('GET', '/api/v1/repair-applications/{id}', { id: second.body.id });
    await call(
      'POST',
      '/api/v1/repair-applications/{id}/approve',
      { id: second.body.id },
      { body: { department, reason: '经核查，同意信用修复。' } },
    );

    const outcome = {
      outcome: 'breached',
      kind: 'notify_and_commit',
      date: '2026-05-20',
      department,
      reason: '核查发现承诺的条件与实际不符，属虚假承诺。',
    };
    await call('POST', '/api/v1/records/{id}/commitment-outcome', { id: ids.commitment }, { body: outcome });
    await call('GET', '/api/v1/records/{id}/commitment-outcome', { id: ids.commitment });
    const commitments = await call(
      'GET',
      '/api/v1/commitments',
      {},
      { query: `department=${encodeURIComponent(department)}` },
    );
    expect(commitments.body.items.map((c: { id: string }) => c.id)).toContain(ids.commitment);
    await call('GET', '/api/v1/commitment-types');
  });

  it('data quality and credit reports', async () => {
    const range = `from=2026-01-01&to=${TODAY}&department=${encodeURIComponent(department)}`;
    await call(
      'PUT',
      '/api/v1/quality/ledgers/{department}/{period}',
      { department, period: '2026-10' },
      { body: { declared: 3, note: '台账' } },
    );
    await call('GET', '/api/v1/quality/statistics', {}, { query: range });
    await call('GET', '/api/v1/quality/failures', {}, { query: range });
    await call('GET', '/api/v1/quality/ledgers', {}, { query: range });
    await call('GET', '/api/v1/quality/legal-findings', {}, {});
    await call('GET', '/api/v1/subjects/{id}/credit-report', { id: ids.firm });
    await call('GET', '/api/v1/credit-reports', {}, { query: `code=${listed.code}` });
  });

  it('special governance (专项治理台账): proposals, accept, decline, manual entry, exit, statistics, public bodies, key attention', async () => {
    const vt = `契约-超范围经营-${run}`;
    const penalties = async (code: string, dates: string[]) => {
      let subjectId = '';
      for (const decisionDate of dates)
        subjectId = (
          await record({
            type: 'penalty',
            subjectName: `契约治理对象-${code.slice(-6)}`,
            subjectCode: code,
            severity: 'general',
            penaltyTypes: ['fine'],
            fineAmount: 1,
            violationType: vt,
            decisionDate,
          })
        ).body.record.subjectId as string;
      return subjectId;
    };
    const accepted = await penalties(uscc(), ['2025-01-10', '2025-08-10', '2026-09-10']);
    const declined = await penalties(uscc(), ['2025-02-10', '2025-09-10', '2026-10-10']);
    const proposals = await call('GET', '/api/v1/governance/proposals');
    expect(proposals.body.items.map((p: { subject: { id: string } }) => p.subject.id)).toEqual(
      expect.arrayContaining([accepted, declined]),
    );
    await call('GET', '/api/v1/governance/proposals', {}, { query: 'asOf=2026-10-01' });
    const reason = '同一违法行为多次受到处罚。';
    const entry = await call(
      'POST',
      '/api/v1/governance/proposals/accept',
      {},
      { body: { subjectId: accepted, violationType: vt, reason } },
    );
    await call(
      'POST',
      '/api/v1/governance/proposals/decline',
      {},
      { body: { subjectId: declined, violationType: vt, reason: '已主动整改。' } },
    );
    const manual = await call(
      'POST',
      '/api/v1/governance/entries',
      {},
      { body: { subjectId: ids.firm, department, reason: '多次约谈仍未整改。', openedOn: TODAY } },
    );
    await call(
      'POST',
      '/api/v1/governance/entries/{id}/exit',
      { id: entry.body.id as string },
      { body: { status: 'rectified', date: TODAY, note: '经复查已整改到位。' } },
    );
    await call('GET', '/api/v1/governance/entries', {}, { query: `department=${encodeURIComponent(department)}` });
    await call('GET', '/api/v1/governance/entries/{id}', { id: manual.body.id as string });
    await call('GET', '/api/v1/governance/entries/{id}', { id: entry.body.id as string });
    await call('GET', '/api/v1/governance/statistics');
    await call('GET', '/api/v1/governance/statistics', {}, { query: 'asOf=2020-01-01' });
    await record({
      type: 'list_entry',
      source: '綦江区人民法院',
      subjectName: `契约事业单位-${run}`,
      subjectCode: uscc('12500110'),
      subjectKind: 'public_body',
      listType: 'court_defaulter',
      listGround: 1,
      severity: 'serious',
      decisionDate: '2026-03-01',
    });
    await record({
      type: 'list_entry',
      subjectName: firm.name,
      subjectCode: firm.code,
      listType: 'key_attention',
      severity: 'general',
      decisionDate: '2026-10-01',
    });
    await call('GET', '/api/v1/governance/public-body-defaulters');
    await call('GET', '/api/v1/governance/public-body-defaulters', {}, { query: 'asOf=2000-01-01' });
    const key = await call('GET', '/api/v1/governance/key-attention');
    expect(key.body.items.length).toBeGreaterThan(0);
  });

  it('audit trail', async () => {
    const entries = await call('GET', '/api/v1/audit/entries', {}, { query: `subjectId=${ids.firm}&limit=200` });
    await call('GET', '/api/v1/audit/entries', {}, { query: 'kind=check&limit=5' });
    for (const e of entries.body.items as Array<{ id: string }>)
      await call('GET', '/api/v1/audit/entries/{id}', { id: e.id });
    await call('GET', '/api/v1/audit/verify');
    await call('GET', '/api/v1/audit/outbox');
    await call('GET', '/api/v1/audit/export', {}, { query: 'kind=check' });
    await call('GET', '/api/v1/audit/export', {}, { query: 'kind=check&format=csv' });
  });

  it('background jobs (后台任务): a tiering run queued, read, listed, its (empty) result page', async () => {
    const queued = await call('POST', '/api/v1/tiering/runs', {}, { body: {}, headers: { prefer: 'respond-async' } });
    expect(queued.status).toBe(202);
    const id = (queued.body as { id: string }).id;
    for (let state = ''; state !== 'completed';) {
      state = (await call('GET', '/api/v1/jobs/{id}', { id })).body.state as string;
      expect(state).not.toBe('failed');
      if (state !== 'completed') await new Promise((r) => setTimeout(r, 200));
    }
    await call('GET', '/api/v1/jobs', {}, { query: 'kind=tiering.batch&state=completed' });
    await call('GET', '/api/v1/jobs/{id}/result', { id }, { query: 'offset=0&limit=10' });
  });

  it('validated every route documented with a JSON 2xx (but the excluded, each with its reason)', () => {
    const missed = contract
      .jsonOperations()
      .map((op) => `${op.method} ${op.path}`)
      .filter((r) => !contract.validated.has(r) && !(r in EXCLUDED));
    expect(missed).toEqual([]);
    expect(Object.keys(EXCLUDED).filter((r) => contract.validated.has(r))).toEqual([]);
    const stale = Object.entries(KNOWN_DRIFT).flatMap(([route, res]) =>
      res
        .filter((re) => !contract.toleratedSeen.has(re))
        .map((re) => `${route}: ${re.source} no longer occurs: delete it`),
    );
    expect(stale).toEqual([]);
  });
});
