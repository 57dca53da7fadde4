import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { Clock } from '../../src/common/clock';
import { addMonths } from '../../src/rules/shared';
import type { Caller } from '../../src/modules/auth/caller';
import { ChecksService } from '../../src/modules/checks/checks.service';
import type { CheckResult } from '../../src/modules/checks/check.types';
import type { CheckRequestDto } from '../../src/modules/checks/dto/check-request.dto';
import { CreditStateService } from '../../src/modules/credit-state/credit-state.service';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { http, startTestApp, type TestApp } from '../helpers/app';
import { idNumber, uscc } from '../helpers/identifiers';

/**
 * The credit state an instance keeps for checks answers exactly what the database answers (a differential
 * test): random subjects and records, checks and record changes interleaved and concurrent, and after every
 * change each kept answer compared with one read fresh from the database. A second instance on the same
 * database hears of the changes through the `credit_state` notification. Seeded: the same run every time.
 */
describe('credit state kept for checks: the same answers as the database', () => {
  let t: TestApp;
  let checks: ChecksService;
  let state: CreditStateService;
  const source = `credit-state-${randomUUID().slice(0, 8)}`;
  const caller: Caller = { keyId: 'k', name: 'differential', scopes: ['checks'], scenarios: ['*'], department: null };
  const scenarios = ['tendering', 'government_procurement', 'land_transfer', 'government_funds', 'financing'];

  // mulberry32: a small seeded generator, so a failure can be replayed.
  let seed = 20261206;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

  type Party = { code?: string; idNumber?: string; name: string };
  const parties: Party[] = [];
  const recordIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    checks = t.app.get(ChecksService);
    state = t.app.get(CreditStateService);
    for (let i = 0; i < 10; i++) {
      const code = uscc();
      parties.push({ code, name: `差分测试公司${code.slice(-4)}` });
    }
    for (let i = 0; i < 2; i++) parties.push({ idNumber: idNumber(), name: `差分测试个人${i}` });
    parties.push({ code: uscc(), name: 'never registered' }); // unknown to the service until a record names it
    for (const p of parties.slice(0, 4)) {
      const res = await http(t.url, 'POST', '/api/v1/subjects', {
        kind: 'legal_person',
        code: p.code,
        name: p.name,
        industryCode: 'H6110',
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  /** One random record of a kind the bundled packs and measures read. */
  function randomRecord(p: Party): Record<string, unknown> {
    const who = p.code ? { subjectCode: p.code } : { subjectIdNumber: p.idNumber, subjectKind: 'natural_person' };
    const base = { source, decisionNumber: `D-${randomUUID()}`, subjectName: p.name, ...who };
    const decisionDate = pick(['2024-02-10', '2025-07-01', '2026-03-15', '2026-10-20']);
    switch (pick(['penalty', 'penalty', 'court', 'red', 'procurement', 'licence', 'tax'])) {
      case 'penalty':
        return {
          ...base,
          type: 'penalty',
          ...pick([
            { industry: 'fire_safety', sector: 'fire' },
            { industry: 'food_drug', sector: 'food' },
          ]),
          severity: pick(['serious', 'general']),
          penaltyTypes: ['fine'],
          fineAmount: pick([2, 30, 120]),
          decisionDate,
          authority: '綦江区测试执法机关',
        };
      case 'court':
        return {
          ...base,
          type: 'list_entry',
          listType: 'court_defaulter',
          severity: 'serious',
          listGround: 2,
          decisionDate,
        };
      case 'red':
        return { ...base, type: 'list_entry', listType: 'red_list', decisionDate };
      case 'procurement':
        return {
          ...base,
          type: 'list_entry',
          listType: 'procurement_dishonesty',
          severity: 'serious',
          listEndDate: addMonths(decisionDate, 24),
          decisionDate,
        };
      case 'licence':
        return {
          ...base,
          type: 'licence',
          industry: 'food_drug',
          decisionDate: '2024-03-01',
          validUntil: '2029-03-01',
        };
      default:
        return {
          ...base,
          type: 'tax_credit',
          taxLevel: pick(['A', 'B', 'M', 'D']),
          taxYear: 2025,
          decisionDate: '2026-04-20',
        };
    }
  }

  async function write(): Promise<void> {
    const roll = random();
    if (roll < 0.2 && recordIds.length) {
      const id = recordIds.splice(Math.floor(random() * recordIds.length), 1)[0];
      const res = await http(t.url, 'POST', `/api/v1/records/${id}/revoke`, { reason: '差分测试撤销' });
      expect(res.status).toBe(200);
      return;
    }
    const p = pick(parties);
    const res = await http<{ record: { id: string } }>(t.url, 'POST', '/api/v1/records', randomRecord(p));
    expect(res.status).toBe(201);
    recordIds.push(res.body.record.id);
  }

  const body = (scenario: string, ps: readonly Party[]): CheckRequestDto => ({
    scenario,
    transaction: { reference: 'DIFF-1', amount: pick([50_000, 860_000, 5_000_000]) },
    parties: ps.map((p) => ({
      ...(p.code ? { code: p.code } : { idNumber: p.idNumber }),
      role: scenario === 'land_transfer' ? 'transferee' : 'bidder',
    })),
  });
  const comparable = (r: CheckResult) => ({ ...r, checkId: null, checkedAt: null });

  /** Every party in every scenario: the kept answer equals the one read from the database. */
  async function expectSameAsDatabase(): Promise<void> {
    for (const scenario of scenarios)
      for (let i = 0; i < parties.length; i += 3) {
        const b = body(scenario, parties.slice(i, i + 3));
        const kept = await checks.evaluate(caller, b);
        const fresh = await checks.evaluate(caller, b, { fresh: true });
        expect(comparable(kept)).toEqual(comparable(fresh));
      }
  }

  it('after every change, sequentially: what is kept equals what the database says', async () => {
    await expectSameAsDatabase(); // fills what is kept
    for (let i = 0; i < 25; i++) {
      await write();
      await expectSameAsDatabase();
    }
    const s = state.stats();
    expect(s.hits).toBeGreaterThan(0); // the answers above did come from what was kept
    expect(s.invalidations).toBeGreaterThanOrEqual(25);
  });

  it('checks and changes at the same time: once the changes are acknowledged, every answer is the database one', async () => {
    for (let round = 0; round < 5; round++) {
      const load = Array.from({ length: 30 }, (_, j) =>
        j % 3 === 0
          ? write()
          : http(t.url, 'POST', '/api/v1/checks', body(pick(scenarios), [pick(parties), pick(parties)])).then((r) =>
              expect(r.status).toBe(200),
            ),
      );
      await Promise.all(load);
      await t.app.get(TieringService).idle();
      await expectSameAsDatabase();
    }
  });

  it('an industry decision and a new day are changes too', async () => {
    const p = parties[0];
    await expectSameAsDatabase();
    const found = await http<{ items: Array<{ id: string }> }>(t.url, 'GET', `/api/v1/subjects?code=${p.code}`);
    const subjectId = found.body.items[0].id;
    const put = await http(t.url, 'PUT', `/api/v1/subjects/${subjectId}/industries/construction`, {
      effect: 'member',
      reason: '差分测试：住建部门认定',
    });
    expect(put.status).toBe(200);
    await expectSameAsDatabase();
    t.app.get(Clock).pin('2028-07-01T04:00:00Z'); // the two-year listings and most windows have ended
    await expectSameAsDatabase();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
  });

  // Another instance on the same server hears of the change through the database's `credit_state` notification.
  // The embedded database is one process's (a NOTIFY does not reach another connection there): no second instance.
  if (process.env.TEST_EMBEDDED !== '1')
    it('another instance drops what it kept once the change commits (NOTIFY), without waiting for the age limit', async () => {
      const b = await startTestApp();
      try {
        b.app.get(Clock).pin('2026-11-28T04:00:00Z');
        const checksB = b.app.get(ChecksService);
        const p = parties[1];
        const req = body('government_procurement', [p]);
        const before = await checksB.evaluate(caller, req);
        expect(comparable(before)).toEqual(comparable(await checksB.evaluate(caller, req, { fresh: true })));
        const hitsBefore = b.app.get(CreditStateService).stats().hits;
        await checksB.evaluate(caller, req);
        expect(b.app.get(CreditStateService).stats().hits).toBeGreaterThan(hitsBefore); // B keeps it now
        const listed = await http(t.url, 'POST', '/api/v1/records', {
          source,
          decisionNumber: `D-${randomUUID()}`,
          subjectName: p.name,
          subjectCode: p.code,
          type: 'list_entry',
          listType: 'court_defaulter',
          severity: 'serious',
          listGround: 2,
          decisionDate: '2026-11-20',
        });
        expect(listed.status).toBe(201); // written through the first instance
        const started = Date.now();
        let after = await checksB.evaluate(caller, req);
        while (after.parties[0].verdict !== 'block' && Date.now() - started < 5000) {
          await new Promise((r) => setTimeout(r, 20));
          after = await checksB.evaluate(caller, req);
        }
        expect(after.parties[0].verdict).toBe('block');
        expect(comparable(after)).toEqual(comparable(await checksB.evaluate(caller, req, { fresh: true })));
      } finally {
        await b.close();
      }
    });
});
