/**
 * Tax supervision tier under the 纳税缴费信用管理办法 (国家税务总局公告2025年第12号, in force 2025-07-01,
 * secondary sources, docs/legal-basis.md): a new business takes M whatever its score (set-tier, 直接判级);
 * level A is barred for a business in operation under 3 years and after a D in the previous evaluation year.
 * Through the tiers API on the real database, the clock pinned.
 */
import { randomInt } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { http, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

interface Fired {
  rule: string;
  type: string;
  tier?: string;
  legalBasis: { documentNumber?: string };
}
interface Tier {
  industry: string;
  tier: string;
  score: number;
  fired: Fired[];
  inspectionPolicy: { tier: string };
}

describe('tax tier: M whatever the score, bars on A (2025年第12号)', () => {
  let t: TestApp;
  let tiering: TieringService;

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    tiering = t.app.get(TieringService);
  });
  afterAll(async () => {
    await t.close();
  });

  async function register(registeredOn: string): Promise<{ id: string; code: string }> {
    const code = uscc();
    const res = await http<{ id: string }>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: `綦江税务测试有限公司${code.slice(-4)}`,
      registeredOn,
    });
    expect(res.status).toBe(201);
    return { id: res.body.id, code };
  }
  async function record(code: string, body: Record<string, unknown>): Promise<void> {
    const res = await http(t.url, 'POST', '/api/v1/records', {
      source: 'tax-m-test',
      decisionNumber: `綦税〔2026〕${randomInt(1e9)}号`,
      subjectName: '綦江税务测试有限公司',
      subjectCode: code,
      ...body,
    });
    expect(res.status).toBe(201);
    await tiering.idle();
  }
  const taxTier = async (id: string): Promise<Tier> => {
    const res = await http<{ tiers: Tier[] }>(t.url, 'GET', `/api/v1/subjects/${id}/tiers`);
    expect(res.status).toBe(200);
    const tax = res.body.tiers.find((x) => x.industry === 'tax');
    if (!tax) throw new Error('no tax tier');
    return tax;
  };
  const rules = (tier: Tier): string[] => tier.fired.map((f) => f.rule);

  it('a new business with a serious tax penalty (score 65, C) is M: set-tier replaces the score tier', async () => {
    const s = await register('2026-06-01');
    await record(s.code, {
      type: 'penalty',
      industry: 'tax',
      severity: 'serious',
      penaltyTypes: ['fine'],
      fineAmount: 2,
      decisionDate: '2026-10-01',
    });
    const tax = await taxTier(s.id);
    expect(tax).toMatchObject({ tier: 'M', score: 65 }); // the score alone gives C (40–<70)
    expect(rules(tax)).toEqual(
      expect.arrayContaining(['tax-new-enterprise', 'tax-a-barred-operating-under-3-years', 'tax-serious-penalty']),
    );
    const m = tax.fired.find((f) => f.rule === 'tax-new-enterprise');
    expect(m).toMatchObject({
      type: 'set-tier',
      tier: 'M',
      legalBasis: { documentNumber: '国家税务总局公告2025年第12号' },
    });
    expect(tax.inspectionPolicy.tier).toBe('M');
  });

  it('two years in operation with a clean record: level A barred, tier B', async () => {
    const s = await register('2024-06-01');
    await record(s.code, {
      type: 'tax_credit',
      industry: 'tax',
      taxLevel: 'B',
      taxYear: 2025,
      decisionDate: '2026-04-20',
    });
    const tax = await taxTier(s.id);
    expect(tax).toMatchObject({ tier: 'B', score: 100 }); // the score alone gives A (≥ 90)
    expect(rules(tax)).toEqual(['tax-a-barred-operating-under-3-years']);
    expect(tax.fired[0]).toMatchObject({ type: 'force-tier', tier: 'B' });
  });

  it('official level D in the latest evaluation year: level A barred, tier B; an older business with level B keeps A', async () => {
    const d = await register('2015-03-01');
    await record(d.code, {
      type: 'tax_credit',
      industry: 'tax',
      taxLevel: 'D',
      taxYear: 2025,
      decisionDate: '2026-04-20',
    });
    const barred = await taxTier(d.id);
    expect(barred).toMatchObject({ tier: 'B', score: 100 });
    expect(rules(barred)).toContain('tax-a-barred-previous-level-d');

    const b = await register('2015-03-01');
    await record(b.code, {
      type: 'tax_credit',
      industry: 'tax',
      taxLevel: 'B',
      taxYear: 2025,
      decisionDate: '2026-04-20',
    });
    expect(await taxTier(b.id)).toMatchObject({ tier: 'A', score: 100, fired: [] });
  });
});
