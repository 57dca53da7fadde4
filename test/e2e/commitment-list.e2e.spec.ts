import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

/**
 * GET /api/v1/commitments: commitment records with subject, state and the outcome recorded through
 * POST /api/v1/records/{id}/commitment-outcome; filters by state and accepting department, keyset pages.
 * Assertions look at this file's department only (other files write commitments at the same time).
 */
describe('GET /api/v1/commitments (信用承诺列表)', () => {
  let t: TestApp;
  const department = `綦江区消防救援支队-列表-${randomUUID().slice(0, 8)}`;
  const ids: string[] = [];
  const list = (query: string) =>
    http<Dto<'CommitmentPageDto'>>(
      t.url,
      'GET',
      `/api/v1/commitments?department=${encodeURIComponent(department)}&${query}`,
    );

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-06-01T04:00:00Z');
    for (const date of ['2026-03-01', '2026-04-01', '2026-05-01']) {
      const res = await http<Dto<'IngestOneResultDto'>>(t.url, 'POST', '/api/v1/records', {
        type: 'commitment',
        source: department,
        decisionNumber: `诺-${randomUUID()}`,
        subjectName: `重庆綦江承诺列表有限公司${date.slice(5, 7)}`,
        subjectCode: uscc(),
        subjectRegisteredOn: '2015-06-30',
        industry: 'fire_safety',
        commitmentStatus: 'pending',
        decisionDate: date,
      });
      expect(res.status).toBe(201);
      ids.push(res.body.record.id);
    }
    await t.app.get(TieringService).idle();
    const breach = await http(t.url, 'POST', `/api/v1/records/${ids[0]}/commitment-outcome`, {
      outcome: 'breached',
      kind: 'notify_and_commit',
      date: '2026-05-20',
      department,
      reason: '核查发现承诺的消防安全条件与实际不符，属虚假承诺。',
    });
    expect(breach.status).toBe(201);
    await t.app.get(TieringService).idle();
  });
  afterAll(async () => {
    t.app.get(Clock).pin(null);
    await t.close();
  });

  it('lists the commitments newest first with subject, state and outcome', async () => {
    const res = await list('limit=100');
    expect(res.status).toBe(200);
    const items = res.body.items;
    expect(items.map((i) => i.id)).toEqual([...ids].reverse());
    expect(items.map((i) => i.commitmentStatus)).toEqual(['pending', 'pending', 'breached']);
    expect(items[0]).toMatchObject({
      source: department,
      industry: 'fire_safety',
      decisionDate: '2026-05-01',
      status: 'active',
      outcome: null,
      subject: { kind: 'legal_person', name: '重庆綦江承诺列表有限公司05', idMasked: null },
    });
    expect(items[2]).toMatchObject({
      commitmentStatusDate: '2026-05-20',
      outcome: {
        kind: 'notify_and_commit',
        outcome: 'breached',
        date: '2026-05-20',
        department,
        legalBasis: '国办发〔2020〕42号',
      },
    });
    expect(res.body.nextCursor).toBeNull();
  });

  it('filters by state and pages with nextCursor', async () => {
    const pending = await list('status=pending');
    expect(pending.body.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const first = await list('limit=2');
    expect(first.body.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextCursor).toBe(ids[1]);
    const second = await list(`limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('refuses bad input naming the field, and keys without records or repair', async () => {
    for (const [q, field] of [
      ['status=unknown', 'status'],
      ['limit=0', 'limit'],
      ['cursor=nope', 'cursor'],
    ]) {
      const res = await http<ProblemDetails>(t.url, 'GET', `/api/v1/commitments?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field)).toContain(field);
    }
    const tiers = await t.createKey({ scopes: ['tiers'] });
    expect((await httpAs(tiers, t.url, 'GET', '/api/v1/commitments')).status).toBe(403);
    const repair = await t.createKey({ scopes: ['repair'] });
    expect((await httpAs(repair, t.url, 'GET', '/api/v1/commitments?limit=1')).status).toBe(200);
  });
});
