import { deriveFacts } from './derive-facts';
import { recordsBehind } from './fact-sources';
import { ADMIN_INFO_PUBLICITY_MONTHS, ADMIN_INFO_TYPES, adminInfoPublicityEnd, isAdminInfoType } from './admin-info';
import { RECORD_TYPES, type FactRecord } from './record.types';

/**
 * 行政管理信息 (行政强制、行政奖励、行政确认、行政裁决、行政监督检查): record types with a local publicity period,
 * shown but never counted by the tier facts (no source reads them into a tier).
 */
describe('administrative information records (行政管理信息)', () => {
  const company = { kind: 'legal_person' as const, registeredOn: '2015-01-01' };
  const asOf = '2026-06-01';
  const record = (type: FactRecord['type'], industry: FactRecord['industry'] = 'food_drug'): FactRecord => ({
    id: `${type}-1`,
    type,
    industry,
    decisionDate: '2026-03-02',
    publicityEnd: isAdminInfoType(type) ? adminInfoPublicityEnd(type, '2026-03-02') : null,
    status: 'active',
  });

  it('are five record types, each with its local publicity period counted from the decision date', () => {
    expect(ADMIN_INFO_TYPES.every((t) => (RECORD_TYPES as readonly string[]).includes(t))).toBe(true);
    expect(ADMIN_INFO_PUBLICITY_MONTHS).toEqual({
      admin_enforcement: 12,
      admin_reward: 36,
      admin_confirmation: 12,
      admin_adjudication: 12,
      admin_supervision: 12,
    });
    expect(adminInfoPublicityEnd('admin_enforcement', '2026-03-02')).toBe('2027-03-02');
    expect(adminInfoPublicityEnd('admin_reward', '2024-02-29')).toBe('2027-02-28');
    expect(isAdminInfoType('penalty')).toBe(false);
  });

  it('change no fact: a subject with only administrative information has no history in any industry', () => {
    const none = deriveFacts(company, [], asOf, 'food_drug');
    const admin = ADMIN_INFO_TYPES.map((t) => record(t));
    expect(deriveFacts(company, admin, asOf, 'food_drug')).toEqual(none);
    expect(deriveFacts(company, admin, asOf, 'all')).toEqual(deriveFacts(company, [], asOf, 'all'));
    // A licence beside them is counted as before, and alone.
    const licence = record('licence');
    const withLicence = deriveFacts(company, [...admin, licence], asOf, 'food_drug');
    expect(withLicence).toEqual(deriveFacts(company, [licence], asOf, 'food_drug'));
    expect(withLicence.industryRecordsInForce).toBe(1);
    expect(recordsBehind('industryRecordsInForce', [...admin, licence], asOf, 'food_drug').map((r) => r.id)).toEqual([
      'licence-1',
    ]);
  });
});
