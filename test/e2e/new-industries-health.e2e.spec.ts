import { expect } from '@jest/globals';
import { industryJourney } from '../helpers/industry-journey';

/**
 * Issue 18, point 1: medical and health (医疗卫生) and housekeeping services (家政服务), declared in
 * src/rules/shared/industries.ts with their packs. Neither has a national grading: tiers, bands and points are local
 * parameters, the rules cite the national texts found (all secondary as to their credit clauses). On PostgreSQL, over
 * HTTP: a clinic (诊所, Q8425, an individual business) with its 医疗机构执业许可证 is A in medical, and a serious health
 * penalty makes it a 重点监督对象 (at most C), the reason citing 贵州's bad-practice scoring; a housekeeping firm
 * (O8010) is a member by its code alone (no records: the local default B), a passed commerce inspection makes it A,
 * and a serious housekeeping penalty caps it at C citing 发改办社会〔2019〕878号. The clock is pinned.
 */
describe('medical and housekeeping packs (医疗卫生、家政服务) over HTTP', () => {
  const j = industryJourney('new-industries-health', '新行业测试主体');
  const { subject, record, tiers } = j;
  const seriousPenalty = (industry: string, authority: string, violationType: string) => ({
    type: 'penalty',
    industry,
    severity: 'serious',
    penaltyTypes: ['fine', 'confiscation'],
    fineAmount: 3,
    decisionDate: '2026-09-18',
    authority,
    violationType,
  });

  it('a clinic: A with its practice licence, then a serious health penalty makes it a 重点监督对象 (C), basis 贵州 bad-practice scoring (secondary)', async () => {
    const clinic = await subject('綦江区测试诊所', 'Q8425', {
      kind: 'individual_business',
      registeredOn: '2014-03-01',
    });
    await record(clinic.code, {
      type: 'licence',
      industry: 'medical',
      decisionDate: '2022-04-12',
      validUntil: '2027-04-11',
      content: '医疗机构执业许可证',
    });
    let got = await tiers(clinic.id);
    expect(Object.keys(got).sort()).toEqual(['medical', 'tax']);
    expect(got.medical).toMatchObject({ tier: 'A', score: 100, tierLabelZh: '医疗卫生信用良好（A级）', fired: [] });
    // A member by its code (Q84 卫生) and by its licence.
    expect(got.medical.membership.map((b) => b.source).sort()).toEqual(['industry_code', 'record']);
    expect(got.medical.inspectionPolicy).toMatchObject({ tier: 'A', samplingRatio: 0.03, onSiteWithoutLead: false });

    await record(
      clinic.code,
      seriousPenalty('medical', '綦江区卫生健康委员会', '使用非卫生技术人员从事医疗卫生技术工作'),
    );
    got = await tiers(clinic.id);
    const md = got.medical;
    // A health penalty this year (-15), a serious one (-15): 70, C by score and by the key-supervision cap.
    expect(md).toMatchObject({ tier: 'C', score: 70, tierLabelZh: '医疗卫生信用较差（C级，重点监督）' });
    expect(md.fired.map((f) => f.rule).sort()).toEqual(
      ['medical-key-supervision', 'medical-penalty', 'medical-serious-penalty'].sort(),
    );
    const cap = md.fired.find((f) => f.rule === 'medical-key-supervision')!;
    expect(cap).toMatchObject({ type: 'force-tier', tier: 'C' });
    expect(cap.reasonZh).toContain('重点监督对象');
    expect(cap.legalBasis).toMatchObject({
      source: 'medical-scoring-guizhou',
      titleZh: '贵州省医疗机构不良执业行为记分管理办法（媒体报道）',
      status: 'secondary',
    });
    // No document number of the provincial measure was read: none is cited.
    expect(cap.legalBasis.documentNumber).toBeUndefined();
    // The penalty itself rests on 国办发〔2018〕63号 (secondary).
    expect(md.fired.find((f) => f.rule === 'medical-penalty')!.legalBasis).toMatchObject({
      documentNumber: '国办发〔2018〕63号',
      status: 'secondary',
    });
    expect(md.inspectionPolicy).toMatchObject({ tier: 'C', samplingRatio: 0.3, minInspectionsPerYear: 2 });
    // The health penalty is not a tax record.
    expect(got.tax.facts.industryPenaltiesLast12Months).toBe(0);
  });

  it('a housekeeping firm: B by its code alone, A after a passed inspection, then a serious penalty caps it at C, basis 发改办社会〔2019〕878号 (secondary)', async () => {
    const firm = await subject('重庆测试家政服务有限公司', 'O8010', {
      kind: 'legal_person',
      registeredOn: '2014-03-01',
    });
    let got = await tiers(firm.id);
    expect(Object.keys(got).sort()).toEqual(['housekeeping', 'tax']);
    // A member by its code only; without records the local default is B, never A.
    expect(got.housekeeping.membership.map((b) => b.source)).toEqual(['industry_code']);
    expect(got.housekeeping).toMatchObject({ tier: 'B', score: 100 });
    expect(got.housekeeping.fired.map((f) => f.rule)).toEqual(['housekeeping-no-history']);
    expect(got.housekeeping.fired[0].legalBasis).toMatchObject({ status: 'local-parameter' });

    await record(firm.code, {
      type: 'inspection',
      industry: 'housekeeping',
      inspectionResult: 'passed',
      decisionDate: '2026-05-20',
    });
    got = await tiers(firm.id);
    expect(got.housekeeping).toMatchObject({
      tier: 'A',
      score: 100,
      tierLabelZh: '家政服务信用良好（A级）',
      fired: [],
    });

    await record(firm.code, seriousPenalty('housekeeping', '綦江区商务委员会', '发布虚假家政服务广告'));
    got = await tiers(firm.id);
    const hk = got.housekeeping;
    expect(hk).toMatchObject({ tier: 'C', score: 70, tierLabelZh: '家政服务信用较差（C级，重点关注）' });
    expect(hk.fired.map((f) => f.rule).sort()).toEqual(
      ['housekeeping-key-attention', 'housekeeping-penalty', 'housekeeping-serious-penalty'].sort(),
    );
    const cap = hk.fired.find((f) => f.rule === 'housekeeping-key-attention')!;
    expect(cap).toMatchObject({ type: 'force-tier', tier: 'C' });
    expect(cap.legalBasis).toMatchObject({
      source: 'ndrc-2019-878',
      documentNumber: '发改办社会〔2019〕878号',
      titleZh: '关于开展家政服务领域信用建设专项行动的通知',
      status: 'secondary',
    });
    expect(hk.inspectionPolicy).toMatchObject({ tier: 'C', samplingRatio: 0.3, minInspectionsPerYear: 2 });

    // A serious-dishonesty listing by any department puts it in D (the 2018 joint-punishment memorandum).
    await record(firm.code, {
      type: 'list_entry',
      listType: 'serious_dishonesty',
      severity: 'serious',
      decisionDate: '2026-10-08',
      authority: '綦江区市场监督管理局',
    });
    got = await tiers(firm.id);
    expect(got.housekeeping.tier).toBe('D');
    expect(
      got.housekeeping.fired.find((f) => f.rule === 'housekeeping-serious-dishonesty-listed')!.legalBasis,
    ).toMatchObject({
      documentNumber: '发改财金〔2018〕277号',
      status: 'secondary',
    });
  });
});
