import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';

type CasesRun = Dto<'CasesRunDto'>;

/**
 * The routes the console's rule-author pages need beside the authoring API: one published version's
 * content (to diff two versions) and a run of golden cases against the draft. Neither stores anything.
 */
describe('pack version content and golden cases of the draft over HTTP', () => {
  let t: TestApp;
  let packsKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    packsKey = await t.createKey({ scopes: ['packs'] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a published version with its content, the same as the version list', async () => {
    const list = (await http<{ items: { seq: number }[] }>(t.url, 'GET', '/api/v1/packs/food_drug/versions')).body
      .items;
    const first = list[list.length - 1];
    const res = await httpAs<Dto<'PackVersionContentDto'>>(
      packsKey,
      t.url,
      'GET',
      `/api/v1/packs/food_drug/versions/${first.seq}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...first, packId: 'food_drug' });
    expect(res.body.content).toMatchObject({ id: 'food_drug', version: res.body.version });
    expect(Array.isArray(res.body.content.rules)).toBe(true);
  });

  it('refuses a version that is not there, a sequence that is not a number, a pack that is not there', async () => {
    const missing = await http<ProblemDetails>(t.url, 'GET', '/api/v1/packs/food_drug/versions/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('PACK_VERSION_NOT_FOUND');
    const bad = await http<ProblemDetails>(t.url, 'GET', '/api/v1/packs/food_drug/versions/1x');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'seq', reason: 'must be a positive integer' }]);
    expect((await http(t.url, 'GET', '/api/v1/packs/nope/versions/1')).status).toBe(404);
  });

  it('needs the packs scope', async () => {
    const tiers = await t.createKey({ scopes: ['tiers'] });
    expect((await httpAs(tiers, t.url, 'GET', '/api/v1/packs/tax/versions/1')).status).toBe(403);
    expect((await httpAs(tiers, t.url, 'POST', '/api/v1/packs/tax/draft/cases', {})).status).toBe(403);
  });

  it('runs the bundled golden cases against the draft, each passed, with the rule coverage', async () => {
    const res = await httpAs<CasesRun>(packsKey, t.url, 'POST', '/api/v1/packs/tax/draft/cases', {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ packId: 'tax', source: 'bundled' });
    expect(res.body.total).toBeGreaterThan(2);
    expect(res.body.failed).toBe(0);
    expect(res.body.passed).toBe(res.body.total);
    const one = res.body.cases.find((c) => c.name === 'one tax penalty');
    expect(one).toEqual({
      name: 'one tax penalty',
      passed: true,
      expected: { tier: 'A', score: 95, fired: ['tax-penalty'] },
      actual: { tier: 'A', score: 95, fired: ['tax-penalty'] },
    });
    expect(res.body.rules.total).toBeGreaterThan(0);
  });

  it('runs cases sent in the request and reports a failing one with what it expected and what it got', async () => {
    const cases = {
      pack: 'tax',
      cases: [
        { name: 'clean', facts: {}, expect: { tier: 'A', score: 100, fired: [] } },
        {
          name: 'wrong on purpose',
          facts: { industryPenaltiesLast12Months: 1 },
          expect: { tier: 'A', score: 100, fired: [] },
        },
      ],
    };
    const res = await httpAs<CasesRun>(packsKey, t.url, 'POST', '/api/v1/packs/tax/draft/cases', { cases });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'request', total: 2, passed: 1, failed: 1 });
    expect(res.body.cases[1]).toEqual({
      name: 'wrong on purpose',
      passed: false,
      expected: { tier: 'A', score: 100, fired: [] },
      actual: { tier: 'A', score: 95, fired: ['tax-penalty'] },
    });
  });

  it('refuses cases that do not validate, naming the field, and the measures pack', async () => {
    const res = await http<ProblemDetails>(t.url, 'POST', '/api/v1/packs/tax/draft/cases', {
      cases: {
        pack: 'tax',
        cases: [{ name: 'x', facts: { noSuchFact: 1 }, expect: { tier: 'Z', score: 1, fired: [] } }],
      },
    });
    expect(res.status).toBe(400);
    const fields = res.body.errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['cases.cases.0.facts.noSuchFact', 'cases.cases.0.expect.tier']));
    const measures = await http<ProblemDetails>(t.url, 'POST', '/api/v1/packs/measures/draft/cases', {});
    expect(measures.status).toBe(400);
    expect(measures.body.errors?.[0].field).toBe('id');
    expect((await http(t.url, 'POST', '/api/v1/packs/nope/draft/cases', {})).status).toBe(404);
  });
});
