import { expect } from '@jest/globals';
import { industryJourney } from '../helpers/industry-journey';

/**
 * Issue 18, point 1: the intellectual-property industry (知识产权), pack `ip`. On PostgreSQL, over HTTP: a patent agency
 * (M7520 知识产权服务) with its practising licence (专利代理机构执业许可证) is tiered A; a serious IP penalty decided 14
 * months ago and still published (代理非正常专利申请) gives no points this year but is a 失信行为 of the CNIPA credit
 * provisions (国家知识产权局知识产权信用管理规定, secondary, no document number cited): the agency is capped at C, key
 * supervision, with that tier's inspection policy. A machinery maker penalised by the IP administration becomes a member
 * by that record, whatever its code. The clock is pinned.
 */
describe('intellectual property pack (知识产权) over HTTP', () => {
  const j = industryJourney('ip-pack', '知识产权测试主体');
  const { subject, record, tiers } = j;

  it('a patent agency: A with its licence, then a serious IP penalty still in force caps it at C (失信主体, 重点监管)', async () => {
    const agency = await subject('重庆测试专利代理事务所有限公司', 'M7520', { registeredOn: '2014-03-01' });
    await record(agency.code, {
      type: 'licence',
      industry: 'ip',
      decisionDate: '2019-05-20',
      content: '专利代理机构执业许可证',
    });
    let got = await tiers(agency.id);
    expect(Object.keys(got).sort()).toEqual(['ip', 'tax']);
    expect(got.ip).toMatchObject({ tier: 'A', score: 100, tierLabelZh: '知识产权信用良好（A级）', fired: [] });
    expect(got.ip.membership.map((b) => b.source).sort()).toEqual(['industry_code', 'record']);
    expect(got.ip.inspectionPolicy).toMatchObject({ tier: 'A', samplingRatio: 0.03, onSiteWithoutLead: false });

    await record(agency.code, {
      type: 'penalty',
      industry: 'ip',
      severity: 'serious',
      penaltyTypes: ['fine', 'confiscation'],
      fineAmount: 8,
      decisionDate: '2025-09-10',
      authority: '重庆市知识产权局',
      violationType: '代理非正常专利申请',
    });
    got = await tiers(agency.id);
    const ip = got.ip;
    // Decided 14 months ago: no points of the last 12 months, but a dishonest act in force (36 months).
    expect(ip.facts.industrySeriousPenaltiesLast12Months).toBe(0);
    expect(ip.facts.industrySeriousPenaltiesLast36Months).toBe(1);
    expect(ip).toMatchObject({ tier: 'C', score: 100, tierLabelZh: '知识产权信用较差（C级，重点监管）' });
    expect(ip.fired.map((f) => f.rule)).toEqual(['ip-dishonest-subject']);
    const cap = ip.fired[0];
    expect(cap).toMatchObject({ type: 'force-tier', tier: 'C' });
    expect(cap.reasonZh).toContain('重点监管');
    expect(cap.legalBasis).toMatchObject({
      source: 'cnipa-credit-2022',
      titleZh: '国家知识产权局知识产权信用管理规定',
      status: 'secondary',
    });
    // No document number was read, so none is cited.
    expect(cap.legalBasis.documentNumber).toBeUndefined();
    expect(ip.inspectionPolicy).toMatchObject({ tier: 'C', samplingRatio: 0.5, minInspectionsPerYear: 2 });
    // The IP penalty is not a tax record.
    expect(got.tax.facts.industryPenaltiesLast36Months).toBe(0);
  });

  it('a machinery maker penalised by the IP administration is a member by that record: 85, B', async () => {
    const maker = await subject('綦江测试机械制造有限公司', 'C3411', { registeredOn: '2014-03-01' });
    expect(Object.keys(await tiers(maker.id))).toEqual(['tax']);
    await record(maker.code, {
      type: 'penalty',
      industry: 'ip',
      severity: 'general',
      penaltyTypes: ['fine'],
      fineAmount: 1,
      decisionDate: '2026-08-03',
      authority: '綦江区市场监督管理局（知识产权局）',
      violationType: '假冒专利',
    });
    const got = await tiers(maker.id);
    expect(got.ip).toMatchObject({ tier: 'B', score: 85 });
    expect(got.ip.fired.map((f) => f.rule)).toEqual(['ip-penalty']);
    expect(got.ip.membership.map((b) => b.source)).toEqual(['record']);
  });
});
