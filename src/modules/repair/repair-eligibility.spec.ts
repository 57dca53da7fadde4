import type { RecordView } from '../records/record.view';
import { assertRepairable } from './repair-eligibility';
import { repairNoticeOf } from '../records/repair-notice';
import { RecordNotInForce, RecordNotRepairable, RepairTooEarly } from './repair.exception';

const base: RecordView = {
  id: 'r1',
  subjectId: 's1',
  type: 'penalty',
  source: '綦江区市场监督管理局',
  decisionNumber: '綦市监罚〔2025〕1号',
  industry: 'general',
  sector: 'other',
  severity: 'general',
  listType: null,
  listGround: null,
  taxLevel: null,
  taxYear: null,
  publicCreditGrade: null,
  decisionDate: '2025-03-10',
  publicityMinEnd: '2025-06-10',
  publicityEnd: '2028-03-10',
  validUntil: null,
  ruleVersion: 'NDRC-58',
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
  contentHash: '0'.repeat(64),
  createdAt: '2025-03-10T00:00:00.000Z',
  updatedAt: '2025-03-10T00:00:00.000Z',
};
const r = (o: Partial<RecordView>): RecordView => ({ ...base, ...o });
const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (err) {
    return err;
  }
  return undefined;
};

describe('assertRepairable (信用修复条件)', () => {
  it('refuses before the minimum publicity period, naming the earliest date; admits on that very day', () => {
    const err = thrown(() => assertRepairable(base, '2025-06-09'));
    expect(err).toBeInstanceOf(RepairTooEarly);
    expect((err as RepairTooEarly).toProblem()).toMatchObject({
      status: 422,
      recordId: 'r1',
      earliestRepairDate: '2025-06-10',
    });
    expect(assertRepairable(base, '2025-06-10')).toEqual({
      department: '綦江区市场监督管理局',
      earliestRepairDate: '2025-06-10',
    });
  });

  it('has nothing to repair once publication stopped by itself, or the record was revoked, repaired or ended', () => {
    expect(thrown(() => assertRepairable(base, '2028-03-10'))).toBeInstanceOf(RecordNotInForce);
    expect(assertRepairable(base, '2028-03-09').department).toBe(base.source);
    for (const o of [
      { revokedAt: '2025-05-01', status: 'revoked' as const },
      { repairedAt: '2025-07-01', status: 'repaired' as const },
      { endedAt: '2025-08-01', status: 'ended' as const },
    ]) {
      expect(thrown(() => assertRepairable(r(o), '2025-09-01'))).toBeInstanceOf(RecordNotInForce);
    }
  });

  it('repairs penalties, negative listings and breached commitments only', () => {
    const today = '2026-06-01';
    expect(
      thrown(() => assertRepairable(r({ type: 'licence', publicityMinEnd: null, publicityEnd: null }), today)),
    ).toBeInstanceOf(RecordNotRepairable);
    expect(
      thrown(() =>
        assertRepairable(
          r({ type: 'list_entry', listType: 'red_list', publicityMinEnd: null, publicityEnd: null }),
          today,
        ),
      ),
    ).toBeInstanceOf(RecordNotRepairable);
    expect(
      thrown(() =>
        assertRepairable(
          r({ type: 'commitment', commitmentStatus: 'pending', publicityMinEnd: null, publicityEnd: null }),
          today,
        ),
      ),
    ).toBeInstanceOf(RecordNotRepairable);
    expect(
      thrown(() =>
        assertRepairable(
          r({ type: 'commitment', commitmentStatus: 'fulfilled', publicityMinEnd: null, publicityEnd: null }),
          today,
        ),
      ),
    ).toBeInstanceOf(RecordNotRepairable);
    expect(
      assertRepairable(
        r({ type: 'commitment', commitmentStatus: 'breached', publicityMinEnd: null, publicityEnd: null }),
        today,
      ).earliestRepairDate,
    ).toBeNull();
    expect(
      assertRepairable(
        r({ type: 'list_entry', listType: 'serious_dishonesty', publicityMinEnd: null, publicityEnd: null }),
        today,
      ).earliestRepairDate,
    ).toBeNull();
  });

  describe('each record by its own rule (issue 14, point 5)', () => {
    const list = (extra: Partial<RecordView>) =>
      r({ type: 'list_entry', penaltyTypes: [], fineAmount: null, publicityMinEnd: null, ...extra });

    it('a 失信被执行人 listing is ended by the court, never repaired by a credit office (法释〔2017〕7号 Art. 10)', () => {
      const e = thrown(() =>
        assertRepairable(list({ listType: 'court_defaulter', listGround: 1, publicityEnd: null }), '2026-06-01'),
      );
      expect(e).toBeInstanceOf(RecordNotRepairable);
      expect((e as RecordNotRepairable).errors?.[0].reason).toMatch(/法释〔2017〕7号/);
    });

    it('a procurement ban runs its term and cannot be repaired away early (政府采购法 Art. 77)', () => {
      const e = thrown(() =>
        assertRepairable(list({ listType: 'procurement_dishonesty', publicityEnd: '2028-03-10' }), '2026-06-01'),
      );
      expect(e).toBeInstanceOf(RecordNotRepairable);
      expect((e as RecordNotRepairable).errors?.[0].reason).toMatch(/Art\. 77/);
    });

    it('serious information under 令第36号 waits 1 year before repair, a list entry included', () => {
      const entry = list({
        listType: 'serious_dishonesty',
        severity: 'serious',
        decisionDate: '2026-05-01',
        publicityEnd: null,
        ruleVersion: 'NDRC-36',
      });
      const e = thrown(() => assertRepairable(entry, '2027-04-30'));
      expect(e).toBeInstanceOf(RepairTooEarly);
      expect(assertRepairable(entry, '2027-05-01')).toEqual({
        department: entry.source,
        earliestRepairDate: '2027-05-01',
      });
    });

    it('market-regulation penalties are repaired under 国市监信规〔2021〕3号 (the notice says so)', () => {
      const notice = repairNoticeOf(r({ industry: 'food_drug', sector: 'food' }));
      expect(notice?.ruleText).toContain('国市监信规〔2021〕3号');
      expect(repairNoticeOf(list({ listType: 'court_defaulter', listGround: 2 }))).toBeNull();
    });
  });
});
