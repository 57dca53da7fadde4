import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { Clock } from '../../src/common/clock';
import type { ProblemDetails } from '../../src/common/problem';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import type { Dto } from '../helpers/api-types';
import { http, startTestApp, type TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

type Outcome = Dto<'CommitmentOutcomeResultDto'>;
type Record_ = Dto<'RecordViewDto'>;
type Repair = Dto<'RepairApplicationDto'>;
interface Report {
  totals: { rows: number; stored: number; refused: number };
  rows: Array<{ row: number; status: string; id?: string; errors?: Array<{ field: string; reason: string }> }>;
}
interface CheckAnswer {
  parties: { measures: { code: string }[] }[];
}

/**
 * Issue 18 item 4 (district plan task 9): commitment types (承诺类型) beside notify-and-commit — 容缺受理型, 主动公开型,
 * 行业自律型, 审批替代型, 信用修复型 — on PostgreSQL: imported by CSV (Chinese column and names) and JSON, listed and
 * filtered by type, and a breach of each leading to what its basis says: the approval revoked (容缺受理, 审批替代,
 * 告知承诺 with the licence named), the repair voided (信用修复), the department's own steps named. The clock is pinned.
 */
describe('credit commitment types (信用承诺类型) and their breach follow-up', () => {
  let t: TestApp;
  const run = randomUUID().slice(0, 8);
  const department = `綦江区行政审批服务局-${run}`;
  const name = `重庆綦江承诺类型测试有限公司${run}`;
  const post = <T = unknown>(path: string, body: unknown) => http<T>(t.url, 'POST', path, body);
  const get = <T = unknown>(path: string) => http<T>(t.url, 'GET', path);
  const settle = () => t.app.get(TieringService).idle();

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-06-01T04:00:00Z');
  });
  afterAll(async () => {
    t.app.get(Clock).pin(null);
    await t.close();
  });

  const importCsv = async (csv: string) => {
    const res = await fetch(`${t.url}/api/v1/records/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'text/csv; charset=utf-8' },
      body: csv,
    });
    return { status: res.status, body: (await res.json()) as Report };
  };
  const commitment = async (code: string, extra: Record<string, unknown> = {}) => {
    const res = await post<Dto<'IngestOneResultDto'>>('/api/v1/records', {
      type: 'commitment',
      source: department,
      decisionNumber: `诺-${randomUUID()}`,
      subjectName: name,
      subjectCode: code,
      industry: 'general',
      commitmentStatus: 'pending',
      decisionDate: '2026-03-01',
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body.record;
  };
  const breach = <T = Outcome>(id: string, body: Record<string, unknown> = {}) =>
    post<T>(`/api/v1/records/${id}/commitment-outcome`, {
      outcome: 'breached',
      date: '2026-05-20',
      department,
      reason: '核查发现未按承诺履行。',
      ...body,
    });
  const carried = (o: Outcome) => Object.fromEntries(o.consequences.map((c) => [c.code, c.carriedOut]));
  const fundsCheck = async (code: string): Promise<string[]> => {
    await settle();
    const res = await post<CheckAnswer>('/api/v1/checks', {
      scenario: 'government_funds',
      transaction: { reference: `GF-${randomUUID()}` },
      parties: [{ code, role: 'applicant' }],
    });
    expect(res.status).toBe(200);
    return res.body.parties[0].measures.map((m) => m.code);
  };

  it('imports each type by CSV (column 承诺类型, Chinese names; empty = 告知承诺) and lists them by type', async () => {
    const code = uscc();
    const names = ['', '容缺受理型', '主动公开型', '行业自律型', '审批替代型', '信用修复型'];
    const csv = [
      '行政相对人名称,统一社会信用代码,type,decisionNumber,承诺类型,decisionDate,commitmentStatus,数据来源单位',
      ...names.map((n, i) => `${name},${code},commitment,CSV-${run}-${i},${n},2026-03-0${i + 1},pending,${department}`),
    ].join('\n');
    const imported = await importCsv(csv);
    expect(imported.status).toBe(200);
    expect(imported.body.totals).toMatchObject({ rows: 6, stored: 6, refused: 0 });
    const list = await get<Dto<'CommitmentPageDto'>>(
      `/api/v1/commitments?department=${encodeURIComponent(department)}&limit=100`,
    );
    const byNumber = Object.fromEntries(list.body.items.map((i) => [i.decisionNumber, i.commitmentType]));
    expect(names.map((_, i) => byNumber[`CSV-${run}-${i}`])).toEqual([
      'notify_commit',
      'gap_acceptance',
      'voluntary_disclosure',
      'industry_self_discipline',
      'approval_substitute',
      'credit_repair',
    ]);
    const gaps = await get<Dto<'CommitmentPageDto'>>(
      `/api/v1/commitments?department=${encodeURIComponent(department)}&type=gap_acceptance`,
    );
    expect(gaps.body.items.map((i) => i.decisionNumber)).toEqual([`CSV-${run}-1`]);
    const bad = await get<ProblemDetails>('/api/v1/commitments?type=promise');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['type']);
  });

  it('refuses an unknown type and a type on another record, naming commitmentType (JSON and CSV)', async () => {
    const code = uscc();
    const unknown = await post<ProblemDetails>('/api/v1/records', {
      type: 'commitment',
      source: department,
      decisionNumber: `诺-${randomUUID()}`,
      subjectName: name,
      subjectCode: code,
      commitmentStatus: 'pending',
      commitmentType: 'promise',
      decisionDate: '2026-03-01',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.map((e) => e.field)).toEqual(['commitmentType']);
    const csv = [
      '行政相对人名称,统一社会信用代码,type,decisionNumber,承诺类型,decisionDate,inspectionResult,数据来源单位',
      `${name},${code},inspection,INS-${run},容缺受理,2026-03-01,passed,${department}`,
      `${name},${code},commitment,BAD-${run},口头承诺,2026-03-01,,${department}`,
    ].join('\n');
    const imported = await importCsv(csv);
    expect(imported.body.totals).toMatchObject({ rows: 2, stored: 0, refused: 2 });
    expect(imported.body.rows.map((r) => r.errors?.map((e) => e.field))).toEqual([
      ['commitmentType'],
      expect.arrayContaining(['commitmentType']),
    ]);
  });

  it('容缺受理 and 告知承诺 breached with the approval named: the licence is revoked, the breach recorded and notify-and-commit denied', async () => {
    const code = uscc();
    const licence = await post<Dto<'IngestOneResultDto'>>('/api/v1/records', {
      type: 'licence',
      source: department,
      decisionNumber: `许-${randomUUID()}`,
      subjectName: name,
      subjectCode: code,
      decisionDate: '2026-03-02',
    });
    expect(licence.status).toBe(201);
    const c = await commitment(code, { commitmentType: 'gap_acceptance' });
    expect(await fundsCheck(code)).not.toContain('no-notify-and-commit');
    const res = await breach(c.id, { approvalRecordId: licence.body.record.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      commitmentType: 'gap_acceptance',
      revokedApprovalRecordId: licence.body.record.id,
    });
    expect(res.body.outcome.kind).toBe('notify_and_commit');
    expect(res.body.outcome.legalBasis).toContain('国办发〔2019〕35号');
    expect(res.body.outcome.legalBasis).toContain('COMMITMENT_GAP_ACCEPTANCE_REVOKES');
    expect(carried(res.body)).toEqual({ credit_record: true, approval_revoked: true, gap_acceptance_barred: true });
    const revoked = await get<Record_>(`/api/v1/records/${licence.body.record.id}`);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedAt: '2026-05-20' });
    expect(revoked.body.revocationReason).toContain('违背信用承诺');
    expect(await fundsCheck(code)).toContain('no-notify-and-commit');
    // The answer is kept: GET gives the same consequences.
    const again = await get<Outcome>(`/api/v1/records/${c.id}/commitment-outcome`);
    expect(again.body.consequences).toEqual(res.body.consequences);

    const n = await commitment(uscc());
    const plain = await breach(n.id);
    expect(plain.body.outcome.legalBasis).toBe('国办发〔2020〕42号');
    expect(carried(plain.body)).toEqual({ credit_record: true, approval_revoked: false, notify_commit_barred: true });
  });

  it('审批替代, 主动公开 and 行业自律 breaches: each its own consequences, the department’s steps not marked done', async () => {
    const code = uscc();
    const sub = await breach((await commitment(code, { commitmentType: 'approval_substitute' })).id);
    expect(sub.status).toBe(201);
    expect(carried(sub.body)).toEqual({ credit_record: true, approval_revoked: false, notify_commit_barred: true });
    const vol = await breach((await commitment(code, { commitmentType: 'voluntary_disclosure' })).id);
    expect(vol.body.outcome.kind).toBe('voluntary');
    expect(carried(vol.body)).toEqual({ credit_record: true, public_disclosure: false });
    expect(vol.body.consequences[1]).toMatchObject({
      basisStatus: 'local_parameter',
      parameter: 'COMMITMENT_VOLUNTARY_BREACH_PUBLISHED',
    });
    const ind = await breach((await commitment(code, { commitmentType: 'industry_self_discipline' })).id);
    expect(carried(ind.body)).toEqual({ credit_record: true, association_notified: false });
    expect(ind.body.record).toMatchObject({ commitmentStatus: 'breached', commitmentType: 'industry_self_discipline' });
  });

  it('a re-import changing the type keeps the consequences the breach was judged under', async () => {
    const decisionNumber = `诺-${randomUUID()}`;
    const c = await commitment(uscc(), { decisionNumber, commitmentType: 'voluntary_disclosure' });
    expect((await breach(c.id)).status).toBe(201);
    const code = (await get<Record_>(`/api/v1/records/${c.id}`)).body;
    const again = await post<Dto<'IngestOneResultDto'>>('/api/v1/records', {
      type: 'commitment',
      source: department,
      decisionNumber,
      subjectName: name,
      subjectCode: (await get<Dto<'SubjectResponse'>>(`/api/v1/subjects/${code.subjectId}`)).body.code,
      industry: 'general',
      commitmentStatus: 'pending',
      commitmentType: 'industry_self_discipline',
      decisionDate: '2026-03-01',
    });
    expect(again.body.record).toMatchObject({
      commitmentType: 'industry_self_discipline',
      commitmentStatus: 'breached',
    });
    const read = await get<Outcome>(`/api/v1/records/${c.id}/commitment-outcome`);
    expect(read.body.commitmentType).toBe('voluntary_disclosure');
    expect(read.body.consequences.map((x) => x.code)).toEqual(['credit_record', 'public_disclosure']);
  });

  it('refuses an approval that cannot be revoked with the breach, naming approvalRecordId, storing nothing', async () => {
    const code = uscc();
    const vol = await commitment(code, { commitmentType: 'voluntary_disclosure' });
    const gap = await commitment(code, { commitmentType: 'gap_acceptance' });
    const field = async (id: string, body: Record<string, unknown>) => {
      const res = await breach<ProblemDetails>(id, body);
      expect(res.status).toBe(400);
      return res.body.errors?.map((e) => e.field);
    };
    expect(await field(vol.id, { approvalRecordId: gap.id })).toEqual(['approvalRecordId']);
    expect(await field(gap.id, { approvalRecordId: vol.id })).toEqual(['approvalRecordId']); // not a licence
    expect(await field(gap.id, { approvalRecordId: randomUUID() })).toEqual(['approvalRecordId']);
    expect(await field(gap.id, { outcome: 'fulfilled', approvalRecordId: vol.id })).toEqual(['approvalRecordId']);
    expect(await field(gap.id, { approvalRecordId: 'x' })).toEqual(['approvalRecordId']);
    expect((await get<Record_>(`/api/v1/records/${gap.id}`)).body.commitmentStatus).toBe('pending');
  });

  it('信用修复: a breached repair commitment voids the approved repair (counted again) and rejects a pending application', async () => {
    const code = uscc();
    const c = await commitment(code);
    expect((await breach(c.id)).status).toBe(201);
    const apply = () =>
      post<Repair>('/api/v1/repair-applications', {
        recordId: c.id,
        applicant: { kind: 'subject', name },
        commitment: '本单位承诺今后如实承诺。',
        reason: '已补交完整证明材料。',
      });
    const applied = await apply();
    expect(applied.status).toBe(201);
    const promise = await get<Record_>(`/api/v1/records/${applied.body.commitmentRecordId}`);
    expect(promise.body).toMatchObject({ type: 'commitment', commitmentType: 'credit_repair' });
    expect((await post(`/api/v1/repair-applications/${applied.body.id}/approve`, { department })).status).toBe(200);
    expect(await fundsCheck(code)).not.toContain('no-notify-and-commit');

    // The repair commitment was filed today (2026-06-01): it is breached the same day.
    const voided = await breach(promise.body.id, { reason: '修复后再次虚假承诺。', date: '2026-06-01' });
    expect(voided.status).toBe(201);
    expect(voided.body).toMatchObject({ commitmentType: 'credit_repair', voidedRepairRecordId: c.id });
    expect(voided.body.outcome.kind).toBe('repair');
    expect(carried(voided.body)).toEqual({ credit_record: true, repair_voided: true });
    const restored = await get<Record_>(`/api/v1/records/${c.id}`);
    expect(restored.body).toMatchObject({ status: 'active', repairedAt: null, commitmentStatus: 'breached' });
    expect(restored.body.details).toMatchObject({
      repairVoided: { applicationId: applied.body.id, voidedOn: '2026-06-01', repairedOn: '2026-06-01' },
    });
    expect(await fundsCheck(code)).toContain('no-notify-and-commit');

    // Applied again, and the new repair commitment breached before the decision: the application is rejected.
    const second = await apply();
    expect(second.status).toBe(201);
    const rejected = await breach(second.body.commitmentRecordId!, { date: '2026-06-01' });
    expect(rejected.body).toMatchObject({ rejectedRepairApplicationId: second.body.id, voidedRepairRecordId: null });
    expect((await get<Repair>(`/api/v1/repair-applications/${second.body.id}`)).body.status).toBe('rejected');
  });

  it('answers the types with their consequences and bases', async () => {
    const res = await get<Dto<'CommitmentTypeDto'>[]>('/api/v1/commitment-types');
    expect(res.status).toBe(200);
    expect(res.body.map((x) => x.type)).toEqual([
      'notify_commit',
      'gap_acceptance',
      'voluntary_disclosure',
      'industry_self_discipline',
      'approval_substitute',
      'credit_repair',
    ]);
    const repair = res.body.find((x) => x.type === 'credit_repair')!;
    expect(repair.breachConsequences.map((c) => [c.code, c.basisStatus])).toEqual([
      ['credit_record', 'verified'],
      ['repair_voided', 'local_parameter'],
    ]);
  });
});
