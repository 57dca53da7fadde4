import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

const COMMITMENT =
  '本单位承诺已履行行政处罚决定规定的义务，所提交材料真实有效；如违背承诺，愿意承担相应法律责任并接受失信惩戒。';

/** An approval allows exactly what an application allows: the record still in force and past its minimum publicity period. */
describe('credit repair approval (准予信用修复) checks the record as it is on the day of approval', () => {
  let t: TestApp;
  let clock: Clock;
  const department = `綦江区应急管理局-${randomUUID().slice(0, 8)}`;
  const at = (date: string) => clock.pin(`${date}T04:00:00Z`);
  const post = <T = unknown>(path: string, body: unknown) => http<T>(t.url, 'POST', path, body);
  const get = <T = unknown>(path: string) => http<T>(t.url, 'GET', path);

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
  });
  afterAll(async () => {
    clock.pin(null);
    await t.close();
  });

  async function penalty(
    decisionNumber: string,
    code: string,
    decisionDate: string,
    severity: string,
  ): Promise<{ id: string; subjectId: string }> {
    const res = await post<Dto<'IngestOneResultDto'>>('/api/v1/records', {
      type: 'penalty',
      source: department,
      decisionNumber,
      subjectName: '重庆綦安修复审批测试有限公司',
      subjectCode: code,
      industry: 'general',
      severity,
      penaltyTypes: ['fine'],
      fineAmount: 2,
      decisionDate,
    });
    expect(res.status).toBeLessThan(300);
    await t.app.get(TieringService).idle();
    return { id: res.body.record.id, subjectId: res.body.record.subjectId };
  }
  const apply = (recordId: string) =>
    post<Dto<'RepairApplicationDto'>>('/api/v1/repair-applications', {
      recordId,
      applicant: { kind: 'subject', name: '重庆綦安修复审批测试有限公司' },
      commitment: COMMITMENT,
      reason: '罚款已缴清，已整改。',
    });
  const approve = (id: string) =>
    post<ProblemDetails>(`/api/v1/repair-applications/${id}/approve`, { department, reason: '同意修复。' });

  it('a record whose publication stopped by itself while its application was pending is not repaired (409); the department can still reject', async () => {
    at('2027-03-20');
    const p = await penalty(`应急罚-${randomUUID()}`, uscc(), '2026-04-10', 'general'); // 令第36号 general: [2026-07-10, 2027-04-10)
    const app = await apply(p.id);
    expect(app.status).toBe(201);

    at('2027-04-10'); // the maximum: publication stops by itself on this day
    const late = await approve(app.body.id);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'REPAIR_RECORD_NOT_IN_FORCE', recordId: p.id });
    expect(late.body.errors?.[0].reason).toContain('2027-04-10');
    expect((await get(`/api/v1/records/${p.id}`)).body).toMatchObject({
      status: 'active',
      repairedAt: null,
      inForce: false,
    });
    expect((await get<Dto<'RepairApplicationDto'>>(`/api/v1/repair-applications/${app.body.id}`)).body.status).toBe(
      'pending',
    );
    expect(
      (
        await post(`/api/v1/repair-applications/${app.body.id}/reject`, {
          department,
          reason: '公示期已届满，自动停止公示。',
        })
      ).status,
    ).toBe(200);
  });

  it('a record corrected by re-import to serious while its application was pending is not repaired before its new minimum (422 with the new date)', async () => {
    at('2026-08-20');
    const number = `应急罚-${randomUUID()}`;
    const code = uscc();
    const p = await penalty(number, code, '2026-05-10', 'general'); // minimum 2026-08-10
    const app = await apply(p.id);
    expect(app.status).toBe(201);
    expect(app.body.earliestRepairDate).toBe('2026-08-10');

    await penalty(number, code, '2026-05-10', 'serious'); // the department's corrected row: serious, minimum 1 year
    expect((await get<Dto<'RecordViewDto'>>(`/api/v1/records/${p.id}`)).body.publicityMinEnd).toBe('2027-05-10');

    at('2026-08-25');
    const early = await approve(app.body.id);
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'REPAIR_TOO_EARLY', recordId: p.id, earliestRepairDate: '2027-05-10' });
    expect((await get(`/api/v1/records/${p.id}`)).body).toMatchObject({
      status: 'active',
      repairedAt: null,
      inForce: true,
    });
    expect((await get<Dto<'RepairApplicationDto'>>(`/api/v1/repair-applications/${app.body.id}`)).body.status).toBe(
      'pending',
    );

    at('2027-05-10');
    const approved = await approve(app.body.id);
    expect(approved.status).toBe(200);
    expect((await get(`/api/v1/records/${p.id}`)).body).toMatchObject({ status: 'repaired', repairedAt: '2027-05-10' });
  });
});
