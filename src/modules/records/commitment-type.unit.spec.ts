import 'reflect-metadata';
import { BREACH_CONSEQUENCES, COMMITMENT_TYPES, breachBasis, commitmentTypeCell } from '../../rules/facts';
import { parseCsvImport } from './import-parse';
import { normaliseRecord } from './record-normalise';
import { checkRow } from './row-check';

const TODAY = '2026-11-28';
const commitment = {
  type: 'commitment',
  source: '行政审批局',
  decisionNumber: 'CN-1',
  subjectName: '某某公司',
  subjectCode: '91350200776049653A',
  commitmentStatus: 'breached',
  commitmentStatusDate: '2025-06-01',
  decisionDate: '2025-01-01',
  remarks: '告知承诺制',
};
const check = (raw: Record<string, unknown>) => checkRow(raw, TODAY);

describe('records: the commitment type (承诺类型)', () => {
  it('defaults to notify_commit and keeps the content hash every earlier commitment had', () => {
    const c = check(commitment);
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    const n = normaliseRecord(c.row, 'S1');
    expect(n.commitment_type).toBe('notify_commit');
    // The hash of this row before the type existed (the code of e237d42), pinned.
    expect(n.content_hash).toBe('fae88240d39e7c9b84fa0feda32885e53a632cc39045fc617d56ea0cac94d582');
    const explicit = check({ ...commitment, commitmentType: 'notify_commit' });
    if (!explicit.ok) throw new Error('refused');
    expect(normaliseRecord(explicit.row, 'S1').content_hash).toBe(n.content_hash);
    const other = check({ ...commitment, commitmentType: 'gap_acceptance' });
    if (!other.ok) throw new Error('refused');
    expect(normaliseRecord(other.row, 'S1')).toMatchObject({ commitment_type: 'gap_acceptance' });
    expect(normaliseRecord(other.row, 'S1').content_hash).not.toBe(n.content_hash);
  });

  it('is refused on another record type and when unknown, naming the field', () => {
    const onPenalty = check({
      type: 'penalty',
      source: 'SAMR',
      decisionNumber: 'P-1',
      subjectName: '某某公司',
      subjectCode: '91350200776049653A',
      severity: 'general',
      penaltyTypes: ['fine'],
      fineAmount: 2,
      decisionDate: '2025-01-01',
      commitmentType: 'gap_acceptance',
    });
    expect(onPenalty.ok ? [] : onPenalty.errors.map((e) => e.field)).toEqual(['commitmentType']);
    const unknown = check({ ...commitment, commitmentType: 'promise' });
    expect(unknown.ok ? [] : unknown.errors.map((e) => e.field)).toEqual(['commitmentType']);
  });

  it('reads the CSV column 承诺类型 in Chinese names or codes', () => {
    expect(commitmentTypeCell('容缺受理')).toBe('gap_acceptance');
    expect(commitmentTypeCell('容缺受理型')).toBe('gap_acceptance');
    expect(commitmentTypeCell('市场主体主动公开型')).toBe('voluntary_disclosure');
    expect(commitmentTypeCell('行业自律型信用承诺')).toBe('industry_self_discipline');
    expect(commitmentTypeCell('审批替代')).toBe('approval_substitute');
    expect(commitmentTypeCell('信用修复承诺')).toBe('credit_repair');
    expect(commitmentTypeCell('告知承诺')).toBe('notify_commit');
    expect(commitmentTypeCell('credit_repair')).toBe('credit_repair');
    expect(commitmentTypeCell('别的')).toBe('别的');
    const rows = parseCsvImport('type,承诺类型\ncommitment,容缺受理型\ncommitment,\n');
    expect(rows.map((r) => r.data)).toEqual([
      { type: 'commitment', commitmentType: 'gap_acceptance' },
      { type: 'commitment' },
    ]);
  });

  it('gives every type its breach consequences, the first entering the credit record, and a basis', () => {
    for (const t of COMMITMENT_TYPES) {
      expect(BREACH_CONSEQUENCES[t][0].code).toBe('credit_record');
      for (const c of BREACH_CONSEQUENCES[t])
        expect(c.basisStatus === 'local_parameter').toBe(c.parameter !== undefined && c.basis.includes(c.parameter));
    }
    expect(breachBasis('notify_commit')).toBe('国办发〔2020〕42号');
    expect(breachBasis('gap_acceptance')).toBe(
      '国办发〔2019〕35号; local parameter COMMITMENT_GAP_ACCEPTANCE_REVOKES; local parameter COMMITMENT_GAP_ACCEPTANCE_BARS_UNTIL_REPAIRED',
    );
    expect(breachBasis('credit_repair')).toContain('NDRC 令第36号');
    expect(breachBasis('credit_repair')).toContain('COMMITMENT_REPAIR_BREACH_VOIDS_REPAIR');
  });
});
