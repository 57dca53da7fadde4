import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import type { MeasureFeedbackItem } from '../../src/modules/checks/feedback.service';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { http, startTestApp, type TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

interface Measure {
  code: string;
  kind: string;
  nameZh: string;
  legalBasis: { source: string; titleZh?: string; status: string; article?: string };
  triggeredBy: Array<{ decisionNumber: string; listType?: string }>;
}
interface Party {
  verdict: string;
  measures: Measure[];
}

const XINYI = [
  'xinyi-certificate-exemption',
  'xinyi-deposit-waiver',
  'xinyi-guarantee-free',
  'xinyi-procedure-simplified',
];

/**
 * Issue 18, point 5 — 信易+ (綦江区示范区实施方案 task 17) on PostgreSQL: a red-listed subject checked in the
 * rental-housing scenario (住房租赁) is offered 免押金、免证明、免手续、免担保, each citing task 17 and the red-list
 * entry that earned it; a subject on the red list AND the 失信被执行人 list is offered none (rewards only for the
 * trustworthy); GET /checks/measure-feedback counts, per 信易+ scenario and measure, the parties offered it and the
 * callers' reports (applied / not applied), as deltas over this run. The clock is pinned.
 */
describe('信易+ incentive scenarios in the check API', () => {
  let t: TestApp;
  const source = `xinyi-test-${randomUUID().slice(0, 8)}`;
  const post = (path: string, body: unknown, headers?: Record<string, string>) =>
    http<{ checkId: string; parties: Party[] }>(t.url, 'POST', path, body, headers);

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
  });
  afterAll(async () => {
    t.app.get(Clock).pin(null);
    await t.close();
  });

  async function listEntry(code: string, listType: string): Promise<string> {
    const decisionNumber = `${listType}-${randomUUID()}`;
    const res = await post('/api/v1/records', {
      type: 'list_entry',
      source,
      decisionNumber,
      subjectName: `綦江信易测试公司${code.slice(-4)}`,
      subjectCode: code,
      listType,
      ...(listType === 'red_list' ? {} : { severity: 'serious', listGround: 2 }),
      decisionDate: '2026-09-01',
    });
    expect(res.status).toBe(201);
    await t.app.get(TieringService).idle();
    return decisionNumber;
  }
  const counts = async (query = '') => {
    const res = await http<{ programme: string; items: MeasureFeedbackItem[] }>(
      t.url,
      'GET',
      `/api/v1/checks/measure-feedback${query}`,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const countOf = (items: MeasureFeedbackItem[], scenario: string, measure: string) =>
    items.find((c) => c.scenario === scenario && c.measure === measure)!;

  it('offers a red-listed tenant the rental measures with their basis, a listed one none, and counts offers and reports', async () => {
    const before = (await counts()).items;
    const trusted = uscc();
    const redEntry = await listEntry(trusted, 'red_list');
    const listed = uscc();
    await listEntry(listed, 'red_list');
    await listEntry(listed, 'court_defaulter');

    const res = await post('/api/v1/checks', {
      scenario: 'rental_housing',
      transaction: { reference: `ZL-${randomUUID()}` },
      parties: [
        { code: trusted, role: 'applicant' },
        { code: listed, role: 'applicant' },
      ],
    });
    expect(res.status).toBe(200);
    const [a, b] = res.body.parties;
    expect(a.verdict).toBe('reward');
    expect(a.measures.map((m) => m.code).sort()).toEqual(XINYI);
    for (const m of a.measures) {
      expect(m.kind).toBe('reward');
      expect(m.legalBasis).toMatchObject({ source: 'qijiang-plan-17', status: 'verified', article: '任务17' });
      expect(m.legalBasis.titleZh).toContain('綦江区创建全国社会信用体系建设示范区实施方案');
      expect(m.triggeredBy).toEqual([expect.objectContaining({ decisionNumber: redEntry, listType: 'red_list' })]);
    }
    expect(a.measures.find((m) => m.code === 'xinyi-deposit-waiver')!.nameZh).toBe('免押金');
    // On the red list too, but a 失信被执行人: no incentive at all.
    expect(b.measures.filter((m) => m.kind === 'reward')).toEqual([]);
    expect(b.verdict).toBe('pass');

    // The same tenant in the service hall: queue, certificate and procedure exemptions, no deposit waiver.
    const hall = await post('/api/v1/checks', {
      scenario: 'public_services',
      transaction: { reference: `ZW-${randomUUID()}` },
      parties: [{ code: trusted, role: 'applicant' }],
    });
    expect(hall.status).toBe(200);
    expect(hall.body.parties[0].measures.map((m) => m.code).sort()).toEqual([
      'xinyi-certificate-exemption',
      'xinyi-no-queue',
      'xinyi-procedure-simplified',
    ]);

    // The caller reports back: the deposit was waived, the guarantee was not (the landlord asked for one).
    const feedback = await post(`/api/v1/checks/${res.body.checkId}/feedback`, {
      operator: 'qj-zl-0007',
      items: [
        { partyIndex: 0, measure: 'xinyi-deposit-waiver', applied: true, outcome: '免收租房押金' },
        { partyIndex: 0, measure: 'xinyi-guarantee-free', applied: false, reason: '出租方要求提供担保' },
      ],
    });
    expect(feedback.status).toBe(201);

    const after = await counts();
    expect(after.programme).toBe('xinyi_plus');
    const delta = (scenario: string, measure: string) => {
      const x = countOf(after.items, scenario, measure);
      const y = countOf(before, scenario, measure);
      return {
        offered: x.offered - y.offered,
        applied: x.applied - y.applied,
        notApplied: x.notApplied - y.notApplied,
      };
    };
    expect(delta('rental_housing', 'xinyi-deposit-waiver')).toEqual({ offered: 1, applied: 1, notApplied: 0 });
    expect(delta('rental_housing', 'xinyi-guarantee-free')).toEqual({ offered: 1, applied: 0, notApplied: 1 });
    expect(delta('rental_housing', 'xinyi-certificate-exemption')).toEqual({ offered: 1, applied: 0, notApplied: 0 });
    expect(delta('public_services', 'xinyi-no-queue')).toEqual({ offered: 1, applied: 0, notApplied: 0 });
    expect(delta('transport_travel', 'xinyi-deposit-waiver')).toEqual({ offered: 0, applied: 0, notApplied: 0 });
    const row = countOf(after.items, 'rental_housing', 'xinyi-deposit-waiver');
    expect(row).toMatchObject({ scenarioZh: '住房租赁（信易租）', measureZh: '免押金', kind: 'reward' });
    expect(row.appliedRate).toBeCloseTo(row.applied / row.offered, 4);
    // Every 信易+ scenario is listed with its incentive measures only, never a penalty (financing: 信易贷, 免担保).
    expect([...new Set(after.items.map((c) => c.scenario))].sort()).toEqual([
      'culture_tourism',
      'financing',
      'medical_services',
      'public_services',
      'rental_housing',
      'transport_travel',
    ]);
    expect(after.items.every((c) => c.kind === 'reward')).toBe(true);
    expect(countOf(after.items, 'financing', 'spc-defaulter-restrict')).toBeUndefined();
  });

  it('a later report replaces the earlier one in the counts (the latest report counts)', async () => {
    const trusted = uscc();
    await listEntry(trusted, 'red_list');
    const res = await post('/api/v1/checks', {
      scenario: 'culture_tourism',
      transaction: { reference: `WL-${randomUUID()}` },
      parties: [{ code: trusted, role: 'applicant' }],
    });
    expect(res.status).toBe(200);
    const before = countOf((await counts()).items, 'culture_tourism', 'xinyi-deposit-waiver');
    const report = (applied: boolean) =>
      post(`/api/v1/checks/${res.body.checkId}/feedback`, {
        operator: 'qj-wl-0002',
        items: [
          { partyIndex: 0, measure: 'xinyi-deposit-waiver', applied, ...(applied ? {} : { reason: '场馆未开通' }) },
        ],
      });
    expect((await report(false)).status).toBe(201);
    expect((await report(true)).status).toBe(201);
    const after = countOf((await counts()).items, 'culture_tourism', 'xinyi-deposit-waiver');
    expect({ applied: after.applied - before.applied, notApplied: after.notApplied - before.notApplied }).toEqual({
      applied: 1,
      notApplied: 0,
    });
  });

  it('refuses an unknown programme naming the field, and a key without the feedback or audit scope', async () => {
    const bad = await http<{ errors: Array<{ field: string }> }>(
      t.url,
      'GET',
      '/api/v1/checks/measure-feedback?programme=xinyi_minus',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toContain('programme');
    const checksOnly = await t.createKey({ scopes: ['checks'] });
    const denied = await http(t.url, 'GET', '/api/v1/checks/measure-feedback', undefined, {
      authorization: `Bearer ${checksOnly}`,
    });
    expect(denied.status).toBe(403);
  });
});
