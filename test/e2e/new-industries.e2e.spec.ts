import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http } from '../helpers/app';
import { industryJourney } from '../helpers/industry-journey';

/**
 * Issue 18, point 1: two more industries, environment (环境保护, 企业环境信用评价 环发〔2013〕150号) and customs
 * (进出口, 海关总署令第282号, which repeals 251), declared in src/rules/shared/industries.ts with their packs. On
 * PostgreSQL, over HTTP: a paper mill (C2211, a heavy-pollution industry) with its pollutant discharge permit is tiered
 * in environment, green A, and a serious environmental penalty makes it 环保不良企业 D by the 一票否决, the reason citing
 * 150号; a trader filed with customs is tiered in customs, and fines adding up to more than 100万元 in a year (a local
 * threshold) cap it at C, the reason citing 282 (secondary; 251 is no longer a source). Records of the new industries
 * are stored (the database checks an industry's shape, the API the declared list). Issue 18, point 1 goes on with
 * transport (交通运输, grades AA–D): a road freight company with its operating licence is AA, and a serious transport
 * penalty caps it at C (重点关注) citing 交政研发〔2018〕181号 Art. 2 ¶2. The clock is pinned.
 */
describe('environment, customs and transport packs (环境保护、进出口、交通运输) over HTTP', () => {
  const j = industryJourney('new-industries', '新行业测试主体');
  const { subject, record, tiers, row } = j;

  it('a paper mill: green A with its permit, then 环保不良企业 D by the 一票否决 of a serious environmental penalty, basis 环发〔2013〕150号', async () => {
    const mill = await subject('綦江测试纸业有限公司', 'C2211');
    await record(mill.code, {
      type: 'licence',
      industry: 'environment',
      decisionDate: '2024-03-01',
      validUntil: '2029-03-01',
      content: '排污许可证',
    });
    let got = await tiers(mill.id);
    expect(Object.keys(got).sort()).toEqual(['environment', 'tax']);
    expect(got.environment).toMatchObject({ tier: 'A', score: 100, tierLabelZh: '环保诚信企业（绿牌）', fired: [] });
    expect(got.environment.membership.map((b) => b.source).sort()).toEqual(['industry_code', 'record']);

    await record(mill.code, {
      type: 'penalty',
      industry: 'environment',
      severity: 'serious',
      penaltyTypes: ['fine', 'licence_revocation'],
      fineAmount: 50,
      decisionDate: '2026-09-10',
      authority: '重庆市綦江区生态环境局',
      violationType: '私设暗管排放水污染物',
    });
    got = await tiers(mill.id);
    const env = got.environment;
    expect(env.tier).toBe('D');
    expect(env.tierLabelZh).toBe('环保不良企业（红牌）');
    // Permit revoked (-25), a penalty this year (-10), a fine of 5万元 or more (-10); the veto forces D.
    expect(env.score).toBe(55);
    expect(env.fired.map((f) => f.rule).sort()).toEqual(
      ['env-large-fine', 'env-licence-impaired', 'env-penalty', 'env-veto-serious-penalty'].sort(),
    );
    const veto = env.fired.find((f) => f.rule === 'env-veto-serious-penalty')!;
    expect(veto).toMatchObject({ type: 'force-tier', tier: 'D' });
    expect(veto.reasonZh).toContain('一票否决');
    expect(veto.legalBasis).toMatchObject({
      source: 'env-2013-150',
      documentNumber: '环发〔2013〕150号',
      titleZh: '企业环境信用评价办法（试行）',
      status: 'secondary',
    });
    // The tier's inspection policy: every one of them in a year, key items in full.
    expect(env.inspectionPolicy).toMatchObject({ tier: 'D', samplingRatio: 1, keyItemsFull: true });
    // The environmental penalty is not a tax record: the tax tier does not count it.
    expect(got.tax.facts.industryPenaltiesLast12Months).toBe(0);
  });

  it('a trader filed with customs: A, then customs fines of more than 100万元 in a year cap it at C, basis 海关总署令第282号 (secondary, the threshold local)', async () => {
    const trader = await subject('綦江测试进出口贸易有限公司', 'F5199');
    await record(trader.code, {
      type: 'licence',
      industry: 'customs',
      decisionDate: '2022-05-10',
      content: '海关进出口货物收发货人备案',
    });
    let got = await tiers(trader.id);
    expect(Object.keys(got).sort()).toEqual(['customs', 'tax']);
    expect(got.customs).toMatchObject({ tier: 'A', score: 100, fired: [] });

    for (const [fineAmount, decisionDate] of [
      [60, '2026-03-12'],
      [50.5, '2026-08-20'],
    ] as const)
      await record(trader.code, {
        type: 'penalty',
        industry: 'customs',
        severity: 'general',
        penaltyTypes: ['fine'],
        fineAmount,
        decisionDate,
        authority: '重庆海关',
        violationType: '申报不实影响海关统计准确性',
      });
    got = await tiers(trader.id);
    const customs = got.customs;
    expect(customs.facts.industryFineTotalLast12Months).toBe(110.5);
    // Two penalties this year: 100 - 15 - 15 = 70, tier C by score as well as by the cap.
    expect(customs).toMatchObject({ tier: 'C', score: 70 });
    const cap = customs.fired.find((f) => f.rule === 'customs-fine-total-over-threshold')!;
    expect(cap).toMatchObject({ type: 'force-tier', tier: 'C' });
    expect(cap.legalBasis).toMatchObject({
      source: 'customs-282',
      documentNumber: '海关总署令第282号',
      status: 'secondary',
    });
    // No article of 282 was read, so none is cited; the repealed 251 is not a source any more.
    expect(cap.legalBasis.article).toBeUndefined();
    for (const f of customs.fired) expect(f.legalBasis.documentNumber).not.toBe('海关总署令第251号');
    expect(cap.reasonZh).toContain('100万元');

    // Outside environment: no code of it, no record of it.
    const view = await http<Dto<'SubjectIndustriesDto'>>(j.t.url, 'GET', `/api/v1/subjects/${trader.id}/industries`);
    expect(view.body.industries.find((m) => m.industry === 'environment')).toMatchObject({
      member: false,
      outside: 'no-basis',
      tier: null,
    });
    expect(view.body.industries.find((m) => m.industry === 'customs')).toMatchObject({ member: true, tier: 'C' });
  });

  it('a road freight company: AA with its operating licence, then a serious transport penalty caps it at C (重点关注), basis 交政研发〔2018〕181号 Art. 2 ¶2', async () => {
    const carrier = await subject('綦江测试物流有限公司', 'G5431');
    await record(carrier.code, {
      type: 'licence',
      industry: 'transport',
      decisionDate: '2021-04-12',
      validUntil: '2027-04-11',
      content: '道路运输经营许可证',
    });
    let got = await tiers(carrier.id);
    expect(Object.keys(got).sort()).toEqual(['tax', 'transport']);
    expect(got.transport).toMatchObject({ tier: 'AA', score: 100, tierLabelZh: '交通运输信用优秀（AA级）', fired: [] });
    // The search takes the transport grade AA (a tier id only transport defines).
    const search = (tier: string) =>
      http<{ items: Array<{ id: string }> }>(
        j.t.url,
        'GET',
        `/api/v1/subjects?name=${encodeURIComponent('綦江测试物流')}&industry=transport&tier=${tier}`,
      );
    expect((await search('AA')).body.items.map((x) => x.id)).toEqual([carrier.id]);
    // A member by its code (G54 道路运输业) and by its licence.
    expect(got.transport.membership.map((b) => b.source).sort()).toEqual(['industry_code', 'record']);

    await record(carrier.code, {
      type: 'penalty',
      industry: 'transport',
      severity: 'serious',
      penaltyTypes: ['fine'],
      fineAmount: 3,
      decisionDate: '2026-09-18',
      authority: '綦江区交通运输委员会',
      violationType: '聘用无从业资格证的驾驶人员从事危险货物运输',
    });
    got = await tiers(carrier.id);
    const tr = got.transport;
    // A penalty this year (-15), a serious one (-30): 55, C by score and by the key-attention cap.
    expect(tr).toMatchObject({ tier: 'C', score: 55, tierLabelZh: '交通运输信用较差（C级，重点关注）' });
    expect(tr.fired.map((f) => f.rule).sort()).toEqual(
      ['transport-key-attention', 'transport-penalty', 'transport-serious-penalty'].sort(),
    );
    const cap = tr.fired.find((f) => f.rule === 'transport-key-attention')!;
    expect(cap).toMatchObject({ type: 'force-tier', tier: 'C' });
    expect(cap.reasonZh).toContain('重点关注');
    expect(cap.legalBasis).toMatchObject({
      source: 'mot-2018-181',
      documentNumber: '交政研发〔2018〕181号',
      article: 'Art. 2 ¶2',
      status: 'verified',
    });
    expect((await search('AA')).body.items).toEqual([]);
    expect((await search('C')).body.items.map((x) => x.id)).toEqual([carrier.id]);
    // The tier's inspection policy: half of them sampled, twice a year (local parameters).
    expect(tr.inspectionPolicy).toMatchObject({ tier: 'C', samplingRatio: 0.5, minInspectionsPerYear: 2 });
    // The transport penalty is not a tax record.
    expect(got.tax.facts.industryPenaltiesLast12Months).toBe(0);
  });

  it('refuses a record of an undeclared industry, naming the field', async () => {
    const firm = await subject('綦江测试矿业有限公司', 'B0810');
    const res = await http<ProblemDetails>(
      j.t.url,
      'POST',
      '/api/v1/records',
      row(firm.code, { type: 'penalty', industry: 'mining', severity: 'general', decisionDate: '2026-09-10' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toContain('industry');
  });
});
