import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

type Ingested = Dto<'IngestOneResultDto'>;
type Outcome = Dto<'CommitmentOutcomeResultDto'>;
type Tiers = Dto<'SubjectTiersDto'>;
type Repair = Dto<'RepairApplicationDto'>;
/** What these tests read of a check's answer: each party's measures. */
interface CheckAnswer {
  parties: { measures: { code: string; legalBasis: { documentNumber: string }; triggeredBy: unknown[] }[] }[];
}

describe('credit commitments (信用承诺): fulfilment, breach, repair of the breach', () => {
  let t: TestApp;
  let clock: Clock;
  const department = `綦江区消防救援支队-${randomUUID().slice(0, 8)}`;
  const post = <T = unknown>(path: string, body: unknown) => http<T>(t.url, 'POST', path, body);
  const get = <T = unknown>(path: string) => http<T>(t.url, 'GET', path);
  const settle = () => t.app.get(TieringService).idle();

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.pin('2026-06-01T04:00:00Z');
  });
  afterAll(async () => {
    clock.pin(null);
    await t.close();
  });

  /**
   * A fire-safety commitment (消防安全承诺) of a hotel: the subject is registered under 旅游饭店 (H6110), a
   * public gathering place the fire pack tiers, and a breach of a fire commitment counts in that pack.
   */
  async function commitment(
    code: string,
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; subjectId: string }> {
    const res = await post<Ingested>('/api/v1/records', {
      type: 'commitment',
      source: department,
      decisionNumber: `诺-${randomUUID()}`,
      subjectName: '重庆綦江承诺测试有限公司',
      subjectCode: code,
      subjectRegisteredOn: '2015-06-30',
      subjectIndustryCode: 'H6110',
      industry: 'fire_safety',
      commitmentStatus: 'pending',
      decisionDate: '2026-03-01',
      ...extra,
    });
    expect(res.status).toBe(201);
    await settle();
    return { id: res.body.record.id, subjectId: res.body.record.subjectId };
  }
  const outcome = <T = Outcome>(id: string, body: Record<string, unknown>) =>
    post<T>(`/api/v1/records/${id}/commitment-outcome`, {
      outcome: 'breached',
      kind: 'notify_and_commit',
      date: '2026-05-20',
      department,
      reason: '核查发现承诺的消防安全条件与实际不符，属虚假承诺。',
      ...body,
    });
  const fundsCheck = async (code: string): Promise<string[]> => {
    const res = await post<CheckAnswer>('/api/v1/checks', {
      scenario: 'government_funds',
      transaction: { reference: `GF-${randomUUID()}` },
      parties: [{ code, role: 'applicant' }],
    });
    expect(res.status).toBe(200);
    return res.body.parties[0].measures.map((m) => m.code);
  };
  const fireTier = async (subjectId: string): Promise<string> =>
    (await get<Tiers>(`/api/v1/subjects/${subjectId}/tiers`)).body.tiers.find((x) => x.industry === 'fire_safety')!
      .tier;

  it('a breached commitment is negative information in force: the tier of its own industry falls, a government-funds check denies notify-and-commit; an approved repair of it restores both', async () => {
    const code = uscc();
    const c = await commitment(code);
    const before = await fireTier(c.subjectId);
    const taxTier = async () =>
      (await get<Tiers>(`/api/v1/subjects/${c.subjectId}/tiers`)).body.tiers.find((x) => x.industry === 'tax')!;
    const taxBefore = (await taxTier()).tier;
    expect(await fundsCheck(code)).not.toContain('no-notify-and-commit');

    const breach = await outcome(c.id, {});
    expect(breach.status).toBe(201);
    expect(breach.body.outcome).toMatchObject({
      recordId: c.id,
      subjectId: c.subjectId,
      kind: 'notify_and_commit',
      outcome: 'breached',
      date: '2026-05-20',
      department,
      legalBasis: '国办发〔2020〕42号',
    });
    expect(breach.body.record).toMatchObject({
      commitmentStatus: 'breached',
      commitmentStatusDate: '2026-05-20',
      status: 'active',
      inForce: true,
    });
    expect(breach.body.record.details).toMatchObject({
      commitmentKind: 'notify_and_commit',
      outcomeLegalBasis: '国办发〔2020〕42号',
      outcomeDepartment: department,
    });

    await settle();
    const breachedTier = await fireTier(c.subjectId);
    expect(breachedTier).not.toBe(before);
    const tiers = (await get<Tiers>(`/api/v1/subjects/${c.subjectId}/tiers`)).body.tiers.find(
      (x) => x.industry === 'fire_safety',
    )!;
    expect(tiers.fired.map((f: { rule?: string; name?: string }) => f.rule ?? f.name)).toContain(
      'fire-commitment-breached',
    );
    // A commitment counts only in the pack of its own industry: the tax tier does not fall for a fire commitment.
    const tax = await taxTier();
    expect(tax.tier).toBe(taxBefore);
    expect(tax.fired.map((f: { rule?: string; name?: string }) => f.rule ?? f.name)).not.toContain(
      'tax-commitment-breached',
    );
    const res = await post<CheckAnswer>('/api/v1/checks', {
      scenario: 'government_funds',
      transaction: { reference: `GF-${randomUUID()}` },
      parties: [{ code, role: 'applicant' }],
    });
    const measure = res.body.parties[0].measures.find((m) => m.code === 'no-notify-and-commit');
    expect(measure).toBeDefined();
    expect(measure!.legalBasis.documentNumber).toBe('国办发〔2020〕42号');
    expect(measure!.triggeredBy).toEqual([expect.objectContaining({ id: c.id })]);

    // Once per commitment.
    expect((await outcome<ProblemDetails>(c.id, { outcome: 'fulfilled' })).body.code).toBe(
      'COMMITMENT_ALREADY_DECIDED',
    );

    // Repair of the breach: no minimum publicity period is kept with a commitment record; the accepting department decides.
    const applied = await post<Repair>('/api/v1/repair-applications', {
      recordId: c.id,
      applicant: { kind: 'subject', name: '重庆綦江承诺测试有限公司' },
      commitment: '本单位承诺今后如实承诺，已补齐全部证明材料。',
      reason: '已补交完整证明材料并整改到位。',
    });
    expect(applied.status).toBe(201);
    expect(applied.body.earliestRepairDate).toBeNull();
    const approved = await post(`/api/v1/repair-applications/${applied.body.id}/approve`, { department });
    expect(approved.status).toBe(200);
    await settle();
    expect(await fundsCheck(code)).not.toContain('no-notify-and-commit');
    expect(await fireTier(c.subjectId)).toBe(before);

    const trail = await get<{ items: { response: { outcome: unknown } }[] }>(
      `/api/v1/audit/entries?subjectId=${c.subjectId}&kind=commitment.outcome`,
    );
    expect(trail.body.items).toHaveLength(1);
    expect(trail.body.items[0].response.outcome).toMatchObject({
      outcome: 'breached',
      legalBasis: '国办发〔2020〕42号',
    });
    expect((await get<Outcome>(`/api/v1/records/${c.id}/commitment-outcome`)).body.outcome.outcome).toBe('breached');
  });

  it('a corrected re-import of the source row keeps the breach and, once approved, the repair (what the service decided is not undone)', async () => {
    const code = uscc();
    const decisionNumber = `诺-${randomUUID()}`;
    const row = (extra: Record<string, unknown>) =>
      post<Ingested>('/api/v1/records', {
        type: 'commitment',
        source: department,
        decisionNumber,
        subjectName: '重庆綦江承诺测试有限公司',
        subjectCode: code,
        subjectRegisteredOn: '2015-06-30',
        industry: 'fire_safety',
        commitmentStatus: 'pending',
        decisionDate: '2026-03-01',
        ...extra,
      });
    const c = (await row({})).body.record;
    expect((await outcome(c.id, {})).status).toBe(201);
    const corrected = await row({ remarks: '消防安全检查（更正）' });
    expect(corrected.body.status).toBe('updated');
    expect(corrected.body.record).toMatchObject({
      commitmentStatus: 'breached',
      commitmentStatusDate: '2026-05-20',
      status: 'active',
    });
    expect(corrected.body.record.details).toMatchObject({
      remarks: '消防安全检查（更正）',
      outcomeLegalBasis: '国办发〔2020〕42号',
    });
    await settle();
    expect(await fundsCheck(code)).toContain('no-notify-and-commit');

    const applied = await post<Repair>('/api/v1/repair-applications', {
      recordId: c.id,
      applicant: { kind: 'subject', name: '重庆綦江承诺测试有限公司' },
      commitment: '本单位承诺如实履约。',
      reason: '已整改。',
    });
    expect((await post(`/api/v1/repair-applications/${applied.body.id}/approve`, { department })).status).toBe(200);
    const again = await row({ remarks: '消防安全检查（再次更正）' });
    expect(again.body.status).toBe('updated');
    expect(again.body.record).toMatchObject({
      status: 'repaired',
      repairedAt: '2026-06-01',
      commitmentStatus: 'breached',
    });
    await settle();
    expect(await fundsCheck(code)).not.toContain('no-notify-and-commit');
  });

  it('records a fulfilment, which denies nothing', async () => {
    const code = uscc();
    const c = await commitment(code);
    const res = await outcome(c.id, { outcome: 'fulfilled', kind: 'voluntary', reason: '按承诺完成整改并通过复查。' });
    expect(res.status).toBe(201);
    expect(res.body.record).toMatchObject({ commitmentStatus: 'fulfilled', commitmentStatusDate: '2026-05-20' });
    expect(res.body.outcome.legalBasis).toBeNull();
    await settle();
    expect(await fundsCheck(code)).not.toContain('no-notify-and-commit');
    // A fulfilled commitment has nothing to repair.
    const apply = await post<ProblemDetails>('/api/v1/repair-applications', {
      recordId: c.id,
      applicant: { kind: 'subject', name: 'x' },
      commitment: 'c',
      reason: 'r',
    });
    expect(apply.body.code).toBe('REPAIR_NOT_APPLICABLE');
  });

  it('two simultaneous outcomes for one commitment: one is recorded, the other is a 409', async () => {
    const c = await commitment(uscc());
    const both = await Promise.all([outcome(c.id, {}), outcome(c.id, { outcome: 'fulfilled' })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = both.find((r) => r.status === 201)!.body.outcome.outcome as string;
    expect((await get<Dto<'RecordViewDto'>>(`/api/v1/records/${c.id}`)).body.commitmentStatus).toBe(winner);
    expect((await get<Outcome>(`/api/v1/records/${c.id}/commitment-outcome`)).body.outcome.outcome).toBe(winner);
  });

  it('refuses another department (403), a record that is not a commitment (422), an unknown record (404) and bad bodies (400), storing nothing', async () => {
    const code = uscc();
    const c = await commitment(code);
    const other = await outcome<ProblemDetails>(c.id, { department: '綦江区市场监督管理局' });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({
      code: 'REPAIR_WRONG_DEPARTMENT',
      errors: [expect.objectContaining({ field: 'department' })],
    });
    const unboundKey = await t.createKey({ scopes: ['records'] });
    const unbound = await httpAs<ProblemDetails>(
      unboundKey,
      t.url,
      'POST',
      `/api/v1/records/${c.id}/commitment-outcome`,
      {
        outcome: 'breached',
        kind: 'notify_and_commit',
        date: '2026-05-20',
        department,
        reason: '虚假承诺。',
      },
    );
    expect(unbound.status).toBe(403);
    expect(unbound.body.code).toBe('KEY_NOT_FOR_DEPARTMENT');

    const future = await outcome<ProblemDetails>(c.id, { date: '2026-06-02' });
    expect(future.status).toBe(400);
    expect(future.body.errors?.[0].field).toBe('date');
    const beforeCommitment = await outcome<ProblemDetails>(c.id, { date: '2026-02-28' });
    expect(beforeCommitment.body.errors?.[0].field).toBe('date');
    const bad = await outcome<ProblemDetails>(c.id, { outcome: 'forgotten', kind: 'oral', date: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['outcome', 'kind', 'date']));
    const noReason = await post<ProblemDetails>(`/api/v1/records/${c.id}/commitment-outcome`, {
      outcome: 'breached',
      kind: 'repair',
      date: '2026-05-20',
      department,
    });
    expect(noReason.body.errors?.map((e) => e.field)).toContain('reason');

    const penalty = await post<Ingested>('/api/v1/records', {
      type: 'penalty',
      source: department,
      decisionNumber: `罚-${randomUUID()}`,
      subjectName: '重庆綦江承诺测试有限公司',
      subjectCode: code,
      severity: 'general',
      penaltyTypes: ['other'],
      decisionDate: '2026-03-01',
    });
    const notCommitment = await outcome<ProblemDetails>(penalty.body.record.id, {});
    expect(notCommitment.status).toBe(422);
    expect(notCommitment.body.code).toBe('COMMITMENT_NOT_APPLICABLE');
    expect((await outcome(randomUUID(), {})).status).toBe(404);

    expect((await get(`/api/v1/records/${c.id}`)).body).toMatchObject({
      commitmentStatus: 'pending',
      commitmentStatusDate: null,
    });
    expect((await get(`/api/v1/records/${c.id}/commitment-outcome`)).status).toBe(404);
  });
});
