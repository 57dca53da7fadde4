import { expect } from '@jest/globals';
import { http } from '../helpers/app';
import { industryJourney } from '../helpers/industry-journey';

/**
 * Issue 18, point 1: property services (物业服务) and real-estate development (房地产开发), declared in
 * src/rules/shared/industries.ts with their packs. On PostgreSQL, over HTTP, the clock pinned:
 * - a property company (K7020, a member by its code; no qualification since the 2018 revision of 物业管理条例) the
 *   housing department inspected is AA (Yantai's grades, base 80); a serious property penalty caps it at C, the cap
 *   citing 物业管理条例 Art. 32 ¶2 (verified) and the deductions Yantai's measure (secondary);
 * - then on a serious-dishonesty list it is on the honesty black list (BL, Yantai's sixth grade, secondary);
 * - a developer (K7010) holding its development qualification is B (Tianjin's grades, base 800); a serious penalty
 *   that downgrades its qualification makes it E, citing 城市房地产开发经营管理条例 Art. 9 (verified).
 * Neither record moves the tax tier.
 */
describe('property and real_estate packs (物业服务、房地产开发) over HTTP', () => {
  const j = industryJourney('housing-industries', '住房行业测试主体');
  const { subject, record, tiers } = j;
  const search = (name: string, industry: string, tier: string) =>
    http<{ items: Array<{ id: string }> }>(
      j.t.url,
      'GET',
      `/api/v1/subjects?name=${encodeURIComponent(name)}&industry=${industry}&tier=${tier}`,
    );

  it('a property company: AA by its code and an inspection, then a serious property penalty caps it at C, basis 物业管理条例 Art. 32 ¶2', async () => {
    const firm = await subject('綦江测试物业管理有限公司', 'K7020');
    await record(firm.code, {
      type: 'inspection',
      industry: 'property',
      inspectionResult: 'passed',
      decisionDate: '2026-05-10',
      authority: '綦江区住房和城乡建设委员会',
    });
    let got = await tiers(firm.id);
    expect(Object.keys(got).sort()).toEqual(['property', 'tax']);
    expect(got.property).toMatchObject({ tier: 'AA', score: 80, tierLabelZh: '物业服务信用良好（AA级）', fired: [] });
    expect(got.property.membership.map((b) => b.source).sort()).toEqual(['industry_code', 'record']);
    // The search takes the property grade AA.
    expect((await search('綦江测试物业', 'property', 'AA')).body.items.map((x) => x.id)).toEqual([firm.id]);

    await record(firm.code, {
      type: 'penalty',
      industry: 'property',
      severity: 'serious',
      penaltyTypes: ['fine'],
      fineAmount: 8,
      decisionDate: '2026-09-18',
      authority: '綦江区住房和城乡建设委员会',
      violationType: '擅自改变物业管理用房的用途',
    });
    got = await tiers(firm.id);
    const p = got.property;
    // A penalty this year (-10), a serious one (-20): 50, C by score and by the cap.
    expect(p).toMatchObject({ tier: 'C', score: 50, tierLabelZh: '轻微失信（C级，重点关注）' });
    expect(p.fired.map((f) => f.rule).sort()).toEqual(
      ['property-key-attention', 'property-penalty', 'property-serious-penalty'].sort(),
    );
    const cap = p.fired.find((f) => f.rule === 'property-key-attention')!;
    expect(cap).toMatchObject({ type: 'force-tier', tier: 'C' });
    expect(cap.legalBasis).toMatchObject({
      source: 'property-regulation-2018',
      titleZh: '物业管理条例',
      documentNumber: '国务院令第379号',
      article: 'Art. 32 ¶2',
      status: 'verified',
    });
    const serious = p.fired.find((f) => f.rule === 'property-serious-penalty')!;
    expect(serious).toMatchObject({ type: 'score', points: -20 });
    expect(serious.legalBasis).toMatchObject({ source: 'property-yantai', status: 'secondary' });
    expect((await search('綦江测试物业', 'property', 'AA')).body.items).toEqual([]);
    expect((await search('綦江测试物业', 'property', 'C')).body.items.map((x) => x.id)).toEqual([firm.id]);
    // The tier's inspection policy: half of them sampled, twice a year (local parameters).
    expect(p.inspectionPolicy).toMatchObject({ tier: 'C', samplingRatio: 0.5, minInspectionsPerYear: 2 });
    expect(got.tax.facts.industryPenaltiesLast12Months).toBe(0);

    // Put on a serious-dishonesty list (by any department): the honesty black list (诚信黑名单), the forced-only tier
    // below C, inspected every quarter with key items in full.
    await record(firm.code, {
      type: 'list_entry',
      listType: 'serious_dishonesty',
      severity: 'serious',
      decisionDate: '2026-10-08',
    });
    const bl = (await tiers(firm.id)).property;
    expect(bl).toMatchObject({ tier: 'BL', score: 50, tierLabelZh: '诚信黑名单（严重失信）' });
    const listed = bl.fired.find((f) => f.rule === 'property-serious-dishonesty-listed')!;
    expect(listed).toMatchObject({ type: 'force-tier', tier: 'BL' });
    expect(listed.legalBasis).toMatchObject({ source: 'property-regulation-2018', article: 'Art. 32 ¶2' });
    expect(bl.inspectionPolicy).toMatchObject({
      tier: 'BL',
      samplingRatio: 1,
      minInspectionsPerYear: 4,
      keyItemsFull: true,
    });
    expect((await search('綦江测试物业', 'property', 'BL')).body.items.map((x) => x.id)).toEqual([firm.id]);
  });

  it('a developer: B with its development qualification, then a serious penalty downgrading it makes it E, basis 城市房地产开发经营管理条例 Art. 9', async () => {
    const dev = await subject('綦江测试房地产开发有限公司', 'K7010');
    await record(dev.code, {
      type: 'licence',
      industry: 'real_estate',
      decisionDate: '2023-04-12',
      validUntil: '2028-04-11',
      content: '房地产开发企业资质证书',
    });
    let got = await tiers(dev.id);
    expect(Object.keys(got).sort()).toEqual(['real_estate', 'tax']);
    expect(got.real_estate).toMatchObject({
      tier: 'B',
      score: 800,
      tierLabelZh: '房地产开发信用良好（B级）',
      fired: [],
    });
    expect(got.real_estate.membership.map((b) => b.source).sort()).toEqual(['industry_code', 'record']);
    expect(got.real_estate.inspectionPolicy).toMatchObject({ tier: 'B', samplingRatio: 0.1, minInspectionsPerYear: 1 });

    await record(dev.code, {
      type: 'penalty',
      industry: 'real_estate',
      severity: 'serious',
      penaltyTypes: ['fine', 'qualification_downgrade'],
      fineAmount: 10,
      decisionDate: '2026-08-20',
      authority: '綦江区住房和城乡建设委员会',
      violationType: '超越资质等级从事房地产开发经营',
    });
    got = await tiers(dev.id);
    const re = got.real_estate;
    // A penalty (-100), serious (-200), the qualification downgraded (-200): 300, E (below the key-attention cap D).
    expect(re).toMatchObject({ tier: 'E', score: 300, tierLabelZh: '房地产开发信用差（E级）' });
    expect(re.fired.map((f) => f.rule).sort()).toEqual(
      ['re-key-attention', 're-penalty', 're-qualification-impaired', 're-serious-penalty'].sort(),
    );
    const qual = re.fired.find((f) => f.rule === 're-qualification-impaired')!;
    expect(qual).toMatchObject({ type: 'score', points: -200 });
    expect(qual.legalBasis).toMatchObject({
      source: 're-regulation',
      titleZh: '城市房地产开发经营管理条例',
      documentNumber: '国务院令第248号',
      article: 'Art. 9',
      status: 'verified',
    });
    // The key-attention cap has no national text: it says so.
    const cap = re.fired.find((f) => f.rule === 're-key-attention')!;
    expect(cap).toMatchObject({ type: 'force-tier', tier: 'D' });
    expect(cap.legalBasis).toMatchObject({ source: 'realestate-local', status: 'local-parameter' });
    expect(re.inspectionPolicy).toMatchObject({ tier: 'E', samplingRatio: 1, keyItemsFull: true });
    expect((await search('綦江测试房地产', 'real_estate', 'E')).body.items.map((x) => x.id)).toEqual([dev.id]);
    expect(got.tax.facts.industryPenaltiesLast12Months).toBe(0);
  });
});
