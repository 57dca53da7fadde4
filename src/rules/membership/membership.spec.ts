import { assignmentAt, industryCodeProblem, membershipIn, type MembershipPack } from './membership';
import type { FactRecord } from '../facts/record.types';

const construction: MembershipPack = {
  industry: 'construction',
  appliesTo: ['legal_person', 'unincorporated_org'],
  membership: { fromRecords: ['licence'], industryCodes: ['E47', 'E48'], source: 'local' },
};
const company = { kind: 'legal_person' as const, industryCode: null, registeredOn: '2010-01-01' };
const licence = (over: Partial<FactRecord> = {}): FactRecord => ({
  id: 'lic-1',
  type: 'licence',
  industry: 'construction',
  decisionDate: '2020-01-01',
  validUntil: '2025-01-01',
  status: 'active',
  ...over,
});

describe('industry membership (行业归属)', () => {
  it('a record of the industry and type named, in force at T, is a basis; expired, another industry or type, it is not', () => {
    expect(membershipIn(construction, company, [licence()], [], '2024-06-01')).toEqual({
      industry: 'construction',
      member: true,
      bases: [{ source: 'record', since: '2020-01-01', recordType: 'licence', recordId: 'lic-1' }],
    });
    expect(membershipIn(construction, company, [licence()], [], '2025-01-01')).toMatchObject({
      member: false,
      outside: 'no-basis',
    });
    for (const other of [licence({ industry: 'fire_safety' }), licence({ type: 'penalty', publicityEnd: null })])
      expect(membershipIn(construction, company, [other], [], '2024-06-01').member).toBe(false);
  });

  it('the registered GB/T 4754 code by prefix, since the registration date', () => {
    const builder = { ...company, industryCode: 'E4710' };
    expect(membershipIn(construction, builder, [], [], '2024-06-01').bases).toEqual([
      { source: 'industry_code', since: '2010-01-01', industryCode: 'E4710' },
    ]);
    expect(membershipIn(construction, { ...company, industryCode: 'E5011' }, [], [], '2024-06-01').member).toBe(false);
  });

  it('a subject of a kind the pack does not apply to is outside, whatever its bases', () => {
    const m = membershipIn(construction, { ...company, kind: 'natural_person' }, [licence()], [], '2024-06-01');
    expect(m).toEqual({ industry: 'construction', member: false, bases: [], outside: 'kind' });
  });

  it('a department decision in force puts a subject in; an exclusion takes it out over every other basis', () => {
    const member = {
      industry: 'construction',
      effect: 'member' as const,
      since: '2024-01-01',
      until: null,
      reason: 'r',
    };
    expect(membershipIn(construction, company, [], [member], '2024-06-01').bases).toEqual([
      { source: 'assigned', since: '2024-01-01', reason: 'r' },
    ]);
    expect(membershipIn(construction, company, [], [member], '2023-12-31').member).toBe(false);
    const excluded = { ...member, effect: 'excluded' as const, since: '2024-03-01' };
    const m = membershipIn(
      construction,
      { ...company, industryCode: 'E47' },
      [licence()],
      [member, excluded],
      '2024-06-01',
    );
    expect(m).toMatchObject({
      member: false,
      outside: 'excluded',
      excludedBy: { source: 'assigned', since: '2024-03-01' },
    });
    expect(m.bases.map((b) => b.source)).toEqual(['record', 'industry_code']);
  });

  it('the latest decision in force wins; an ended one no longer counts; on the same day an exclusion wins', () => {
    const a = { industry: 'construction', effect: 'excluded' as const, since: '2024-01-01', until: '2024-05-01' };
    const b = { industry: 'construction', effect: 'member' as const, since: '2024-05-01', until: null };
    expect(assignmentAt([a, b], 'construction', '2024-04-30')).toBe(a);
    expect(assignmentAt([a, b], 'construction', '2024-05-01')).toBe(b);
    const same = { ...b, effect: 'excluded' as const };
    expect(assignmentAt([b, same], 'construction', '2024-06-01')).toBe(same);
    expect(assignmentAt([b], 'fire_safety', '2024-06-01')).toBeUndefined();
  });

  it('every subject of its kinds when the pack says so, or when it declares no membership (packs before 分行业)', () => {
    const tax: MembershipPack = {
      industry: 'tax',
      appliesTo: ['legal_person'],
      membership: { everySubject: true, source: 's' },
    };
    expect(membershipIn(tax, company, [], [], '2024-06-01').bases).toEqual([{ source: 'every_subject', since: null }]);
    const old: MembershipPack = { industry: 'tax', appliesTo: ['legal_person'] };
    expect(membershipIn(old, company, [], [], '2024-06-01').member).toBe(true);
  });

  it('industry codes: a section letter A–T and 2, 3 or 4 digits', () => {
    for (const ok of ['E', 'E47', 'H611', 'F5251']) expect(industryCodeProblem(ok)).toBeUndefined();
    for (const bad of ['e47', 'Z12', 'E4', 'E47101', '4710', 47]) expect(industryCodeProblem(bad)).toBeDefined();
  });
});
