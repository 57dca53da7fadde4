import { randomInt, randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';
import { uscc } from '../helpers/identifiers';

/** A draft as these tests edit it: the parts they change, the rest carried along. */
interface Draft<C> {
  revision: number;
  content: C;
}
interface TiersContent {
  version: string;
  tiers: { tier: string; minScore?: number; maxScore?: number }[];
}
interface MeasuresContent {
  rules: { version: string; rules: { name: string }[] };
}
interface TiersSimulation {
  changed: { subjectId: string; after: { tier: string } }[];
  distribution: { before: Record<string, number>; after: Record<string, number> };
  summary: string[];
}
interface MeasuresSimulation {
  checksReplayed: number;
  changed: { checkId: string }[];
  summary: string[];
}

describe('simulate a draft before publishing (发布前模拟)', () => {
  let t: TestApp;
  const source = `sim-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    t = await startIsolatedTestApp(); // its own schema on a server: its publication re-tiers no other file's subjects
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
  });
  afterAll(async () => {
    await t.close();
  });

  async function subjectWith(records: Array<Record<string, unknown>>): Promise<string> {
    const code = uscc();
    const reg = await http<{ id: string }>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: `模拟测试商场${code.slice(-4)}`,
      registeredOn: '2012-05-01',
    });
    for (const r of records) {
      const res = await http(t.url, 'POST', '/api/v1/records', {
        source,
        decisionNumber: randomUUID(),
        subjectName: '模拟测试商场',
        subjectCode: code,
        industry: 'fire_safety',
        ...r,
      });
      expect(res.status).toBe(201);
    }
    return reg.body.id;
  }

  it('reports the tier changes a draft would make, and publishing then produces exactly those', async () => {
    const penalty = {
      type: 'penalty',
      sector: 'fire',
      severity: 'general',
      penaltyTypes: ['fine'],
      fineAmount: 1,
      decisionDate: '2026-09-01',
    };
    const failed = { type: 'inspection', inspectionResult: 'failed', decisionDate: '2026-10-01' };
    const moving = await subjectWith([penalty, failed]); // 100 - 10 - 10 = 80: B now, C once B starts at 85
    const clean = await subjectWith([]); // 100: A either way
    await t.app.get(TieringService).idle();

    const pack = await http<{ versionId: string }>(t.url, 'GET', '/api/v1/packs/fire_safety');
    const originalVersionId = pack.body.versionId;
    const draft = await http<Draft<TiersContent>>(t.url, 'GET', '/api/v1/packs/fire_safety/draft');
    const content = structuredClone(draft.body.content);
    content.version = `1.0.${randomInt(1000, 999999)}`;
    for (const tier of content.tiers) {
      if (tier.tier === 'B') tier.minScore = 85;
      if (tier.tier === 'C') tier.maxScore = 85;
    }
    const saved = await http<{ valid: boolean }>(
      t.url,
      'PUT',
      '/api/v1/packs/fire_safety/draft',
      { content },
      { 'if-match': String(draft.body.revision) },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.valid).toBe(true);

    try {
      const sim = await http<TiersSimulation>(t.url, 'POST', '/api/v1/packs/fire_safety/simulate', {
        asOf: '2026-11-28',
      });
      expect(sim.status).toBe(200);
      expect(sim.body).toMatchObject({ packId: 'fire_safety', draftVersion: content.version, asOf: '2026-11-28' });
      const mine = sim.body.changed.find((c) => c.subjectId === moving);
      expect(mine).toMatchObject({ before: { tier: 'B', score: 80 }, after: { tier: 'C', score: 80 } });
      expect(sim.body.changed.some((c) => c.subjectId === clean)).toBe(false);
      expect(sim.body.distribution.after.C - sim.body.distribution.before.C).toBeGreaterThanOrEqual(1);
      expect(sim.body.summary.join('\n')).toContain('B:');

      const published = await http(t.url, 'POST', '/api/v1/packs/fire_safety/publish', {
        reason: 'e2e: B starts at 85',
      });
      expect(published.status).toBe(201);
      const run = await http(t.url, 'POST', '/api/v1/tiering/runs', { asOf: '2026-11-28' });
      expect(run.status).toBe(200);
      const listed = sim.body.changed.filter((c) => c.subjectId === moving || process.env.TEST_EMBEDDED === '1');
      for (const c of listed) {
        const tiers = await http<Dto<'SubjectTiersDto'>>(t.url, 'GET', `/api/v1/subjects/${c.subjectId}/tiers`);
        const fire = tiers.body.tiers.find((x) => x.industry === 'fire_safety')!;
        expect({ subject: c.subjectId, tier: fire.tier, version: fire.pack.version }).toEqual({
          subject: c.subjectId,
          tier: c.after.tier,
          version: content.version,
        });
      }
    } finally {
      const back = await http(t.url, 'POST', '/api/v1/packs/fire_safety/rollback', {
        versionId: originalVersionId,
        reason: 'e2e: restore',
      });
      expect(back.status).toBe(200);
      await http(t.url, 'POST', '/api/v1/tiering/runs', {});
    }
  });

  it('replays the checks of a period against a measures draft: the checks whose verdict would change', async () => {
    const code = uscc();
    const listed = await http(t.url, 'POST', '/api/v1/records', {
      type: 'list_entry',
      source,
      decisionNumber: randomUUID(),
      subjectName: '红名单模拟企业',
      subjectCode: code,
      listType: 'red_list',
      decisionDate: '2026-09-01',
    });
    expect(listed.status).toBe(201);
    const check = await http<{ verdict: string; checkId: string }>(t.url, 'POST', '/api/v1/checks', {
      scenario: 'government_funds',
      transaction: { reference: `SIM-${randomUUID()}` },
      parties: [{ code, role: 'applicant' }],
    });
    expect(check.body.verdict).toBe('reward');

    const draft = await http<Draft<MeasuresContent>>(t.url, 'GET', '/api/v1/packs/measures/draft');
    const content = structuredClone(draft.body.content);
    content.rules.version = `1.0.${randomInt(1000, 999999)}`;
    content.rules.rules = content.rules.rules.filter((r) => !r.name.startsWith('red-list-'));
    // No rule applies some reward measures any more; the catalogue may keep them (lint warns, loading accepts).
    const saved = await http<{ valid: boolean }>(
      t.url,
      'PUT',
      '/api/v1/packs/measures/draft',
      { content },
      { 'if-match': String(draft.body.revision) },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.valid).toBe(true);

    const sim = await http<MeasuresSimulation>(t.url, 'POST', '/api/v1/packs/measures/simulate', {
      from: '2026-11-28',
      to: '2026-11-29',
    });
    expect(sim.status).toBe(200);
    expect(sim.body.checksReplayed).toBeGreaterThanOrEqual(1);
    const mine = sim.body.changed.find((c) => c.checkId === check.body.checkId);
    expect(mine).toMatchObject({ answered: 'reward', active: 'reward', draft: 'pass', scenario: 'government_funds' });
    expect(sim.body.summary[1]).toContain('would get another verdict');

    const missing = await http<ProblemDetails>(t.url, 'POST', '/api/v1/packs/measures/simulate', {
      from: '2026-11-28',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0].field).toBe('to');
  });

  it('refuses an invalid draft with findings and a bad date naming the field', async () => {
    const bad = await http<ProblemDetails>(t.url, 'POST', '/api/v1/packs/fire_safety/simulate', {
      asOf: '2026-02-30x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0].field).toBe('asOf');
    const unknown = await http(t.url, 'POST', '/api/v1/packs/no_such_pack/simulate', {});
    expect(unknown.status).toBe(404);
  });
});
