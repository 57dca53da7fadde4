import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { USCC_ALPHABET, usccCheckChar } from '../../src/common/identifiers/uscc';
import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';

/**
 * Rule packs in the database: drafts with optimistic locking, publication, rollback, and hot reload on
 * a second instance of the application on the same database. Both instances use a database of their own
 * (isolated-app.ts), so that a publication here (which re-tiers every stored tier of the pack) touches no
 * other file's subjects.
 */

/** The tax pack's content, with the parts these tests edit (the rest carried along). */
interface TaxContent {
  version: string;
  description?: unknown;
  tiers: Array<{ tier: string; minScore?: number; maxScore?: number | null }>;
  rules: { name: string; conditions: { all: Record<string, unknown>[] } }[];
  [field: string]: unknown;
}
interface Draft {
  revision: number;
  content: TaxContent;
}
interface Versions {
  items: { id: string; active: boolean; version: string; contentHash: string }[];
}

describe('rule pack versions (规则包版本) across two instances', () => {
  let a: TestApp & { databaseUrl: string };
  let b: TestApp;
  let originalTax: string;
  let subjectId: string;
  let bundledTax: Record<string, unknown>; // the active content before this file changes anything
  const newVersion = `1.1.${randomInt(1e6)}`;

  const packVersion = async (t: TestApp, id = 'tax'): Promise<string> =>
    (await http<{ version: string }>(t.url, 'GET', `/api/v1/packs/${id}`)).body.version;
  const activeId = async (t: TestApp, id = 'tax'): Promise<string> =>
    (await http<Versions>(t.url, 'GET', `/api/v1/packs/${id}/versions`)).body.items.find((v) => v.active)!.id;
  const draft = async (t: TestApp) => (await http<Draft>(t.url, 'GET', '/api/v1/packs/tax/draft')).body;
  const save = (t: TestApp, revision: number, content: unknown) =>
    http<{ valid: boolean }>(t.url, 'PUT', '/api/v1/packs/tax/draft', { content }, { 'if-match': String(revision) });

  /** Poll `t` until its tax pack has `version`; answers the milliseconds it took. */
  async function until(t: TestApp, version: string): Promise<number> {
    const started = Date.now();
    while ((await packVersion(t)) !== version) {
      if (Date.now() - started > 5000) throw new Error(`instance never reached tax@${version}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return Date.now() - started;
  }

  beforeAll(async () => {
    a = await startIsolatedTestApp();
    b = await startTestApp({ DATABASE_URL: a.databaseUrl });
    originalTax = await activeId(a);
    bundledTax = (await draft(a)).content;
    let code = '91500110';
    for (let i = 0; i < 9; i++) code += USCC_ALPHABET[randomInt(USCC_ALPHABET.length)];
    code += usccCheckChar(code);
    const res = await http<{ id: string }>(a.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: `綦江规则版本测试有限公司${code.slice(-4)}`,
      registeredOn: '2015-03-01',
    });
    expect(res.status).toBe(201);
    subjectId = res.body.id;
  });
  afterAll(async () => {
    if ((await activeId(a)) !== originalTax) {
      await http(a.url, 'POST', '/api/v1/packs/tax/rollback', { versionId: originalTax, reason: 'test cleanup' });
    }
    await b.close();
    await a.close();
  });

  it('the bundled packs were imported as published version 1, measures included', async () => {
    for (const id of ['tax', 'measures']) {
      const res = await http<Versions>(a.url, 'GET', `/api/v1/packs/${id}/versions`);
      expect(res.status).toBe(200);
      const first = res.body.items[res.body.items.length - 1];
      expect(first).toMatchObject({ seq: 1, status: 'published', packId: id, createdBy: 'bundled-import' });
      expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect((await http(a.url, 'GET', '/api/v1/packs/nope/versions')).status).toBe(404);
  });

  it('publish on A (a changed threshold) reaches B within a second; rollback brings both back', async () => {
    const d = await draft(a);
    const content = structuredClone(d.content);
    content.version = newVersion;
    const tiers = content.tiers;
    tiers.find((x) => x.tier === 'C')!.minScore = 39;
    tiers.find((x) => x.tier === 'D')!.maxScore = 39;
    const saved = await save(a, d.revision, content);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ valid: true, findings: [], revision: d.revision + 1 });

    const published = await http(a.url, 'POST', '/api/v1/packs/tax/publish', {
      reason: 'C/D threshold 40 -> 39 (test)',
      operator: '信用科-李四',
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      version: newVersion,
      status: 'published',
      active: true,
      publishedBy: '信用科-李四',
    });
    const msB = await until(b, newVersion);
    expect(await packVersion(a)).toBe(newVersion); // the publishing instance answers with it at once
    expect(msB).toBeLessThan(1000);
    const tierB = await http<Dto<'SubjectTiersDto'>>(
      b.url,
      'GET',
      `/api/v1/subjects/${subjectId}/tiers?asOf=2026-11-28`,
    );
    expect(tierB.status).toBe(200);
    expect(tierB.body.tiers.find((x) => x.industry === 'tax')!.pack.version).toBe(newVersion);
    const tiersB = (await http<{ tiers: TaxContent['tiers'] }>(b.url, 'GET', '/api/v1/packs/tax')).body.tiers;
    expect(tiersB.find((x) => x.tier === 'C')!.minScore).toBe(39);

    const rolled = await http<{ version: string }>(a.url, 'POST', '/api/v1/packs/tax/rollback', {
      versionId: originalTax,
      reason: 'back to the bundled thresholds',
    });
    expect(rolled.status).toBe(200);
    expect(rolled.body).toMatchObject({ id: originalTax, active: true });
    const original = rolled.body.version;
    const backB = await until(b, original);
    expect(await packVersion(a)).toBe(original);
    expect(backB).toBeLessThan(1000);

    const audit = await http<{ items: { request: { packId: string }; operator: string }[] }>(
      a.url,
      'GET',
      '/api/v1/audit/entries?kind=pack.publish&limit=500',
    );
    expect(audit.body.items.some((e) => e.request.packId === 'tax' && e.operator === '信用科-李四')).toBe(true);
    const rb = await http<{ items: { packVersions: { tax: string } }[] }>(
      a.url,
      'GET',
      '/api/v1/audit/entries?kind=pack.rollback&limit=500',
    );
    expect(rb.body.items[rb.body.items.length - 1].packVersions.tax).toBe(original);
    process.stdout.write(
      `pack hot reload on ${process.env.TEST_EMBEDDED === '1' ? 'PGlite' : 'PostgreSQL'}: publish ${msB} ms, rollback ${backB} ms\n`,
    );
  });

  it('two saves based on the same revision: exactly one 200 and one 409 DRAFT_CONFLICT', async () => {
    const d = await draft(a);
    const [x, y] = await Promise.all([save(a, d.revision, d.content), save(b, d.revision, d.content)]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const lost = x.status === 409 ? x : y;
    expect(lost.body).toMatchObject({ code: 'DRAFT_CONFLICT', currentRevision: d.revision + 1 });
    expect(lost.headers.get('content-type')).toContain('application/problem+json');
    expect((await http(a.url, 'PUT', '/api/v1/packs/tax/draft', { content: d.content })).status).toBe(428);
  });

  it('a revision in the body beyond any a draft reaches (a 32-bit integer) is a 400 naming revision, not a 500', async () => {
    const d = await draft(a);
    const res = await http<ProblemDetails>(a.url, 'PUT', '/api/v1/packs/tax/draft', {
      content: d.content,
      revision: 99_999_999_999,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].field).toBe('revision');
    expect((await draft(a)).revision).toBe(d.revision);
  });

  it('an invalid draft is saved with findings but not published; nothing changes', async () => {
    const before = await http<unknown>(a.url, 'GET', '/api/v1/packs/tax/versions');
    const d = await draft(a);
    const content = structuredClone(d.content);
    content.version = `${newVersion}-bad`;
    content.rules[2].conditions.all[0].operator = 'greaterThen';
    const saved = await save(a, d.revision, content);
    expect(saved.status).toBe(200);
    expect(saved.body.valid).toBe(false);

    const res = await http<ProblemDetails & { findings: unknown[] }>(a.url, 'POST', '/api/v1/packs/tax/publish', {
      reason: 'should be refused',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PACK_INVALID');
    expect(res.body.findings[0]).toMatchObject({
      file: expect.stringContaining('tax/pack.json'),
      rule: content.rules[2].name,
      path: expect.stringMatching(/^\/rules\/2\//),
    });
    expect((await http<unknown>(a.url, 'GET', '/api/v1/packs/tax/versions')).body).toEqual(before.body);
    expect(await activeId(b)).toBe(originalTax);
  });

  it('a published version is immutable in the database; rollback to an unknown version is 404; a taken version is 409', async () => {
    const db = a.app.get(DataSource);
    await expect(
      db.query(`UPDATE pack_versions SET content = '{}'::jsonb WHERE id = $1`, [originalTax]),
    ).rejects.toThrow(/immutable/);
    await expect(db.query(`DELETE FROM pack_versions WHERE id = $1`, [originalTax])).rejects.toThrow(/never removed/);
    const missing = await http(a.url, 'POST', '/api/v1/packs/tax/rollback', {
      versionId: randomUUID(),
      reason: 'no such version',
    });
    expect(missing).toMatchObject({ status: 404, body: { code: 'PACK_VERSION_NOT_FOUND' } });
    const d = await draft(a);
    const content = structuredClone(bundledTax);
    content.version = (await http<Versions>(a.url, 'GET', '/api/v1/packs/tax/versions')).body.items.find(
      (v) => v.id === originalTax,
    )!.version;
    content.description = `${String(content.description)} (edited)`;
    expect((await save(a, d.revision, content)).status).toBe(200);
    const taken = await http(a.url, 'POST', '/api/v1/packs/tax/publish', { reason: 'same version again' });
    expect(taken).toMatchObject({ status: 409, body: { code: 'PACK_VERSION_EXISTS' } });
    expect(await activeId(b)).toBe(originalTax);
  });

  it('the measures are a pack too: their draft is the active {catalogue, rules}, valid', async () => {
    const res = await http<{ content: Record<string, unknown> }>(a.url, 'GET', '/api/v1/packs/measures/draft');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ packId: 'measures', valid: true, findings: [] });
    expect(Object.keys(res.body.content).sort()).toEqual(['catalogue', 'rules']);
  });

  it('only the packs scope may edit', async () => {
    const key = await a.createKey({ scopes: ['tiers'] });
    expect((await httpAs(key, a.url, 'GET', '/api/v1/packs/tax/draft')).status).toBe(403);
  });
});
