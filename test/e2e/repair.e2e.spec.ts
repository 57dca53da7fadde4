import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';
import { uscc, idNumber } from '../helpers/identifiers';

const COMMITMENT =
  '本单位承诺已履行行政处罚决定规定的义务，所提交材料真实有效；如违背承诺，愿意承担相应法律责任并接受失信惩戒。';

describe('credit repair (信用修复) over HTTP', () => {
  let t: TestApp;
  let clock: Clock;
  const department = `綦江区住房和城乡建设委员会-${randomUUID().slice(0, 8)}`;
  const at = (date: string) => clock.pin(`${date}T04:00:00Z`);
  const post = (path: string, body: unknown) => http(t.url, 'POST', path, body);
  const get = (path: string) => http(t.url, 'GET', path);
  const settle = () => t.app.get(TieringService).idle();

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
  });
  afterAll(async () => {
    clock.pin(null);
    await t.close();
  });

  async function record(body: Record<string, unknown>): Promise<{ id: string; subjectId: string }> {
    const res = await post('/api/v1/records', {
      source: department,
      decisionNumber: `建罚-${randomUUID()}`,
      subjectName: '重庆綦建修复测试有限公司',
      ...body,
    });
    expect(res.status).toBe(201);
    await settle();
    return { id: res.body.record.id, subjectId: res.body.record.subjectId };
  }
  const penalty = (code: string, decisionDate: string, extra: Record<string, unknown> = {}) =>
    record({
      type: 'penalty',
      subjectCode: code,
      industry: 'construction',
      severity: 'serious',
      penaltyTypes: ['fine', 'suspension'],
      fineAmount: 5,
      decisionDate,
      ...extra,
    });
  const apply = (recordId: string, extra: Record<string, unknown> = {}) =>
    post('/api/v1/repair-applications', {
      recordId,
      applicant: { kind: 'subject', name: '重庆綦建修复测试有限公司' },
      commitment: COMMITMENT,
      reason: '罚款已缴清，已停业整改并通过复查。',
      evidence: ['缴款书 No.5001234567'],
      ...extra,
    });
  const procurementCheck = (code: string) =>
    post('/api/v1/checks', {
      scenario: 'government_procurement',
      transaction: { reference: `GP-${randomUUID()}`, amount: 860000 },
      parties: [{ code, role: 'supplier' }],
    });
  const allTiers = async (subjectId: string): Promise<Record<string, string>> =>
    Object.fromEntries(
      (await get(`/api/v1/subjects/${subjectId}/tiers`)).body.tiers.map((x: { industry: string; tier: string }) => [
        x.industry,
        x.tier,
      ]),
    );
  const constructionTier = async (subjectId: string): Promise<string> =>
    (await get(`/api/v1/subjects/${subjectId}/tiers`)).body.tiers.find(
      (x: { industry: string }) => x.industry === 'construction',
    ).tier;

  it('a 2025 penalty blocks procurement; repair refused before the 令第58号 minimum, rejected, then approved: the next check passes and the tier returns', async () => {
    at('2025-03-15');
    const code = uscc();
    const licence = await record({
      type: 'licence',
      subjectCode: code,
      subjectRegisteredOn: '2015-06-30',
      industry: 'construction',
      decisionDate: '2025-01-05',
      validUntil: '2030-01-05',
    });
    const before = await constructionTier(licence.subjectId);
    const beforeAll = await allTiers(licence.subjectId);
    expect(Object.keys(beforeAll).length).toBeGreaterThan(1);

    const p = await penalty(code, '2025-03-10');
    const blocked = await procurementCheck(code);
    expect(blocked.body.parties[0].verdict).toBe('block');
    expect(blocked.body.parties[0].measures.map((m: { code: string }) => m.code)).toContain(
      'gp-exclude-major-violation',
    );
    const penalised = await constructionTier(p.subjectId);
    expect(penalised).not.toBe(before);

    // Too early: 令第58号 (decided before 2026-04-01), 3 months minimum → 2025-06-10. Nothing stored.
    const early = await apply(p.id);
    expect(early.status).toBe(422);
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    expect(early.body).toMatchObject({ code: 'REPAIR_TOO_EARLY', recordId: p.id, earliestRepairDate: '2025-06-10' });
    expect(early.body.errors[0]).toMatchObject({ field: 'recordId' });
    expect(early.body.errors[0].reason).toContain('2025-06-10');
    expect((await get(`/api/v1/repair-applications?recordId=${p.id}`)).body.total).toBe(0);

    at('2025-06-20');
    const first = await apply(p.id);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'pending',
      recordId: p.id,
      subjectId: p.subjectId,
      department,
      earliestRepairDate: '2025-06-10',
      appliedOn: '2025-06-20',
      commitment: COMMITMENT,
    });
    expect(first.body.commitmentRecordId).toEqual(expect.any(String));
    const filed = await get(`/api/v1/records/${first.body.commitmentRecordId}`);
    expect(filed.body).toMatchObject({
      type: 'commitment',
      commitmentStatus: 'pending',
      source: department,
      subjectId: p.subjectId,
    });
    expect((await apply(p.id)).body.code).toBe('REPAIR_ALREADY_PENDING');

    const noReason = await post(`/api/v1/repair-applications/${first.body.id}/reject`, { department });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    const rejected = await post(`/api/v1/repair-applications/${first.body.id}/reject`, {
      department,
      reason: '罚款尚未缴清，不符合信用修复条件。',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decidedOn: '2025-06-20',
      decidedBy: department,
      decisionReason: '罚款尚未缴清，不符合信用修复条件。',
    });
    expect((await get(`/api/v1/records/${p.id}`)).body).toMatchObject({ status: 'active', repairedAt: null });
    expect((await post(`/api/v1/repair-applications/${first.body.id}/approve`, { department })).status).toBe(409);

    at('2025-07-01');
    const second = await apply(p.id);
    expect(second.status).toBe(201);
    const other = await post(`/api/v1/repair-applications/${second.body.id}/approve`, {
      department: '綦江区市场监督管理局',
    });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'REPAIR_WRONG_DEPARTMENT' });
    expect(other.body.errors[0].field).toBe('department');

    const approved = await post(`/api/v1/repair-applications/${second.body.id}/approve`, {
      department,
      reason: '已履行义务，同意修复。',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedOn: '2025-07-01', decidedBy: department });
    expect((await get(`/api/v1/records/${p.id}`)).body).toMatchObject({
      status: 'repaired',
      repairedAt: '2025-07-01',
      inForce: false,
    });
    const again = await post(`/api/v1/repair-applications/${second.body.id}/approve`, { department });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'REPAIR_NOT_PENDING', status: 409, applicationStatus: 'approved' });

    await settle();
    const passed = await procurementCheck(code);
    expect(passed.body.parties[0]).toMatchObject({ verdict: 'pass', measures: [] });
    expect(await constructionTier(p.subjectId)).toBe(before);
    expect(await allTiers(p.subjectId)).toEqual(beforeAll);
    // As of a date before the repair, the record still counted (answers stay reproducible).
    expect(
      (await get(`/api/v1/subjects/${p.subjectId}/tiers?asOf=2025-06-30`)).body.tiers.find(
        (x: { industry: string }) => x.industry === 'construction',
      ).tier,
    ).toBe(penalised);
    expect((await apply(p.id)).body.code).toBe('REPAIR_RECORD_NOT_IN_FORCE');

    const trail = await get(`/api/v1/audit/entries?subjectId=${p.subjectId}&limit=200`);
    const kinds = trail.body.items.map((e: { kind: string }) => e.kind).filter((k: string) => k.startsWith('repair.'));
    expect(kinds).toEqual(['repair.apply', 'repair.reject', 'repair.apply', 'repair.approve']);
    const approval = trail.body.items.find((e: { kind: string }) => e.kind === 'repair.approve');
    expect(approval.response).toMatchObject({ id: second.body.id, status: 'approved', decidedBy: department });

    const list = await get(`/api/v1/repair-applications?subjectId=${p.subjectId}&status=approved`);
    expect(list.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: second.body.id })] });
    expect((await get(`/api/v1/repair-applications/${first.body.id}`)).body.status).toBe('rejected');
  });

  it('earliest repair date: 令第58号 for a 2025 decision, 令第36号 for one of May 2026 (serious: 1 year)', async () => {
    at('2026-06-01');
    const old = await penalty(uscc(), '2025-03-10', { industry: 'general' });
    const recent = await penalty(uscc(), '2026-05-20', { industry: 'general' });
    expect((await get(`/api/v1/records/${old.id}`)).body).toMatchObject({
      ruleVersion: 'NDRC-58',
      publicityMinEnd: '2025-06-10',
    });
    expect((await apply(old.id)).status).toBe(201); // past the 3-month minimum
    const refused = await apply(recent.id);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'REPAIR_TOO_EARLY', earliestRepairDate: '2027-05-20' });
    at('2027-05-20');
    expect((await apply(recent.id)).status).toBe(201);
  });

  it('a general food-safety penalty decided from 2026-04-01 may be repaired after 3 months (令第36号), one decided on 2026-03-31 after 1 year (令第58号)', async () => {
    at('2026-08-15');
    const food = { industry: 'food_drug', sector: 'food', severity: 'general', penaltyTypes: ['fine'], fineAmount: 1 };
    const old = await penalty(uscc(), '2026-03-31', food);
    const recent = await penalty(uscc(), '2026-05-15', food);
    const notice = await get(`/api/v1/records/${recent.id}/repair-notice`);
    expect(notice.body).toMatchObject({
      ruleVersion: 'NDRC-36',
      earliestRepairDate: '2026-08-15',
      publicityEnds: '2027-05-15',
    });
    expect((await apply(old.id)).body).toMatchObject({ code: 'REPAIR_TOO_EARLY', earliestRepairDate: '2027-03-31' });
    expect((await apply(recent.id)).status).toBe(201);
  });

  it('a record past its maximum window is no longer in force without any application, and has nothing to repair', async () => {
    at('2025-03-15');
    const code = uscc();
    // A builder registered under 住宅房屋建筑 (E4710): still a construction subject once the penalty is out of force.
    const p = await penalty(code, '2025-03-10', { subjectIndustryCode: 'E4710' });
    expect((await procurementCheck(code)).body.parties[0].verdict).toBe('block');
    const liveTier = async (asOf: string) =>
      (await get(`/api/v1/subjects/${p.subjectId}/tiers?asOf=${asOf}`)).body.tiers.find(
        (x: { industry: string }) => x.industry === 'construction',
      );
    const lastDay = await liveTier('2028-03-09');
    expect(lastDay.fired.map((f: { rule: string }) => f.rule)).toContain('construction-serious-penalty');
    expect((await liveTier('2028-03-10')).fired.map((f: { rule: string }) => f.rule)).not.toContain(
      'construction-serious-penalty',
    );
    at('2028-03-10'); // 令第58号: 3 years maximum → publication stopped by itself
    const view = await get(`/api/v1/records/${p.id}`);
    expect(view.body).toMatchObject({ status: 'active', repairedAt: null, publicityEnd: '2028-03-10', inForce: false });
    expect((await get(`/api/v1/subjects/${p.subjectId}/records`)).body.records).toEqual([]);
    expect((await procurementCheck(code)).body.parties[0].verdict).toBe('pass');
    const refused = await apply(p.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('REPAIR_RECORD_NOT_IN_FORCE');
    expect(refused.body.errors[0].reason).toContain('2028-03-10');
  });

  it('optimistic concurrency: of two simultaneous applications one is stored; of two simultaneous decisions one wins, the other is a 409', async () => {
    at('2026-06-01');
    const p = await penalty(uscc(), '2025-03-10', { industry: 'general' });
    const applied = await Promise.all([apply(p.id), apply(p.id)]);
    expect(applied.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(applied.find((r) => r.status === 409)!.body.code).toBe('REPAIR_ALREADY_PENDING');
    const id = applied.find((r) => r.status === 201)!.body.id as string;
    const decided = await Promise.all([
      post(`/api/v1/repair-applications/${id}/approve`, { department }),
      post(`/api/v1/repair-applications/${id}/reject`, { department, reason: '材料不全' }),
    ]);
    expect(decided.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = decided.find((r) => r.status === 200)!.body.status as string;
    expect((await get(`/api/v1/repair-applications/${id}`)).body.status).toBe(winner);
    expect((await get(`/api/v1/records/${p.id}`)).body.status).toBe(winner === 'approved' ? 'repaired' : 'active');
    expect((await get(`/api/v1/repair-applications?recordId=${p.id}`)).body.total).toBe(1);
  });

  it('refuses records without repair, unknown records and malformed bodies, storing nothing', async () => {
    at('2026-06-01');
    const code = uscc();
    const licence = await record({
      type: 'licence',
      subjectCode: code,
      decisionDate: '2025-01-05',
      validUntil: '2030-01-05',
    });
    const red = await record({
      type: 'list_entry',
      subjectCode: code,
      listType: 'red_list',
      decisionDate: '2025-01-05',
    });
    for (const id of [licence.id, red.id]) {
      const res = await apply(id);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        code: 'REPAIR_NOT_APPLICABLE',
        errors: [expect.objectContaining({ field: 'recordId' })],
      });
    }
    const revoked = await penalty(code, '2025-03-10', { industry: 'general' });
    expect((await post(`/api/v1/records/${revoked.id}/revoke`, { reason: '行政复议撤销' })).status).toBe(200);
    expect((await apply(revoked.id)).body.code).toBe('REPAIR_RECORD_NOT_IN_FORCE');

    // A record revoked while its application is pending: approval is refused and changes nothing; rejection still works.
    const pendingThenRevoked = await penalty(code, '2025-03-10', { industry: 'general' });
    const app = await apply(pendingThenRevoked.id);
    expect(app.status).toBe(201);
    expect((await post(`/api/v1/records/${pendingThenRevoked.id}/revoke`, { reason: '行政复议撤销' })).status).toBe(
      200,
    );
    const late = await post(`/api/v1/repair-applications/${app.body.id}/approve`, { department });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('REPAIR_RECORD_NOT_IN_FORCE');
    expect((await get(`/api/v1/repair-applications/${app.body.id}`)).body.status).toBe('pending');
    expect((await get(`/api/v1/records/${pendingThenRevoked.id}`)).body).toMatchObject({
      status: 'revoked',
      repairedAt: null,
    });
    expect(
      (
        await post(`/api/v1/repair-applications/${app.body.id}/reject`, {
          department,
          reason: '原处罚决定已撤销，无需修复。',
        })
      ).status,
    ).toBe(200);

    const unknown = await apply(randomUUID());
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('RECORD_NOT_FOUND');
    const noCommitment = await post('/api/v1/repair-applications', {
      recordId: revoked.id,
      applicant: { kind: 'subject', name: 'x' },
      reason: 'r',
    });
    expect(noCommitment.status).toBe(400);
    expect(noCommitment.body.errors.map((e: { field: string }) => e.field)).toContain('commitment');
    const badApplicant = await apply(revoked.id, { applicant: { kind: 'neighbour', name: 'x' }, extra: 1 });
    expect(badApplicant.status).toBe(400);
    const fields = badApplicant.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['applicant.kind', 'extra']));
    expect((await apply('not-a-uuid')).body.errors[0].field).toBe('recordId');
    expect((await get(`/api/v1/repair-applications?recordId=${revoked.id}`)).body.total).toBe(0);
    expect((await get(`/api/v1/repair-applications/${randomUUID()}`)).status).toBe(404);
    const badQuery = await get('/api/v1/repair-applications?status=open&limit=abc');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['status', 'limit']),
    );
    expect((await get('/api/v1/repair-applications/not-a-uuid')).body.errors[0].field).toBe('id');
    expect((await post(`/api/v1/repair-applications/${randomUUID()}/approve`, { department })).status).toBe(404);
  });

  it("needs the repair scope; a natural person's ID number never appears in the application, its answer or the audit trail", async () => {
    at('2026-06-01');
    const id = idNumber();
    const res = await post('/api/v1/records', {
      type: 'penalty',
      source: department,
      decisionNumber: `建罚-${randomUUID()}`,
      subjectName: '张三',
      subjectIdNumber: id,
      industry: 'general',
      severity: 'general',
      penaltyTypes: ['fine'],
      fineAmount: 0.5,
      decisionDate: '2025-03-10',
    });
    expect(res.status).toBe(201);
    const recordsOnly = await t.createKey({ scopes: ['records'] });
    const forbidden = await httpAs(recordsOnly, t.url, 'POST', '/api/v1/repair-applications', {});
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.requiredScopes).toEqual(['repair']);

    const repairKey = await t.createKey({ scopes: ['repair'], department });
    const applied = await httpAs(repairKey, t.url, 'POST', '/api/v1/repair-applications', {
      recordId: res.body.record.id,
      applicant: { kind: 'credit_office', name: `綦江区发展改革委代张三（${id}）申请` },
      commitment: `本人（身份证号${id}）承诺已履行处罚义务。`,
      reason: `本人 ${id} 已缴清罚款`,
      evidence: [`身份证 ${id}`],
    });
    expect(applied.status).toBe(201);
    expect(applied.body.commitmentRecordId).toBeNull(); // a natural person's record would need the full ID number
    const approved = await httpAs(repairKey, t.url, 'POST', `/api/v1/repair-applications/${applied.body.id}/approve`, {
      department,
    });
    expect(approved.status).toBe(200);
    const trail = await get(`/api/v1/audit/entries?subjectId=${res.body.record.subjectId}&limit=200`);
    const everything = JSON.stringify([
      applied.body,
      approved.body,
      trail.body,
      (await get(`/api/v1/repair-applications/${applied.body.id}`)).body,
    ]);
    expect(everything).not.toContain(id);
    expect(everything).toContain(`${id.slice(0, 6)}********${id.slice(14)}`);
  });

  it("谁认定、谁修复 by key: a key bound to another department, or to none without admin, cannot decide; the department's own key can", async () => {
    at('2025-07-01');
    const p = await penalty(uscc(), '2025-03-10');
    const applied = await apply(p.id);
    expect(applied.status).toBe(201);
    const otherKey = await t.createKey({ scopes: ['repair'], department: '綦江区市场监督管理局' });
    const unbound = await t.createKey({ scopes: ['repair'] });
    for (const key of [otherKey, unbound]) {
      for (const action of ['approve', 'reject']) {
        const res = await httpAs(key, t.url, 'POST', `/api/v1/repair-applications/${applied.body.id}/${action}`, {
          department,
          reason: '审核',
        });
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({
          code: 'KEY_NOT_FOR_DEPARTMENT',
          errors: [expect.objectContaining({ field: 'department' })],
        });
      }
    }
    expect((await get(`/api/v1/repair-applications/${applied.body.id}`)).body.status).toBe('pending');
    expect((await get(`/api/v1/records/${p.id}`)).body).toMatchObject({ status: 'active', repairedAt: null });

    const ownKey = await t.createKey({ scopes: ['repair'], department });
    const approved = await httpAs(ownKey, t.url, 'POST', `/api/v1/repair-applications/${applied.body.id}/approve`, {
      department,
    });
    expect(approved.status).toBe(200);
    expect((await get(`/api/v1/records/${p.id}`)).body).toMatchObject({ status: 'repaired', repairedAt: '2025-07-01' });
  });

  it('documents the routes in the OpenAPI document, with the commitment required', async () => {
    const doc = (await get('/docs-json')).body;
    for (const path of [
      '/api/v1/repair-applications',
      '/api/v1/repair-applications/{id}',
      '/api/v1/repair-applications/{id}/approve',
      '/api/v1/repair-applications/{id}/reject',
      '/api/v1/records/{id}/commitment-outcome',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/v1/repair-applications'].post.responses).toHaveProperty('422');
    expect(doc.paths['/api/v1/repair-applications/{id}/approve'].post.responses).toHaveProperty('403');
    expect(doc.components.schemas.ApplyRepairDto.required).toEqual(
      expect.arrayContaining(['recordId', 'applicant', 'commitment', 'reason']),
    );
    expect(doc.components.schemas.RejectRepairDto.required).toEqual(expect.arrayContaining(['department', 'reason']));
  });
});
