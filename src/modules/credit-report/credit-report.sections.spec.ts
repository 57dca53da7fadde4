import type { RecordView } from '../records/record.view';
import type { SubjectRef } from '../subjects/subjects.types';
import { buildCreditReport, maskName } from './credit-report.sections';
import { suggestionsFor } from './credit-report.suggestions';

const base: RecordView = {
  id: 'r',
  subjectId: 's',
  type: 'penalty',
  source: '区市场监管局',
  decisionNumber: 'D',
  industry: 'general',
  sector: 'other',
  severity: 'general',
  listType: null,
  listGround: null,
  taxLevel: null,
  taxYear: null,
  publicCreditGrade: null,
  decisionDate: '2026-05-15',
  publicityMinEnd: '2026-08-15',
  publicityEnd: '2027-05-15',
  validUntil: null,
  ruleVersion: 'NDRC-36',
  penaltyTypes: ['fine'],
  fineAmount: 1,
  commitmentStatus: null,
  commitmentStatusDate: null,
  commitmentType: null,
  inspectionResult: null,
  status: 'active',
  revokedAt: null,
  revocationReason: null,
  repairedAt: null,
  endedAt: null,
  details: {},
  contentHash: 'h',
  createdAt: '',
  updatedAt: '',
};
const rec = (id: string, over: Partial<RecordView>): RecordView => ({ ...base, id, decisionNumber: id, ...over });
const person: SubjectRef = {
  id: 's',
  kind: 'natural_person',
  name: '王小明',
  code: null,
  idMasked: '110105********002X',
  region: null,
  registeredOn: null,
  industryCode: null,
};

describe('credit report sections (信用中国)', () => {
  it('places each record type in its section and leaves unpublished minor penalties out', () => {
    const r = buildCreditReport({
      subject: { ...person, kind: 'legal_person', name: '某公司', code: '91350200776049653A', idMasked: null },
      tiers: [],
      asOf: '2026-11-28',
      generatedAt: 'now',
      packVersions: {},
      records: [
        rec('P', {}),
        rec('M', { severity: 'minor', details: { publishedByDefault: false } }),
        rec('L', { type: 'licence', severity: null, penaltyTypes: [] }),
        rec('R', { type: 'list_entry', listType: 'red_list', severity: null }),
        rec('X', { type: 'list_entry', listType: 'major_tax_violation' }),
        rec('A', { type: 'list_entry', listType: 'abnormal_operation' }),
        rec('C', { type: 'commitment', commitmentStatus: 'breached', commitmentType: 'gap_acceptance' }),
        rec('T', { type: 'tax_credit', taxLevel: 'B', taxYear: 2025 }),
        rec('J', { type: 'list_entry', listType: 'court_defaulter', listGround: 3 }),
      ],
    });
    const of = (key: string) =>
      r.sections.find((s) => s.key === key)!.items.map((i) => (i as { decisionNumber?: string }).decisionNumber);
    expect([
      of('administrative'),
      of('honours'),
      of('serious_dishonesty'),
      of('abnormal_operation'),
      of('commitments'),
      of('evaluations'),
      of('judicial'),
      of('other'),
    ]).toEqual([['P', 'L'], ['R'], ['X'], ['A'], ['C'], ['T'], ['J'], []]);
    expect(of('suggestions').sort()).toEqual(['A', 'C', 'J', 'P', 'X']);
    // The court listing's ground (失信情形) is carried; other items have none.
    expect(r.sections.find((s) => s.key === 'judicial')!.items[0]).toMatchObject({ listGround: 3 });
    // A commitment names its type (承诺类型).
    expect(r.sections.find((s) => s.key === 'commitments')!.items[0]).toMatchObject({
      commitmentType: 'gap_acceptance',
      commitmentTypeZh: '容缺受理型信用承诺',
    });
    expect(r.sections.find((s) => s.key === 'administrative')!.items[0]).not.toHaveProperty('listGround');
    expect(JSON.stringify(r)).not.toContain('"M"');
  });

  it('masks a natural person: first character of the name, the masked ID number', () => {
    const r = buildCreditReport({
      subject: person,
      records: [],
      tiers: [],
      asOf: '2026-11-28',
      generatedAt: 'now',
      packVersions: {},
    });
    expect(r.subject).toMatchObject({ name: '王**', idMasked: '110105********002X' });
    expect(JSON.stringify(r)).not.toContain('王小明');
    expect(maskName('李')).toBe('*');
  });

  it('suggests repair from the minimum publicity end, and says when there is nothing to repair', () => {
    expect(suggestionsFor([rec('P', {})], '2026-08-14')[0]).toMatchObject({
      route: 'credit_repair',
      canApplyNow: false,
      earliestRepairDate: '2026-08-15',
    });
    expect(suggestionsFor([rec('P', {})], '2026-08-15')[0]).toMatchObject({ canApplyNow: true });
    expect(suggestionsFor([rec('L', { type: 'licence' })], '2026-08-15')).toEqual([
      expect.objectContaining({ route: 'keep_good_record', recordId: null }),
    ]);
  });
});
