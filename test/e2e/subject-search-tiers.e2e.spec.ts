import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, type HttpResult, TestApp } from '../helpers/app';
import type { OpenApiDoc } from '../helpers/openapi-doc';
import { startIsolatedTestApp } from '../helpers/isolated-app';
import { uscc } from '../helpers/identifiers';
import { INDUSTRIES } from '../../src/rules/shared';

type SubjectPage = Dto<'SubjectPageResponse'>;

/** GET /api/v1/subjects with the stored-tier filters (industry 行业, tier 信用等级), issue 13. */
describe('subject search by industry and credit tier (按行业、信用等级检索主体)', () => {
  let t: TestApp;
  const run = randomUUID().slice(0, 8);
  const source = `tier-search-${run}`;
  const get = <T = SubjectPage>(query: string) => http<T>(t.url, 'GET', `/api/v1/subjects?${query}`);
  const ids = (body: { items: Array<{ id: string }> }) => body.items.map((s) => s.id).sort();
  const s: Record<'clean1' | 'clean2' | 'penalised' | 'untiered', string> = {
    clean1: '',
    clean2: '',
    penalised: '',
    untiered: '',
  };
  let penalisedCode = '';

  async function register(label: string): Promise<{ id: string; code: string }> {
    const code = uscc();
    const res = await http<Dto<'SubjectResponse'>>(t.url, 'POST', '/api/v1/subjects', {
      kind: 'legal_person',
      code,
      name: `分级检索${run}${label}有限公司`,
      registeredOn: '2015-03-01',
      // 糕点、面包制造 (GB/T 4754-2017): food businesses by their code, so tiered in food_drug without a food record
      // (分行业, issue 15), and in tax as every taxpayer.
      industryCode: 'C1411',
    });
    expect(res.status).toBe(201);
    return { id: res.body.id, code };
  }
  const tierOf = async (id: string, industry: string) =>
    (await http<Dto<'SubjectTiersDto'>>(t.url, 'GET', `/api/v1/subjects/${id}/tiers`)).body.tiers.find(
      (x) => x.industry === industry,
    )?.tier;

  beforeAll(async () => {
    // A database of its own: a batch run of another file would store tiers for the subject this file keeps untiered.
    t = await startIsolatedTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    s.clean1 = (await register('a甲')).id;
    s.clean2 = (await register('b乙')).id;
    const p = await register('c丙');
    s.penalised = p.id;
    penalisedCode = p.code;
    s.untiered = (await register('d丁')).id;
    // The first read stores the tiers (trigger first-read); the untiered subject is never read. Without records
    // a subject is the food pack's default B and not evaluated (N) in tax, never A (issue 14).
    for (const id of [s.clean1, s.clean2, s.penalised]) expect(await tierOf(id, 'food_drug')).toBe('B');
    const rec = await http(t.url, 'POST', '/api/v1/records', {
      type: 'penalty',
      source,
      decisionNumber: `綦市监罚〔2026〕${randomInt(1e6)}号`,
      subjectName: `分级检索${run}c丙有限公司`,
      subjectCode: penalisedCode,
      industry: 'food_drug',
      sector: 'food',
      severity: 'serious',
      penaltyTypes: ['fine'],
      fineAmount: 2,
      decisionDate: '2026-10-01',
    });
    expect(rec.status).toBe(201);
    await t.app.get(TieringService).idle();
    expect(await tierOf(s.penalised, 'food_drug')).toBe('C');
  });
  afterAll(async () => {
    await t.close();
  });

  it('filters by industry and tier from the stored tiers, combined with the name', async () => {
    const name = `name=${encodeURIComponent(`分级检索${run}`)}`;
    const all = await get(name);
    expect(all.status).toBe(200);
    expect(ids(all.body)).toEqual([s.clean1, s.clean2, s.penalised, s.untiered].sort());

    const c = await get(`${name}&industry=food_drug&tier=C`);
    expect(c.status).toBe(200);
    expect(ids(c.body)).toEqual([s.penalised]);

    const a = await get(`${name}&industry=food_drug&tier=B`);
    expect(ids(a.body)).toEqual([s.clean1, s.clean2].sort());

    // Another industry: the food penalty does not count in tax.
    expect(ids((await get(`${name}&industry=tax&tier=N`)).body)).toEqual([s.clean1, s.clean2, s.penalised].sort());
    expect((await get(`${name}&industry=tax&tier=C`)).body.items).toEqual([]);

    // Industry alone: any stored tier of it; a subject with no stored tier is not in it.
    expect(ids((await get(`${name}&industry=food_drug`)).body)).toEqual([s.clean1, s.clean2, s.penalised].sort());
  });

  it('agrees with the database: every subject of the tier, none of another', async () => {
    const db = t.app.get(DataSource);
    const stored = await db.query<Array<{ id: string }>>(
      `SELECT subject_id AS id FROM credit_tiers WHERE industry = 'food_drug' AND tier = 'C'`,
    );
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const res: HttpResult<SubjectPage> = await get(
        `industry=food_drug&tier=C&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      walked.push(...ids(res.body));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(walked.sort()).toEqual(stored.map((r) => r.id).sort());
    expect(walked).toContain(s.penalised);
  });

  it('pages through a tier by cursor, with the name order kept', async () => {
    const name = `name=${encodeURIComponent(`分级检索${run}`)}`;
    const first = await get(`${name}&industry=food_drug&tier=B&limit=1`);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBe(s.clean1);
    const second = await get(`${name}&industry=food_drug&tier=B&limit=1&cursor=${first.body.nextCursor}`);
    expect(ids(second.body)).toEqual([s.clean2]);
    expect(second.body.nextCursor).toBeNull();
  });

  it.each([
    ['tier=A', 'tier'],
    ['industry=banking', 'industry'],
    ['industry=food_drug&tier=X', 'tier'],
    ['industry=construction&tier=M', 'tier'],
    ['industry=', 'industry'],
    ['industry=food_drug&tier=a', 'tier'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await get<ProblemDetails>(query);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors?.map((e) => e.field)).toEqual([field]);
  });

  it('accepts M in tax (the tax pack defines it) and documents both parameters in Chinese', async () => {
    expect((await get('industry=tax&tier=M')).status).toBe(200);
    const doc = (await http<OpenApiDoc>(t.url, 'GET', '/docs-json')).body;
    const params = doc.paths['/api/v1/subjects'].get.parameters as Array<{
      name: string;
      description: string;
      schema: { enum?: string[] };
    }>;
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(byName.industry.description).toContain('行业');
    expect(byName.industry.schema.enum).toEqual([...INDUSTRIES]);
    expect(byName.tier.description).toContain('信用等级');
    expect(byName.tier.schema.enum).toEqual(['AAA', 'AA', 'A', 'B', 'M', 'N', 'C', 'D', 'E', 'BL']);
    expect(doc.paths['/api/v1/subjects'].get.tags).toEqual(['subjects (信用主体)']);
  });
});
