import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { http, startTestApp, TestApp } from '../helpers/app';
import { uscc, idNumber } from '../helpers/identifiers';

interface Section {
  key: string;
  titleZh: string;
  title: string;
  count: number;
  items: ReportItem[];
}
/** What these tests read of a report's entry. */
interface ReportItem {
  decisionNumber?: string;
  category?: string;
  pack?: string;
  version?: string;
  details?: { violationFacts?: string };
  [field: string]: unknown;
}

describe('public credit report (信用报告)', () => {
  let t: TestApp;
  const run = randomUUID().slice(0, 8);
  const source = `信用报告-区市场监管局-${run}`;
  const code = uscc();
  const subject = { subjectName: `重庆报告测试有限公司-${run}`, subjectCode: code, source };
  const ids: Record<string, string> = {};
  let subjectId: string;
  const post = (path: string, body: unknown) =>
    http<{ record: { id: string; subjectId: string } }>(t.url, 'POST', path, body);
  const record = async (key: string, body: Record<string, unknown>) => {
    const res = await post('/api/v1/records', { ...subject, decisionNumber: `${run}-${key}`, ...body });
    expect(res.status).toBe(201);
    ids[key] = res.body.record.id;
    subjectId = res.body.record.subjectId;
  };
  const report = async (path: string) => {
    const res = await http<{
      subject: Record<string, unknown>;
      asOf: string;
      generatedAt: string;
      packVersions: Record<string, string>;
      sections: Section[];
    }>(t.url, 'GET', path);
    expect(res.status).toBe(200);
    return res.body;
  };
  const numbers = (s: Section) =>
    s.items
      .filter((i) => i.decisionNumber)
      .map((i) => String(i.decisionNumber).replace(`${run}-`, ''))
      .sort();
  const sectionsOf = (r: { sections: Section[] }) => Object.fromEntries(r.sections.map((s) => [s.key, s]));

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    const fine = { type: 'penalty', severity: 'general', penaltyTypes: ['fine'], fineAmount: 2 };
    await record('P-active', {
      ...fine,
      decisionDate: '2026-05-15',
      violationFacts: '未按规定公示',
      legalBasis: '《食品安全法》第一百二十六条',
    });
    await record('P-repaired', { ...fine, decisionDate: '2026-03-10', repairedAt: '2026-10-01' });
    await record('P-revoked', { ...fine, decisionDate: '2026-04-20' });
    await record('P-expired', { ...fine, decisionDate: '2022-01-10' }); // publicity ended 2025-01-10
    await record('P-minor', {
      type: 'penalty',
      severity: 'minor',
      penaltyTypes: ['warning'],
      decisionDate: '2026-11-02',
    }); // not published (令第36号)
    await record('L', {
      type: 'licence',
      decisionDate: '2025-01-05',
      validUntil: '2029-01-05',
      licenceCode: 'JY15001100001',
    });
    await record('L-expired', { type: 'licence', decisionDate: '2020-01-05', validUntil: '2025-01-05' });
    await record('I', { type: 'inspection', inspectionResult: 'passed', decisionDate: '2026-06-01' });
    await record('R', { type: 'list_entry', listType: 'red_list', decisionDate: '2026-01-10' });
    await record('AO', {
      type: 'list_entry',
      listType: 'abnormal_operation',
      severity: 'general',
      decisionDate: '2026-07-01',
    });
    await record('AO-ended', {
      type: 'list_entry',
      listType: 'abnormal_operation',
      severity: 'general',
      decisionDate: '2025-07-01',
      endedAt: '2025-12-01',
    });
    await record('SD', {
      type: 'list_entry',
      listType: 'serious_dishonesty',
      severity: 'serious',
      decisionDate: '2026-06-10',
    });
    await record('CD', {
      type: 'list_entry',
      listType: 'court_defaulter',
      listGround: 2,
      severity: 'serious',
      decisionDate: '2026-02-01',
    });
    await record('C', {
      type: 'commitment',
      commitmentStatus: 'fulfilled',
      commitmentStatusDate: '2026-08-01',
      decisionDate: '2026-03-01',
    });
    await record('T', { type: 'tax_credit', taxLevel: 'A', taxYear: 2025, decisionDate: '2026-04-20' });
    expect(
      (await post(`/api/v1/records/${ids['P-revoked']}/revoke`, { reason: '行政复议撤销', revokedAt: '2026-11-01' }))
        .status,
    ).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows only the records in force and published, each in its 信用中国 section; repaired, revoked, expired, ended and minor ones are left out', async () => {
    const r = await report(`/api/v1/subjects/${subjectId}/credit-report`);
    expect(r).toMatchObject({
      titleZh: '公共信用信息报告',
      asOf: '2026-11-28',
      generatedAt: '2026-11-28T04:00:00.000Z',
      subject: { id: subjectId, code, name: subject.subjectName, idMasked: null },
    });
    expect(r.sections.map((s) => s.key)).toEqual([
      'registration',
      'administrative',
      'honours',
      'serious_dishonesty',
      'abnormal_operation',
      'commitments',
      'evaluations',
      'judicial',
      'other',
      'suggestions',
    ]);
    for (const s of r.sections) expect(s.titleZh && s.title).toBeTruthy();
    const s = sectionsOf(r);
    expect(s.registration.items).toEqual([expect.objectContaining({ code, name: subject.subjectName })]);
    expect(numbers(s.administrative)).toEqual(['I', 'L', 'P-active']);
    expect(s.administrative.items.find((i) => i.decisionNumber === `${run}-P-active`)).toMatchObject({
      category: 'penalty',
      categoryZh: '行政处罚',
      department: source,
      decisionDate: '2026-05-15',
      severity: 'general',
      penaltyTypes: ['fine'],
      fineAmount: 2,
      publicityEnd: '2027-05-15',
      details: { violationFacts: '未按规定公示', legalBasis: '《食品安全法》第一百二十六条' },
    });
    expect(numbers(s.honours)).toEqual(['R']);
    expect(numbers(s.serious_dishonesty)).toEqual(['SD']);
    expect(numbers(s.abnormal_operation)).toEqual(['AO']);
    expect(numbers(s.commitments)).toEqual(['C']);
    expect(numbers(s.judicial)).toEqual(['CD']);
    expect(s.judicial.items[0]).toMatchObject({
      category: 'court_defaulter',
      categoryZh: '失信被执行人',
      listGround: 2,
    });
    expect(s.other.items).toEqual([]);
    expect(numbers(s.evaluations)).toEqual(['T']);
    const tiers = s.evaluations.items.filter((i) => i.category === 'credit_tier');
    expect(tiers.length).toBeGreaterThan(0);
    for (const tier of tiers) expect(r.packVersions[String(tier.pack)]).toBe(tier.version);
    const text = JSON.stringify(r);
    for (const gone of ['P-repaired', 'P-revoked', 'P-expired', 'P-minor', 'L-expired', 'AO-ended'])
      expect(text).not.toContain(`${run}-${gone}"`);
  });

  it('suggests how each negative record stops being published: credit repair from its earliest date, or performing the judgment', async () => {
    const s = sectionsOf(await report(`/api/v1/subjects/${subjectId}/credit-report`));
    const byNumber = Object.fromEntries(
      s.suggestions.items.map((i) => [String(i.decisionNumber).replace(`${run}-`, ''), i]),
    );
    expect(Object.keys(byNumber).sort()).toEqual(['AO', 'CD', 'P-active', 'SD']);
    expect(byNumber['P-active']).toMatchObject({
      route: 'credit_repair',
      earliestRepairDate: '2026-08-15',
      canApplyNow: true,
      publicityEnds: '2027-05-15',
      ruleVersion: 'NDRC-36',
      department: source,
    });
    expect(byNumber['P-active'].textZh).toContain(source);
    expect(byNumber.CD).toMatchObject({ route: 'perform_judgment', publicityEnds: '2028-02-01' });
    expect(byNumber.SD).toMatchObject({ route: 'credit_repair' });
  });

  it('as of an earlier date, the records revoked or repaired since are back (reproducible), and a later minimum shows as not yet', async () => {
    const s = sectionsOf(await report(`/api/v1/subjects/${subjectId}/credit-report?asOf=2026-07-01`));
    expect(numbers(s.administrative)).toEqual(['I', 'L', 'P-active', 'P-repaired', 'P-revoked']);
    expect(s.suggestions.items.find((i) => i.decisionNumber === `${run}-P-active`)).toMatchObject({
      canApplyNow: false,
      earliestRepairDate: '2026-08-15',
    });
    expect(numbers(s.serious_dishonesty)).toEqual(['SD']); // listed 2026-06-10
  });

  it('is found by unified social credit code; bad input is a problem', async () => {
    const r = await report(`/api/v1/credit-reports?code=${code}`);
    expect(r.subject).toMatchObject({ id: subjectId });
    expect((await http(t.url, 'GET', `/api/v1/credit-reports?code=${uscc()}`)).status).toBe(404);
    expect((await http(t.url, 'GET', '/api/v1/credit-reports?code=91350100M000100Y4A')).status).toBe(400);
    expect((await http(t.url, 'GET', `/api/v1/subjects/${randomUUID()}/credit-report`)).status).toBe(404);
    expect((await http(t.url, 'GET', '/api/v1/subjects/not-a-uuid/credit-report')).status).toBe(400);
    expect((await http(t.url, 'GET', `/api/v1/subjects/${subjectId}/credit-report?asOf=2026-02-30`)).status).toBe(400);
  });

  it("a natural person's report shows the masked ID number only, never the full one", async () => {
    const person = idNumber();
    const res = await post('/api/v1/records', {
      type: 'penalty',
      source,
      decisionNumber: `${run}-NP`,
      subjectName: '王小明',
      subjectIdNumber: person,
      severity: 'general',
      penaltyTypes: ['fine'],
      fineAmount: 0.2,
      decisionDate: '2026-09-01',
      violationFacts: `当事人（身份证号 ${person}）无证经营`,
    });
    expect(res.status).toBe(201);
    const r = await report(`/api/v1/subjects/${res.body.record.subjectId}/credit-report`);
    const masked = `${person.slice(0, 6)}********${person.slice(14)}`;
    expect(r.subject).toMatchObject({ kind: 'natural_person', idMasked: masked, code: null, name: '王**' });
    const s = sectionsOf(r);
    expect(numbers(s.administrative)).toEqual(['NP']);
    expect(s.administrative.items[0].details?.violationFacts).toBe(`当事人（身份证号 ${masked}）无证经营`);
    expect(JSON.stringify(r)).not.toContain(person);
    expect(JSON.stringify(r)).not.toContain('王小明');
  });

  it('serves the routes in the OpenAPI document', async () => {
    const doc = (await http<{ paths: Record<string, unknown> }>(t.url, 'GET', '/docs-json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/subjects/{id}/credit-report', '/api/v1/credit-reports']),
    );
  });
});
