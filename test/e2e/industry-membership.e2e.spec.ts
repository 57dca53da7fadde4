import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import type { ProblemDetails } from '../../src/common/problem';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { TieringUpgrades } from '../../src/modules/tiering/tiering-upgrades';
import { PackVersionsStore } from '../../src/modules/packs/pack-versions.store';
import { BUNDLED_IMPORTER, PacksService } from '../../src/modules/packs/packs.service';
import { contentHash } from '../../src/modules/packs/pack-content';
import type { Dto } from '../helpers/api-types';
import { http, type TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';
import { startIsolatedTestApp } from '../helpers/isolated-app';

/**
 * 分行业 (issue 15): a subject is tiered only in the industries that supervise it, by that industry's own
 * records. A hotel with two fire-safety penalties has a fire tier that they lower, a food tier and a tax tier
 * they leave alone, and no construction tier; a builder holds a construction tier while its qualification is in
 * force; a department's decision puts a subject in or takes it out, each move a history row with its trigger; a
 * construction inspection plan draws construction subjects only; the upgrade job removes the tiers that no
 * longer apply. The clock is pinned; the file re-tiers its whole database, so it has one of its own.
 */
describe('industry membership (分行业): tiers only where a subject is supervised', () => {
  let t: TestApp;
  let ds: DataSource;
  let tiering: TieringService;
  const source = `membership-${randomUUID().slice(0, 8)}`;
  const region = '500110';

  beforeAll(async () => {
    t = await startIsolatedTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    ds = t.app.get(DataSource);
    tiering = t.app.get(TieringService);
  });
  afterAll(async () => {
    await t.close();
  });

  async function subject(name: string, industryCode?: string): Promise<{ id: string; code: string }> {
    const code = uscc();
    const res = await http<Dto<'SubjectResponse'>>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: `${name}${code.slice(-4)}`,
      region,
      registeredOn: '2012-05-01',
      ...(industryCode ? { industryCode } : {}),
    });
    expect(res.status).toBe(201);
    return { id: res.body.id, code };
  }
  async function record(code: string, body: Record<string, unknown>): Promise<string> {
    const res = await http<{ record: { id: string } }>(t.url, 'POST', '/api/v1/records', {
      source,
      decisionNumber: randomUUID(),
      subjectName: '分行业测试主体',
      subjectCode: code,
      ...body,
    });
    expect(res.status).toBe(201);
    await tiering.idle();
    return res.body.record.id;
  }
  const tiers = async (id: string) => {
    const res = await http<Dto<'SubjectTiersDto'>>(t.url, 'GET', `/api/v1/subjects/${id}/tiers`);
    expect(res.status).toBe(200);
    return Object.fromEntries(res.body.tiers.map((x) => [x.industry, x]));
  };
  const history = async (id: string, industry: string) =>
    (await http<Dto<'TierHistoryDto'>>(t.url, 'GET', `/api/v1/subjects/${id}/tiers/history?industry=${industry}`)).body
      .items;
  const industries = async (id: string) => {
    const res = await http<Dto<'SubjectIndustriesDto'>>(t.url, 'GET', `/api/v1/subjects/${id}/industries`);
    expect(res.status).toBe(200);
    return res.body;
  };

  const firePenalty = (code: string, over: Record<string, unknown>) =>
    record(code, {
      type: 'penalty',
      industry: 'fire_safety',
      sector: 'fire',
      severity: 'serious',
      decisionDate: '2026-09-10',
      authority: '綦江区消防救援支队',
      ...over,
    });

  it('a hotel with fire penalties: a fire tier they lower, food and tax tiers they leave alone, no construction tier', async () => {
    const hotel = await subject('重庆分行业测试酒店有限公司', 'H6110');
    await record(hotel.code, {
      type: 'licence',
      industry: 'food_drug',
      decisionDate: '2024-03-01',
      validUntil: '2029-03-01',
    });
    await firePenalty(hotel.code, { penaltyTypes: ['suspension'] });
    await firePenalty(hotel.code, { penaltyTypes: ['fine'], fineAmount: 30 });

    const got = await tiers(hotel.id);
    expect(Object.keys(got).sort()).toEqual(['fire_safety', 'food_drug', 'tax']);
    expect(got.fire_safety.score).toBeLessThan(100);
    expect(got.fire_safety.fired.length).toBeGreaterThan(0);
    // The food tier reads the food industry's records: the fire penalties are not among them.
    expect(got.food_drug.facts.industryPenaltiesLast12Months).toBe(0);
    expect(got.food_drug.facts.industryLicenceRevocationsLast36Months).toBe(0);
    expect(got.food_drug.score).toBe(100);
    expect(got.food_drug.membership).toEqual([
      expect.objectContaining({ source: 'record', recordType: 'licence', since: '2024-03-01' }),
    ]);
    expect(got.fire_safety.membership.map((b) => b.source).sort()).toEqual(['industry_code', 'record', 'record']);

    const view = await industries(hotel.id);
    const construction = view.industries.find((m) => m.industry === 'construction')!;
    expect(construction).toMatchObject({ member: false, outside: 'no-basis', tier: null });

    // A check (逢办必查) and the credit report read the same tiers: none in construction.
    const check = await http<{ parties: Array<{ tiers: Array<{ industry: string; tier: string }> }> }>(
      t.url,
      'POST',
      '/api/v1/checks',
      {
        scenario: 'tendering',
        transaction: { reference: `MEMBERSHIP-${randomUUID()}` },
        parties: [{ code: hotel.code, role: 'bidder' }],
      },
    );
    expect(check.status).toBe(200);
    expect(check.body.parties[0].tiers.map((x) => [x.industry, x.tier]).sort()).toEqual(
      Object.values(got)
        .map((x) => [x.industry, x.tier])
        .sort(),
    );
    const report = await http<{
      sections: Array<{ key: string; items: Array<{ category?: string; industry?: string }> }>;
    }>(t.url, 'GET', `/api/v1/subjects/${hotel.id}/credit-report`);
    expect(report.status).toBe(200);
    const tiered = report.body.sections
      .find((x) => x.key === 'evaluations')!
      .items.filter((i) => i.category === 'credit_tier')
      .map((i) => i.industry)
      .sort();
    expect(tiered).toEqual(['fire_safety', 'food_drug', 'tax']);
  });

  it('a builder holds its construction tier while its qualification is in force; revoked, the tier goes with a history row', async () => {
    const builder = await subject('重庆分行业测试建筑工程有限公司');
    expect((await tiers(builder.id)).construction).toBeUndefined();
    const licence = await record(builder.code, {
      type: 'licence',
      industry: 'construction',
      decisionDate: '2023-06-01',
      validUntil: '2028-06-01',
    });
    const held = await tiers(builder.id);
    expect(held.construction.tier).toBeDefined();
    expect(held.construction.membership).toEqual([
      expect.objectContaining({ source: 'record', recordId: licence, recordType: 'licence' }),
    ]);

    const revoked = await http(t.url, 'POST', `/api/v1/records/${licence}/revoke`, { reason: '资质证书被依法撤回' });
    expect(revoked.status).toBe(200);
    await tiering.idle();
    expect((await tiers(builder.id)).construction).toBeUndefined();
    const [removal] = await history(builder.id, 'construction');
    expect(removal).toMatchObject({ tier: null, previousTier: held.construction.tier, trigger: 'records:revoke' });
  });

  it('a department decision puts a subject in, an exclusion takes it out, a withdrawal restores the records’ say; each audited', async () => {
    const shop = await subject('重庆分行业测试商贸有限公司', 'F5211');
    expect((await tiers(shop.id)).fire_safety).toBeDefined(); // F521 综合零售: a public gathering place (商场)
    expect((await tiers(shop.id)).construction).toBeUndefined();

    const put = await http<Dto<'SubjectIndustriesDto'>>(
      t.url,
      'PUT',
      `/api/v1/subjects/${shop.id}/industries/construction`,
      { effect: 'member', reason: '承接装修工程，纳入建筑市场监管' },
    );
    expect(put.status).toBe(200);
    expect(put.body.industries.find((m) => m.industry === 'construction')).toMatchObject({
      member: true,
      bases: [expect.objectContaining({ source: 'assigned', reason: '承接装修工程，纳入建筑市场监管' })],
    });
    expect((await tiers(shop.id)).construction).toBeDefined();
    expect((await history(shop.id, 'construction'))[0]).toMatchObject({
      previousTier: null,
      trigger: 'industry:member',
    });

    const excluded = await http(t.url, 'PUT', `/api/v1/subjects/${shop.id}/industries/fire_safety`, {
      effect: 'excluded',
      reason: '经核查不属于公众聚集场所',
    });
    expect(excluded.status).toBe(200);
    expect((await tiers(shop.id)).fire_safety).toBeUndefined();
    expect((await history(shop.id, 'fire_safety'))[0]).toMatchObject({ tier: null, trigger: 'industry:excluded' });

    const withdrawn = await http<Dto<'SubjectIndustriesDto'>>(
      t.url,
      'DELETE',
      `/api/v1/subjects/${shop.id}/industries/fire_safety`,
      { reason: '排除认定有误，予以撤回' },
    );
    expect(withdrawn.status).toBe(200);
    expect((await tiers(shop.id)).fire_safety).toBeDefined();
    expect(withdrawn.body.assignments.map((a) => [a.industry, a.effect, a.until === null])).toEqual([
      ['construction', 'member', true],
      ['fire_safety', 'excluded', false],
    ]);

    const audit: Array<{ kind: string }> = await ds.query(
      `SELECT kind FROM audit_log WHERE $1 = ANY(subject_ids) AND kind LIKE 'subject.industry%' ORDER BY seq`,
      [shop.id],
    );
    expect(audit.map((a) => a.kind)).toEqual(['subject.industry', 'subject.industry', 'subject.industry.end']);
  });

  it('a simulation counts the subjects a draft membership would take in or leave out', async () => {
    const byCode = await subject('重庆分行业模拟测试商场有限公司', 'F5211'); // in fire safety by its code alone
    await tiering.recompute([byCode.id], { trigger: 'test' });
    const draft = await http<{ revision: number; content: { membership: { industryCodes?: string[] } } }>(
      t.url,
      'GET',
      '/api/v1/packs/fire_safety/draft',
    );
    const content = structuredClone(draft.body.content);
    delete content.membership.industryCodes; // records and decisions only
    const saved = await http<{ revision: number }>(
      t.url,
      'PUT',
      '/api/v1/packs/fire_safety/draft',
      { content },
      { 'if-match': String(draft.body.revision) },
    );
    expect(saved.status).toBe(200);
    const sim = await http<Dto<'SimulationReportDto'>>(t.url, 'POST', '/api/v1/packs/fire_safety/simulate', {});
    expect(sim.status).toBe(200);
    expect(sim.body.membership.joined).toBe(0);
    const coded: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM credit_tiers t JOIN subjects s ON s.id = t.subject_id
       WHERE t.industry = 'fire_safety' AND s.industry_code IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM credit_records r WHERE r.subject_id = s.id AND r.industry = 'fire_safety')
         AND NOT EXISTS (SELECT 1 FROM subject_industries a WHERE a.subject_id = s.id AND a.industry = 'fire_safety'
           AND a.effect = 'member' AND a.until IS NULL)`,
    );
    expect(sim.body.membership.left).toBe(coded[0].n);
    expect(sim.body.membership.left).toBeGreaterThanOrEqual(1);
    const back = await http(
      t.url,
      'PUT',
      '/api/v1/packs/fire_safety/draft',
      { content: draft.body.content },
      { 'if-match': String(saved.body.revision) },
    );
    expect(back.status).toBe(200);
  });

  it('refuses a bad decision with a problem naming the field, and stores nothing', async () => {
    const s = await subject('重庆分行业测试物流有限公司');
    const count = async () => {
      const rows = await ds.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM subject_industries WHERE subject_id = $1`,
        [s.id],
      );
      return rows[0].n;
    };
    const cases: Array<[string, string, unknown, string]> = [
      ['PUT', 'mining', { effect: 'member', reason: 'x' }, 'industry'],
      ['PUT', 'construction', { effect: 'maybe', reason: 'x' }, 'effect'],
      ['PUT', 'construction', { effect: 'member', reason: '' }, 'reason'],
      ['PUT', 'construction', { effect: 'member' }, 'reason'],
    ];
    for (const [method, industry, body, field] of cases) {
      const res = await http<ProblemDetails>(t.url, method, `/api/v1/subjects/${s.id}/industries/${industry}`, body);
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field)).toContain(field);
    }
    const none = await http<ProblemDetails>(t.url, 'DELETE', `/api/v1/subjects/${s.id}/industries/construction`, {
      reason: '无',
    });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('INDUSTRY_ASSIGNMENT_NOT_FOUND');
    const unknown = await http(t.url, 'PUT', `/api/v1/subjects/${randomUUID()}/industries/construction`, {
      effect: 'member',
      reason: 'x',
    });
    expect(unknown.status).toBe(404);
    expect(await count()).toBe(0);
  });

  it('a construction inspection plan draws construction subjects only', async () => {
    const builder = await subject('重庆分行业抽查建设集团有限公司', 'E4710');
    const hotel = await subject('重庆分行业抽查酒店有限公司', 'H6110');
    await firePenalty(hotel.code, { penaltyTypes: ['fine'], fineAmount: 1, severity: 'general' });
    await tiering.recompute([builder.id, hotel.id], { trigger: 'test' });
    const plan = await http<{ items: Array<{ subject: { id: string } }>; tiers: Array<{ population: number }> }>(
      t.url,
      'POST',
      '/api/v1/inspection-plans',
      {
        department: '綦江区住房和城乡建设委员会',
        industry: 'construction',
        region,
        period: { from: '2026-12-01', to: '2026-12-31' },
        inspectors: [1, 2].map((i) => ({
          id: `insp-${i}`,
          name: `检查员${i}`,
          department: '綦江区住房和城乡建设委员会',
        })),
        seed: 'membership',
      },
    );
    expect(plan.status).toBe(201);
    const members: Array<{ id: string }> = await ds.query(
      `SELECT subject_id AS id FROM credit_tiers WHERE industry = 'construction'`,
    );
    const drawn = plan.body.items.map((i) => i.subject.id);
    expect(drawn).not.toContain(hotel.id);
    expect(drawn.every((id) => members.some((m) => m.id === id))).toBe(true);
    expect(plan.body.tiers.reduce((n, x) => n + x.population, 0)).toBe(members.length);
    expect(members.map((m) => m.id)).toContain(builder.id);
  });

  it('the upgrade job publishes the bundled packs an author has not taken over, removes the tiers that no longer apply with history rows, and reports the distribution before and after', async () => {
    // A database tiered before 分行业: the construction version in force came from the bundled files and declares
    // no membership (every legal person tiered), so the hotel holds a construction tier.
    const current = await http<{ content: Record<string, unknown> }>(t.url, 'GET', '/api/v1/packs/construction/draft');
    const old: Record<string, unknown> = { ...current.body.content, version: '1.1.9' };
    delete old.membership;
    await t.app.get(PackVersionsStore).publish({
      packId: 'construction',
      version: '1.1.9',
      content: old,
      contentHash: contentHash(old),
      by: BUNDLED_IMPORTER,
      reason: 'imported from rule-packs/ (before 分行业)',
    });
    await t.app.get(PacksService).reload();
    const hotel = await subject('重庆分行业升级测试酒店有限公司', 'H6110');
    await tiering.recompute([hotel.id], { trigger: 'test' });
    expect((await tiers(hotel.id)).construction.pack.version).toBe('1.1.9');
    // A pack an author published is left as it is, and so is one whose version in force is the file.
    const food = await http<{ content: Record<string, unknown> }>(t.url, 'GET', '/api/v1/packs/food_drug/draft');
    const authored = { ...food.body.content, version: '9.0.0' };
    await t.app.get(PackVersionsStore).publish({
      packId: 'food_drug',
      version: '9.0.0',
      content: authored,
      contentHash: contentHash(authored),
      by: 'author-wang',
      reason: '本地调整',
    });
    await t.app.get(PacksService).reload();
    const fireActive = (await http<Dto<'PackVersionListDto'>>(t.url, 'GET', '/api/v1/packs/fire_safety/versions')).body;

    await ds.query(
      `UPDATE tiering_upgrades SET started_at = NULL, finished_at = NULL WHERE name = 'industry-membership'`,
    );
    const [report] = await t.app.get(TieringUpgrades).runPending();
    expect(report.name).toBe('industry-membership');
    expect(report.packs.find((p) => p.packId === 'construction')).toEqual({
      packId: 'construction',
      version: current.body.content.version,
      published: true,
    });
    expect(report.packs.find((p) => p.packId === 'fire_safety')).toMatchObject({
      published: false,
      why: 'the active version is the bundled file',
    });
    expect(report.packs.find((p) => p.packId === 'food_drug')).toMatchObject({ published: false, version: '9.0.0' });
    expect(report.packs.find((p) => p.packId === 'food_drug')?.why).toContain('author-wang');
    expect((await http<Dto<'PackVersionListDto'>>(t.url, 'GET', '/api/v1/packs/fire_safety/versions')).body).toEqual(
      fireActive,
    );
    const count = (d: typeof report.before) =>
      d.filter((x) => x.industry === 'construction').reduce((n, x) => n + x.subjects, 0);
    expect(count(report.before)).toBeGreaterThan(count(report.after));
    expect((await tiers(hotel.id)).construction).toBeUndefined();
    expect((await history(hotel.id, 'construction'))[0]).toMatchObject({
      tier: null,
      previousTier: expect.any(String),
      trigger: 'upgrade:industry-membership',
    });
    expect(await t.app.get(TieringUpgrades).runPending()).toEqual([]); // done once
  });
});
