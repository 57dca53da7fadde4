import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { http, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';
import type { ProblemDetails } from '../../src/common/problem';

/** What these tests read of a repair notice (信用修复告知). */
interface Notice {
  recordId: string;
  ruleText: string;
  howToApply: string[];
  [field: string]: unknown;
}
/** A recorded decision, as the records route answers it. */
interface Recorded {
  record: { id: string };
  repairNotice: Notice | null;
}

describe('credit repair notice (信用修复告知书) served with a penalty', () => {
  let t: TestApp;
  const source = `repair-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    t = await startTestApp();
    // The decisions below are dated in 2025 and 2026: the clock is pinned so that "1 year before repair" is
    // still ahead on any day the suite runs (CI moves the process clock by -200 and +400 days).
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
  });
  afterAll(async () => {
    await t.close();
  });

  const record = async (body: Record<string, unknown>) => {
    const res = await http<Recorded>(t.url, 'POST', '/api/v1/records', {
      source,
      decisionNumber: randomUUID(),
      subjectName: '修复告知测试公司',
      subjectCode: uscc(),
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body.record.id;
  };

  it('answers the notice with the recorded penalty itself (served with the decision), and none for a licence', async () => {
    const penalty = await http<Recorded>(t.url, 'POST', '/api/v1/records', {
      source,
      decisionNumber: randomUUID(),
      subjectName: '修复告知测试公司',
      subjectCode: uscc(),
      type: 'penalty',
      severity: 'general',
      penaltyTypes: ['fine'],
      fineAmount: 1,
      decisionDate: '2025-03-10',
    });
    expect(penalty.status).toBe(201);
    expect(penalty.body.repairNotice).toEqual(
      (await http<Notice>(t.url, 'GET', `/api/v1/records/${penalty.body.record.id}/repair-notice`)).body,
    );
    expect(penalty.body.repairNotice).toMatchObject({ earliestRepairDate: '2025-06-10', ruleVersion: 'NDRC-58' });
    const licence = await http<Recorded>(t.url, 'POST', '/api/v1/records', {
      source,
      decisionNumber: randomUUID(),
      subjectName: '修复告知测试公司',
      subjectCode: uscc(),
      type: 'licence',
      decisionDate: '2025-03-10',
    });
    expect(licence.status).toBe(201);
    expect(licence.body.repairNotice).toBeNull();
  });

  it('uses the 令第58号 windows for a decision of 2025 and the 令第36号 windows for one of May 2026', async () => {
    const old = await record({
      type: 'penalty',
      severity: 'general',
      penaltyTypes: ['fine'],
      fineAmount: 1,
      decisionDate: '2025-03-10',
    });
    const notice58 = await http<Notice>(t.url, 'GET', `/api/v1/records/${old}/repair-notice`);
    expect(notice58.status).toBe(200);
    expect(notice58.body).toMatchObject({
      ruleVersion: 'NDRC-58',
      earliestRepairDate: '2025-06-10',
      publicityEnds: '2028-03-10',
      recognisingDepartment: source,
    });
    expect(notice58.body.howToApply.join('\n')).toContain('2025-06-10');
    expect(notice58.body.howToApply.join('\n')).toContain(
      `POST /api/v1/repair-applications with recordId ${notice58.body.recordId}`,
    );

    const recent = await record({
      type: 'penalty',
      severity: 'serious',
      penaltyTypes: ['fine'],
      fineAmount: 1,
      decisionDate: '2026-05-20',
    });
    const notice36 = await http<Notice>(t.url, 'GET', `/api/v1/records/${recent}/repair-notice`);
    expect(notice36.body).toMatchObject({
      ruleVersion: 'NDRC-36',
      earliestRepairDate: '2027-05-20',
      publicityEnds: '2029-05-20',
    });
    expect(notice36.body.ruleText).toContain('第36号');
  });

  it('a dishonesty listing keeps no minimum publicity period: its notice says repair may be applied for at once, as the application route accepts', async () => {
    const listed = await record({
      type: 'list_entry',
      listType: 'serious_dishonesty',
      severity: 'general',
      decisionDate: '2026-05-20',
    });
    const notice = await http<Notice>(t.url, 'GET', `/api/v1/records/${listed}/repair-notice`);
    expect(notice.body).toMatchObject({ earliestRepairDate: null, publicityEnds: null });
    const text = notice.body.howToApply.join('\n');
    expect(text).not.toContain('最短公示期届满之日');
    expect(text).toContain('无最短公示期');
    expect(text).toContain('at once');
    const applied = await http(t.url, 'POST', '/api/v1/repair-applications', {
      recordId: listed,
      applicant: { kind: 'subject', name: '修复告知测试公司' },
      commitment: '本单位承诺所提交材料真实有效，愿意承担违背承诺的相应责任。',
      reason: '已纠正失信行为并履行相关义务。',
    });
    expect(applied.status).toBe(201);
  });

  it('a serious listing decided under 令第36号 waits 1 year before repair (serious information), notice and route agree', async () => {
    const listed = await record({
      type: 'list_entry',
      listType: 'serious_dishonesty',
      severity: 'serious',
      decisionDate: '2026-05-20',
    });
    const notice = await http(t.url, 'GET', `/api/v1/records/${listed}/repair-notice`);
    expect(notice.body).toMatchObject({ earliestRepairDate: '2027-05-20', publicityEnds: null });
    const applied = await http(t.url, 'POST', '/api/v1/repair-applications', {
      recordId: listed,
      applicant: { kind: 'subject', name: '修复告知测试公司' },
      commitment: '本单位承诺所提交材料真实有效，愿意承担违背承诺的相应责任。',
      reason: '已纠正失信行为并履行相关义务。',
    });
    expect(applied.status).toBe(422);
    expect((applied.body as { code: string }).code).toBe('REPAIR_TOO_EARLY');
  });

  it('has no notice for a licence (404 problem), and refuses a malformed id', async () => {
    const licence = await record({ type: 'licence', decisionDate: '2025-01-05', validUntil: '2030-01-05' });
    const res = await http<ProblemDetails>(t.url, 'GET', `/api/v1/records/${licence}/repair-notice`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('REPAIR_NOTICE_NOT_APPLICABLE');
    expect((await http(t.url, 'GET', '/api/v1/records/not-a-uuid/repair-notice')).status).toBe(400);
  });
});
