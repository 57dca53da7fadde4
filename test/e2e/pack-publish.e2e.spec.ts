import { randomInt } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { http, TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';
import { uscc } from '../helpers/identifiers';
import type { MutablePack } from '../../src/rules/testing';

/**
 * What a publication does beyond storing a version: a draft the stored tiers cannot hold is refused
 * before it is published (never a version that breaks every tier save afterwards); a publication and a
 * rollback re-tier the stored tiers. A database of its own (isolated-app.ts): its publications reach no
 * other file.
 */
describe('publishing a rule pack (规则包发布)', () => {
  let t: TestApp;
  const originals = new Map<string, string>();
  const drafts = new Map<string, unknown>(); // each edited pack's draft content before this file

  const activeVersionId = async (id: string): Promise<string> =>
    (await http(t.url, 'GET', `/api/v1/packs/${id}`)).body.versionId;

  /** Save `edit` of the current draft of `id`; answers the save's answer. */
  async function saveEdited(id: string, edit: (c: MutablePack) => void) {
    if (!originals.has(id)) originals.set(id, await activeVersionId(id));
    const d = await http(t.url, 'GET', `/api/v1/packs/${id}/draft`);
    if (!drafts.has(id)) drafts.set(id, d.body.content);
    const content = structuredClone(d.body.content);
    content.version = `1.0.${randomInt(1000, 999999)}`;
    edit(content);
    return http(t.url, 'PUT', `/api/v1/packs/${id}/draft`, { content }, { 'if-match': String(d.body.revision) });
  }

  /** A company; with an industry code (GB/T 4754-2017), the packs that name it tier it too (tax tiers every one). */
  async function newSubject(industryCode?: string): Promise<string> {
    const code = uscc();
    const res = await http(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: `发布测试有限公司${code.slice(-4)}`,
      registeredOn: '2014-06-01',
      ...(industryCode === undefined ? {} : { industryCode }),
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  beforeAll(async () => {
    t = await startIsolatedTestApp(); // its own schema on a server: its publications re-tier no other file's subjects
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
  });
  afterAll(async () => {
    for (const [id, versionId] of originals) {
      if ((await activeVersionId(id)) !== versionId)
        await http(t.url, 'POST', `/api/v1/packs/${id}/rollback`, { versionId, reason: 'test cleanup' });
    }
    for (const [id, content] of drafts) {
      const now = (await http(t.url, 'GET', `/api/v1/packs/${id}/draft`)).body;
      await http(t.url, 'PUT', `/api/v1/packs/${id}/draft`, { content }, { 'if-match': String(now.revision) });
    }
    await http(t.url, 'POST', '/api/v1/tiering/runs', {});
    await t.close();
  });

  it('a version longer than a stored tier can record (32 characters) is a finding: the draft is invalid, publishing it 422, tiering keeps working', async () => {
    const subjectId = await newSubject('H6110'); // 旅游饭店: a hotel, a public gathering place the fire pack tiers
    const version = `1.0.${randomInt(1000, 9999)}-rc.1+build.20261128.qijiang`; // valid semver, 36 characters
    const saved = await saveEdited('fire_safety', (c) => (c.version = version));
    expect(saved.status).toBe(200);
    expect(saved.body.valid).toBe(false);
    expect(saved.body.findings).toEqual([expect.objectContaining({ path: '/version' })]);

    const published = await http(t.url, 'POST', '/api/v1/packs/fire_safety/publish', { reason: 'e2e: a long version' });
    expect(published.status).toBe(422);
    expect(published.body.code).toBe('PACK_INVALID');
    expect((await http(t.url, 'GET', '/api/v1/packs/fire_safety')).body.version).not.toBe(version);

    const tiers = await http(t.url, 'GET', `/api/v1/subjects/${subjectId}/tiers`);
    expect(tiers.status).toBe(200);
    expect(tiers.body.tiers.map((x: { industry: string }) => x.industry)).toContain('fire_safety');
  });

  it('publish and rollback re-tier the stored tiers: the new version (history records it) and, after the rollback, the old one again', async () => {
    const subjectId = await newSubject();
    const code = (await http(t.url, 'GET', `/api/v1/subjects/${subjectId}`)).body.code;
    const record = (r: Record<string, unknown>) =>
      http(t.url, 'POST', '/api/v1/records', {
        source: '綦江区消防救援大队',
        decisionNumber: `发布测试-${randomInt(1e9)}`,
        subjectName: '发布测试有限公司',
        subjectCode: code,
        industry: 'fire_safety',
        ...r,
      });
    expect(
      (
        await record({
          type: 'penalty',
          sector: 'fire',
          severity: 'general',
          penaltyTypes: ['fine'],
          fineAmount: 1,
          decisionDate: '2026-09-01',
        })
      ).status,
    ).toBe(201);
    expect((await record({ type: 'inspection', inspectionResult: 'failed', decisionDate: '2026-10-01' })).status).toBe(
      201,
    );
    const tiering = t.app.get(TieringService);
    await tiering.idle();
    const fire = async () =>
      (await http(t.url, 'GET', `/api/v1/subjects/${subjectId}/tiers`)).body.tiers.find(
        (x: { industry: string }) => x.industry === 'fire_safety',
      );
    const before = await fire();
    expect(before).toMatchObject({ tier: 'B', score: 80 });

    const saved = await saveEdited('fire_safety', (c) => {
      for (const tier of c.tiers) {
        if (tier.tier === 'B') tier.minScore = 85;
        if (tier.tier === 'C') tier.maxScore = 85;
      }
    });
    expect(saved.body.valid).toBe(true);
    const published = await http(t.url, 'POST', '/api/v1/packs/fire_safety/publish', { reason: 'e2e: B starts at 85' });
    expect(published.status).toBe(201);
    await tiering.idle();
    expect(await fire()).toMatchObject({ tier: 'C', score: 80, pack: { version: published.body.version } });
    const history = (await http(t.url, 'GET', `/api/v1/subjects/${subjectId}/tiers/history?industry=fire_safety`)).body
      .items;
    expect(history[0]).toMatchObject({
      tier: 'C',
      previousTier: 'B',
      packVersion: published.body.version,
      trigger: 'pack:publish:fire_safety',
    });

    const back = await http(t.url, 'POST', '/api/v1/packs/fire_safety/rollback', {
      versionId: originals.get('fire_safety'),
      reason: 'e2e: back to the old bands',
    });
    expect(back.status).toBe(200);
    await tiering.idle();
    expect(await fire()).toMatchObject({
      tier: 'B',
      score: 80,
      pack: { version: before.pack.version, contentHash: before.pack.contentHash },
    });
  });

  it('publish with If-Match publishes only the draft revision the author simulated: a save since is a 409 and nothing is published', async () => {
    const first = await saveEdited('tax', () => undefined);
    expect(first.status).toBe(200);
    const simulated = first.body.revision as number;
    const second = await saveEdited('tax', () => undefined); // another author's save after the simulation
    expect(second.body.revision).toBe(simulated + 1);
    const active = await activeVersionId('tax');
    const stale = await http(
      t.url,
      'POST',
      '/api/v1/packs/tax/publish',
      { reason: 'e2e: the simulated revision' },
      { 'if-match': String(simulated) },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'DRAFT_CONFLICT', currentRevision: simulated + 1 });
    expect(await activeVersionId('tax')).toBe(active);
    const malformed = await http(
      t.url,
      'POST',
      '/api/v1/packs/tax/publish',
      { reason: 'e2e' },
      { 'if-match': 'latest' },
    );
    expect([malformed.status, malformed.body.errors?.[0]?.field]).toEqual([400, 'If-Match']);
    expect(await activeVersionId('tax')).toBe(active);
    const current = await http(
      t.url,
      'POST',
      '/api/v1/packs/tax/publish',
      { reason: 'e2e: the current revision' },
      { 'if-match': `"${simulated + 1}"` },
    );
    expect(current.status).toBe(201);
    expect(await activeVersionId('tax')).not.toBe(active);
    await t.app.get(TieringService).idle();
  });

  it('a pack that no longer applies to a kind of subject leaves those subjects no stored tier of its industry (as the simulation said)', async () => {
    const body = await http(t.url, 'POST', '/api/v1/subjects', {
      kind: 'public_body',
      code: uscc('11500110'),
      name: `綦江区某局${randomInt(1e6)}`,
    });
    expect(body.status).toBe(201);
    // The fire brigade supervises this bureau (消防安全重点单位): a department decision makes it a fire-safety member.
    const assigned = await http(t.url, 'PUT', `/api/v1/subjects/${body.body.id}/industries/fire_safety`, {
      effect: 'member',
      reason: '消防安全重点单位，纳入消防监管',
    });
    expect(assigned.status).toBe(200);
    const industries = async () =>
      (await http(t.url, 'GET', `/api/v1/subjects/${body.body.id}/tiers`)).body.tiers.map(
        (x: { industry: string }) => x.industry,
      );
    expect(await industries()).toContain('fire_safety');

    const saved = await saveEdited(
      'fire_safety',
      (c) => (c.appliesTo = c.appliesTo.filter((k: string) => k !== 'public_body')),
    );
    expect(saved.body.valid).toBe(true);
    const sim = await http(t.url, 'POST', '/api/v1/packs/fire_safety/simulate', {});
    expect(sim.status).toBe(200);
    const count = (d: Record<string, number>) => Object.values(d).reduce((a, b) => a + b, 0);
    expect(count(sim.body.distribution.after)).toBeLessThan(count(sim.body.distribution.before));

    expect(
      (await http(t.url, 'POST', '/api/v1/packs/fire_safety/publish', { reason: 'e2e: public bodies left out' }))
        .status,
    ).toBe(201);
    await t.app.get(TieringService).idle();
    expect(await industries()).not.toContain('fire_safety');
    // The removal is in the subject's history: no tier now, the one removed, what caused it.
    const history = await http(t.url, 'GET', `/api/v1/subjects/${body.body.id}/tiers/history?industry=fire_safety`);
    expect(history.body.items[0]).toMatchObject({
      tier: null,
      score: null,
      previousTier: expect.any(String),
      trigger: 'pack:publish:fire_safety',
    });
    const stored = (await http(t.url, 'GET', '/api/v1/tiering/distribution')).body.items.filter(
      (x: { industry: string }) => x.industry === 'fire_safety',
    );
    expect(stored.reduce((n: number, x: { subjects: number }) => n + x.subjects, 0)).toBe(
      count(sim.body.distribution.after),
    );

    await http(t.url, 'POST', '/api/v1/packs/fire_safety/rollback', {
      versionId: originals.get('fire_safety'),
      reason: 'e2e: public bodies back',
    });
    await t.app.get(TieringService).idle();
    expect(await industries()).toContain('fire_safety');
  });

  it('a rule that can never fire is an error wherever the draft is judged: validate, the draft, publish (422) and simulate agree', async () => {
    let content: MutablePack = {};
    const saved = await saveEdited('construction', (c) => {
      const leaf = c.rules.find((r: { name: string }) => r.name === 'construction-penalty').conditions.all;
      leaf.push({ fact: 'industryPenaltiesLast12Months', operator: 'lessThan', value: 1 }); // ≥ 1 and < 1
      content = c;
    });
    const validated = await http(t.url, 'POST', '/api/v1/packs/validate', content);
    expect(validated.body.valid).toBe(false);
    expect(validated.body.findings).toEqual([
      expect.objectContaining({ code: 'never-fires', rule: 'construction-penalty', path: '/rules/2/conditions/all/1' }),
    ]);

    expect(saved.body.valid).toBe(false);
    expect(saved.body.findings).toEqual([
      {
        file: expect.stringContaining('construction/pack.json'),
        rule: 'construction-penalty',
        path: '/rules/2/conditions/all/1',
        message: expect.stringContaining('can never fire'),
      },
    ]);
    const published = await http(t.url, 'POST', '/api/v1/packs/construction/publish', { reason: 'e2e: a dead rule' });
    expect(published.status).toBe(422);
    expect(published.body.code).toBe('PACK_INVALID');
    expect((await http(t.url, 'POST', '/api/v1/packs/construction/simulate', {})).status).toBe(422);
  });

  it('one pack per industry: a draft taking an industry another active pack tiers is invalid and publishing it 422; tiering keeps working', async () => {
    const subjectId = await newSubject('H6210'); // 正餐服务: a restaurant, tiered by the tax, food and fire packs
    const saved = await saveEdited('tax', (c) => (c.industry = 'fire_safety'));
    expect(saved.status).toBe(200);
    expect(saved.body.valid).toBe(false);
    expect(saved.body.findings).toEqual([
      expect.objectContaining({ path: '/industry', message: expect.stringContaining('fire_safety') }),
    ]);

    const published = await http(t.url, 'POST', '/api/v1/packs/tax/publish', {
      reason: 'e2e: a second fire-safety pack',
    });
    expect(published.status).toBe(422);
    expect(published.body.code).toBe('PACK_INVALID');
    expect((await http(t.url, 'GET', '/api/v1/packs/tax')).body.industry).toBe('tax');

    const simulated = await http(t.url, 'POST', '/api/v1/packs/tax/simulate', {});
    expect(simulated.status).toBe(422);

    const run = await http(t.url, 'POST', '/api/v1/tiering/runs', {});
    expect(run.status).toBe(200);
    const tiers = await http(t.url, 'GET', `/api/v1/subjects/${subjectId}/tiers`);
    expect(tiers.status).toBe(200);
    expect(
      tiers.body.tiers.map((x: { industry: string; pack: { id: string } }) => `${x.industry}:${x.pack.id}`).sort(),
    ).toEqual(['fire_safety:fire_safety', 'food_drug:food_drug', 'tax:tax']); // each by its own pack; not a builder
  });
});
