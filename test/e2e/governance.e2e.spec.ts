import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { Clock } from '../../src/common/clock';
import type { ProblemDetails } from '../../src/common/problem';
import { GOVERNANCE_PARAMETERS } from '../../src/modules/governance/governance.parameters';
import type { Dto } from '../helpers/api-types';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

type Entry = Dto<'EntryDto'>;
type Proposals = Dto<'ProposalListDto'>;
type Stats = Dto<'ExitStatisticsDto'>;
type PublicBodies = Dto<'PublicBodyDefaultersDto'>;

describe('special governance (专项治理): the "屡禁不止、屡罚不改" ledger, exit rate, public-body defaulters', () => {
  let t: TestApp;
  let clock: Clock;
  const run = randomUUID().slice(0, 8);
  const department = `綦江区市场监督管理局-${run}`;
  const violationType = `超范围经营-${run}`;
  const post = <T = unknown>(path: string, body: unknown) => http<T>(t.url, 'POST', path, body);
  const get = <T = unknown>(path: string) => http<T>(t.url, 'GET', path);

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.pin('2026-06-01T04:00:00Z');
  });
  afterAll(async () => {
    clock.pin(null);
    await t.close();
  });

  /** A general penalty of `code` for `type` on `date`; answers the subject id. */
  async function penalty(code: string, date: string, type = violationType): Promise<string> {
    const res = await post<Dto<'IngestOneResultDto'>>('/api/v1/records', {
      type: 'penalty',
      source: department,
      decisionNumber: `綦市监罚-${randomUUID()}`,
      subjectName: `重庆綦江治理测试有限公司-${run}`,
      subjectCode: code,
      severity: 'general',
      penaltyTypes: ['fine'],
      fineAmount: 1,
      violationType: type,
      decisionDate: date,
    });
    expect(res.status).toBe(201);
    return res.body.record.subjectId;
  }
  const proposalsOf = async (subjectId: string) =>
    (await get<Proposals>('/api/v1/governance/proposals')).body.items.filter((p) => p.subject.id === subjectId);
  const deptStats = async (asOf?: string) => {
    const res = await get<Stats>(`/api/v1/governance/statistics${asOf ? `?asOf=${asOf}` : ''}`);
    expect(res.status).toBe(200);
    return { overall: res.body.overall, dept: res.body.departments.find((d) => d.department === department) };
  };

  it('proposes a subject penalised N times for the same violation in the window, accepts it, records its exit, and counts the exit rate', async () => {
    expect(GOVERNANCE_PARAMETERS).toEqual({ minPenalties: 3, windowMonths: 36 });
    const code = uscc();
    await penalty(code, '2023-05-20'); // outside the 36 months up to 2026-06-01
    await penalty(code, '2024-02-01');
    const subjectId = await penalty(code, '2025-03-01');
    await penalty(code, '2025-09-01', `其他违法行为-${run}`); // another type does not count
    expect(await proposalsOf(subjectId)).toEqual([]); // two of this type in the window
    await penalty(code, '2026-04-15');
    const [proposal] = await proposalsOf(subjectId);
    expect(proposal).toMatchObject({ violationType, penalties: 3, department, lastDate: '2026-04-15' });
    expect(proposal.records.map((r) => r.decisionDate)).toEqual(['2024-02-01', '2025-03-01', '2026-04-15']);
    const listed = await get<Proposals>('/api/v1/governance/proposals');
    expect(listed.body.parameters).toMatchObject({ minPenalties: 3, windowMonths: 36 });
    expect(listed.body.parameters.basis).toContain('local parameter');

    const accepted = await post<Entry>('/api/v1/governance/proposals/accept', {
      subjectId,
      violationType,
      reason: '同一违法行为三年内三次受到处罚，列入专项治理台账。',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({
      source: 'rule',
      status: 'open',
      department,
      violationType,
      openedOn: '2026-06-01',
      keyAttentionListed: false,
    });
    expect(accepted.body.recordIds).toEqual(proposal.records.map((r) => r.id));
    expect(await proposalsOf(subjectId)).toEqual([]); // in the ledger now
    const again = await post<ProblemDetails>('/api/v1/governance/proposals/accept', {
      subjectId,
      violationType,
      reason: '重复确认',
    });
    expect(again.status).toBe(422);
    expect(again.body.errors?.[0].field).toBe('violationType');

    const before = await deptStats();
    expect(before.dept).toMatchObject({ entries: 1, open: 1, rectified: 0, exitRate: 0 });

    clock.pin('2026-06-20T04:00:00Z');
    const exited = await post<Entry>(`/api/v1/governance/entries/${accepted.body.id}/exit`, {
      status: 'rectified',
      date: '2026-06-18',
      note: '经复查，违法行为已纠正，罚款已缴清。',
    });
    expect(exited.status).toBe(200);
    expect(exited.body).toMatchObject({ status: 'rectified', exitDate: '2026-06-18' });
    expect((await deptStats()).dept).toMatchObject({ entries: 1, open: 0, rectified: 1, exitRate: 1 });
    expect((await deptStats('2026-06-17')).dept).toMatchObject({ open: 1, rectified: 0, exitRate: 0 });
    const overall = (await deptStats()).overall;
    expect(overall.entries).toBeGreaterThanOrEqual(1);
    expect(overall.rectified).toBeGreaterThanOrEqual(1);

    const twice = await post<ProblemDetails>(`/api/v1/governance/entries/${accepted.body.id}/exit`, {
      status: 'repaired',
      date: '2026-06-19',
      note: '再次',
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'GOVERNANCE_ENTRY_NOT_OPEN', errors: [{ field: 'status' }] });

    const trail = await get<{ items: { kind: string }[] }>(`/api/v1/audit/entries?subjectId=${subjectId}`);
    expect(trail.body.items.map((i) => i.kind)).toEqual(
      expect.arrayContaining(['governance.accept', 'governance.exit']),
    );
    expect(trail.body.items.filter((i) => i.kind.startsWith('governance.'))).toHaveLength(2); // the refused exit is not
  });

  it('a declined proposal does not come back on the same penalties, but a new penalty proposes it again', async () => {
    clock.pin('2026-06-01T04:00:00Z');
    const code = uscc();
    await penalty(code, '2025-01-10');
    await penalty(code, '2025-06-10');
    const subjectId = await penalty(code, '2026-01-10');
    expect(await proposalsOf(subjectId)).toHaveLength(1);
    const declined = await post<{ declined: boolean }>('/api/v1/governance/proposals/decline', {
      subjectId,
      violationType,
      reason: '已主动整改，暂不列入。',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ declined: true, subjectId, violationType });
    const trail = await get<{ items: { kind: string }[] }>(`/api/v1/audit/entries?subjectId=${subjectId}`);
    expect(trail.body.items.map((i) => i.kind)).toContain('governance.decline');
    expect(await proposalsOf(subjectId)).toEqual([]);
    await penalty(code, '2026-05-10');
    expect((await proposalsOf(subjectId))[0]).toMatchObject({ penalties: 4 });
  });

  it('a manual entry, and refusals naming the field (RFC 9457)', async () => {
    clock.pin('2026-06-01T04:00:00Z');
    const subjectId = await penalty(uscc(), '2026-02-01');
    const body = { subjectId, department, reason: '多次约谈仍未整改。', openedOn: '2026-05-30' };
    const manual = await post<Entry>('/api/v1/governance/entries', body);
    expect(manual.status).toBe(201);
    expect(manual.body).toMatchObject({ source: 'manual', status: 'open', recordIds: [], violationType: null });
    const dup = await post<ProblemDetails>('/api/v1/governance/entries', body);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('GOVERNANCE_ALREADY_OPEN');

    const racing = await Promise.all(
      [1, 2].map(() => post<ProblemDetails>('/api/v1/governance/entries', { ...body, violationType: `并发-${run}` })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]); // one open entry per subject and type
    const raced = (racing.find((r) => r.status === 201)!.body as unknown as Entry).id;

    const future = await post<ProblemDetails>('/api/v1/governance/entries', { ...body, openedOn: '2026-06-02' });
    expect(future.status).toBe(400);
    expect(future.headers.get('content-type')).toContain('application/problem+json');
    expect(future.body.errors?.[0].field).toBe('openedOn');
    const bad = await post<ProblemDetails>('/api/v1/governance/entries', { subjectId: 'x', openedOn: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['subjectId', 'department', 'reason', 'openedOn']),
    );
    const nobody = await post<ProblemDetails>('/api/v1/governance/entries', { ...body, subjectId: randomUUID() });
    expect(nobody.status).toBe(404);
    expect(nobody.body.errors?.[0].field).toBe('subjectId');
    const early = await post<ProblemDetails>(`/api/v1/governance/entries/${manual.body.id}/exit`, {
      status: 'rectified',
      date: '2026-05-29',
      note: '整改',
    });
    expect(early.status).toBe(400);
    expect(early.body.errors?.[0].field).toBe('date');
    const badExit = await post<ProblemDetails>(`/api/v1/governance/entries/${manual.body.id}/exit`, {
      status: 'forgiven',
      date: '2026-05-31',
    });
    expect(badExit.body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['status', 'note']));

    const keyAttention = await post('/api/v1/records', {
      type: 'list_entry',
      source: department,
      decisionNumber: `重点关注-${randomUUID()}`,
      subjectName: `重庆綦江治理测试有限公司-${run}`,
      subjectCode: manual.body.subject.code,
      listType: 'key_attention',
      severity: 'general',
      decisionDate: '2026-05-01',
    });
    expect(keyAttention.status).toBe(201);
    expect((await get<Entry>(`/api/v1/governance/entries/${manual.body.id}`)).body.keyAttentionListed).toBe(true);
    const list = (await get<Dto<'KeyAttentionListDto'>>('/api/v1/governance/key-attention')).body;
    expect(list.measures).toEqual([]);
    expect(list.items.find((i) => i.subject.id === subjectId)).toMatchObject({
      openEntryIds: [manual.body.id, raced].sort(),
    });
    const earlier = (await get<Dto<'KeyAttentionListDto'>>('/api/v1/governance/key-attention?asOf=2026-04-30')).body;
    expect(earlier.items.find((i) => i.subject.id === subjectId)).toBeUndefined();

    const reader = await t.createKey({ scopes: ['repair'] });
    const refused = await httpAs<ProblemDetails>(reader, t.url, 'POST', '/api/v1/governance/entries', body);
    expect(refused.status).toBe(403);
    const read = await httpAs<Entry>(reader, t.url, 'GET', `/api/v1/governance/entries/${manual.body.id}`);
    expect(read.status).toBe(200);
    expect((await get<ProblemDetails>(`/api/v1/governance/entries/${randomUUID()}`)).status).toBe(404);
  });

  it('counts public bodies on the 失信被执行人 list and their rectification rate (事业单位失信被执行人整改到位率)', async () => {
    clock.pin('2026-06-01T04:00:00Z');
    const before = (await get<PublicBodies>('/api/v1/governance/public-body-defaulters')).body;
    const listing = (code: string, extra: Record<string, unknown>) =>
      post<Dto<'IngestOneResultDto'>>('/api/v1/records', {
        type: 'list_entry',
        source: '綦江区人民法院',
        decisionNumber: `(2026)渝0110执${randomUUID().slice(0, 8)}号`,
        subjectName: `綦江区某事业单位-${run}-${code.slice(-4)}`,
        subjectCode: code,
        subjectKind: 'public_body',
        listType: 'court_defaulter',
        listGround: 1,
        severity: 'serious',
        decisionDate: '2026-01-10',
        ...extra,
      });
    const ended = await listing(uscc('12500110'), { endedAt: '2026-04-01' });
    const open = await listing(uscc('12500110'), {});
    const firm = await listing(uscc(), { subjectKind: 'legal_person' }); // an enterprise is not counted
    for (const r of [ended, open, firm]) expect(r.status).toBe(201);
    const after = (await get<PublicBodies>('/api/v1/governance/public-body-defaulters')).body;
    expect(after.subjects - before.subjects).toBe(2);
    expect(after.rectified - before.rectified).toBe(1);
    expect(after.rectificationRate).toBeCloseTo(after.rectified / after.subjects, 4);
    const mine = (id: string) => after.items.find((i) => i.subject.id === id);
    expect(mine(ended.body.record.subjectId)).toMatchObject({ rectified: true, subject: { kind: 'public_body' } });
    expect(mine(open.body.record.subjectId)).toMatchObject({ rectified: false });
    expect(mine(firm.body.record.subjectId)).toBeUndefined();
    const earlier = (await get<PublicBodies>('/api/v1/governance/public-body-defaulters?asOf=2026-03-01')).body;
    expect(earlier.items.find((i) => i.subject.id === ended.body.record.subjectId)?.rectified).toBe(false);
  });
});
