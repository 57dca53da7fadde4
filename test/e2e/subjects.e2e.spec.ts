import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { residentIdCheckChar } from '../../src/common/identifiers/resident-id';
import { USCC_ALPHABET, usccCheckChar } from '../../src/common/identifiers/uscc';
import { SubjectsService } from '../../src/modules/subjects/subjects.service';
import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, startTestApp, TestApp, type HttpResult } from '../helpers/app';
import type { OpenApiDoc } from '../helpers/openapi-doc';

/** Unique per call: other test files share the database. */
function uscc(prefix = '91', region = '350200'): string {
  let body = prefix + region;
  for (let i = 0; i < 9; i++) body += USCC_ALPHABET[randomInt(USCC_ALPHABET.length)];
  return body + usccCheckChar(body);
}
function idNumber(): string {
  const birth = `19${randomInt(50, 99)}0${randomInt(1, 9)}${randomInt(10, 28)}`;
  const body = `110105${birth}${String(randomInt(1000)).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}
function wrongCheck(id: string, alphabet: string): string {
  return id.slice(0, 17) + alphabet[(alphabet.indexOf(id[17]) + 1) % alphabet.length];
}
type Subject = Dto<'SubjectResponse'>;
type SubjectPage = Dto<'SubjectPageResponse'>;
const token = () => randomUUID().slice(0, 8);

describe('subjects (信用主体) over HTTP', () => {
  let t: TestApp;
  let db: DataSource;
  const post = <T = unknown>(path: string, body: unknown, headers?: Record<string, string>) =>
    http<T>(t.url, 'POST', path, body, headers);
  const get = <T = unknown>(path: string) => http<T>(t.url, 'GET', path);
  const rows = async (where: string, params: unknown[]) =>
    Number((await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM subjects WHERE ${where}`, params))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers each kind; region comes from the code; the natural person is answered masked', async () => {
    const cases = [
      { kind: 'legal_person', code: uscc('91'), name: `Legal ${token()}`, registeredOn: '2005-06-18' },
      { kind: 'unincorporated_org', code: uscc('52'), name: `Org ${token()}` },
      { kind: 'individual_business', code: uscc('92', '350203'), name: `Shop ${token()}` },
      { kind: 'public_body', code: uscc('11', '110000'), name: `Bureau ${token()}`, region: '110105' },
    ];
    for (const body of cases) {
      const res = await post<Subject>('/api/v1/subjects', body);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ...body, idMasked: null, registeredOn: body.registeredOn ?? null });
      expect(res.body.region).toBe(body.region ?? body.code.slice(2, 8));
    }
    const id = idNumber();
    const res = await post<Subject>('/api/v1/subjects', {
      kind: 'natural_person',
      idNumber: id.toLowerCase(),
      name: `张三 ${token()}`,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'natural_person',
      code: null,
      idMasked: `${id.slice(0, 6)}********${id.slice(14)}`,
      region: null,
      industryCode: null,
    });
    expect(Object.keys(res.body).sort()).toEqual([
      'code',
      'createdAt',
      'id',
      'idMasked',
      'industryCode',
      'kind',
      'name',
      'region',
      'registeredOn',
      'updatedAt',
    ]);
    expect(JSON.stringify(res.body)).not.toContain(id.slice(6, 14));
    const stored = await db.query<{ id_hash: string }[]>(`SELECT id_hash FROM subjects WHERE id = $1`, [res.body.id]);
    expect(stored[0].id_hash).toBe(t.app.get(SubjectsService).idHash(id));
  });

  it('gets a subject by id; 404 when unknown; 400 naming `id` when not a UUID', async () => {
    const created = (
      await post<Subject>('/api/v1/subjects', { kind: 'legal_person', code: uscc(), name: `Get ${token()}` })
    ).body;
    const res = await get(`/api/v1/subjects/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created);
    const missing = await get<ProblemDetails>(`/api/v1/subjects/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('SUBJECT_NOT_FOUND');
    const bad = await get<ProblemDetails>('/api/v1/subjects/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['id']);
  });

  it('searches by code, and by name (case-insensitive substring) page by page', async () => {
    const tag = token();
    const code = uscc();
    await post('/api/v1/subjects', { kind: 'legal_person', code, name: `Byc ${tag}` });
    const byCode = await get<SubjectPage>(`/api/v1/subjects?code=${code.toLowerCase()}`);
    expect(byCode.status).toBe(200);
    expect(byCode.body.items.map((s) => s.code)).toEqual([code]);
    expect(byCode.body.nextCursor).toBeNull();

    const names = ['b', 'E', 'a', 'D', 'c'].map((l) => `${l}-厦门 Search ${tag}`);
    for (const name of names)
      expect((await post('/api/v1/subjects', { kind: 'legal_person', code: uscc(), name })).status).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `name=${encodeURIComponent(`SEARCH ${tag}`)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: HttpResult<SubjectPage> = await get(`/api/v1/subjects?${q}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((s) => s.name));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : 1)));

    const filtered = await get<SubjectPage>(`/api/v1/subjects?name=${tag}&kind=legal_person&region=350200&limit=100`);
    expect(filtered.body.items).toHaveLength(6);
    expect((await get<SubjectPage>(`/api/v1/subjects?name=${tag}&kind=public_body`)).body.items).toHaveLength(0);
    expect((await get<SubjectPage>(`/api/v1/subjects?name=${encodeURIComponent(`%${tag}`)}`)).body.items).toHaveLength(
      0,
    );
  });

  it('looks a natural person up by ID number in a body; the full number is nowhere in the answer', async () => {
    const id = idNumber();
    const created = (
      await post<Subject>('/api/v1/subjects', { kind: 'natural_person', idNumber: id, name: `李四 ${token()}` })
    ).body;
    const res = await post<Subject>('/api/v1/subjects/lookup', { idNumber: id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created);
    expect(res.body.idMasked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
    expect(JSON.stringify(res.body)).not.toContain(id);
    expect(JSON.stringify(res.body)).not.toContain(id.slice(6, 14));

    const code = uscc();
    const org = (await post<Subject>('/api/v1/subjects', { kind: 'legal_person', code, name: `Lookup ${token()}` }))
      .body;
    expect((await post<Subject>('/api/v1/subjects/lookup', { code })).body.id).toBe(org.id);

    const unknown = idNumber();
    const missing = await post<ProblemDetails>('/api/v1/subjects/lookup', { idNumber: unknown });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('SUBJECT_NOT_FOUND');
    expect(JSON.stringify(missing.body)).not.toContain(unknown);
    const both = await post<ProblemDetails>('/api/v1/subjects/lookup', { code, idNumber: id });
    expect(both.status).toBe(400);
    expect(both.body.errors?.map((e) => e.field)).toEqual(['idNumber']);
    expect(JSON.stringify(both.body)).not.toContain(id);
    expect((await post<ProblemDetails>('/api/v1/subjects/lookup', {})).body.errors?.[0].field).toBe('code');
  });

  it('answers a duplicate code or ID number with 409 SUBJECT_EXISTS naming the existing subject', async () => {
    const code = uscc();
    const first = (await post<Subject>('/api/v1/subjects', { kind: 'legal_person', code, name: `Dup ${token()}` }))
      .body;
    const again = await post<ProblemDetails>('/api/v1/subjects', { kind: 'legal_person', code, name: 'Another name' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'SUBJECT_EXISTS', subjectId: first.id, status: 409 });
    expect(again.body.errors?.[0].field).toBe('code');

    const id = idNumber();
    const person = (
      await post<Subject>('/api/v1/subjects', { kind: 'natural_person', idNumber: id, name: `王五 ${token()}` })
    ).body;
    const dup = await post<ProblemDetails>('/api/v1/subjects', { kind: 'natural_person', idNumber: id, name: '王五' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'SUBJECT_EXISTS', subjectId: person.id });
    expect(JSON.stringify(dup.body)).not.toContain(id);
    expect(await rows('code = $1', [code])).toBe(1);
  });

  describe('refuses bad input with a problem naming the field, and stores nothing', () => {
    const valid = () => ({ kind: 'legal_person', code: uscc(), name: `Bad ${token()}` });
    const bigBody = JSON.stringify({ ...valid(), name: 'x'.repeat(10 * 1024 * 1024) });
    const cases: [string, () => { body: unknown; headers?: Record<string, string> }, number, string][] = [
      [
        'a wrong USCC check character',
        () => ({ body: { ...valid(), code: wrongCheck(uscc(), USCC_ALPHABET) } }),
        400,
        'code',
      ],
      [
        'a wrong ID check character',
        () => ({ body: { kind: 'natural_person', idNumber: wrongCheck(idNumber(), '0123456789X'), name: 'A' } }),
        400,
        'idNumber',
      ],
      ['a malformed date', () => ({ body: { ...valid(), registeredOn: '2020/01/01' } }), 400, 'registeredOn'],
      ['an impossible date', () => ({ body: { ...valid(), registeredOn: '2023-02-30' } }), 400, 'registeredOn'],
      ['a future date', () => ({ body: { ...valid(), registeredOn: '2999-01-01' } }), 400, 'registeredOn'],
      ['an unknown field', () => ({ body: { ...valid(), idHash: 'x' } }), 400, 'idHash'],
      ['an unknown kind', () => ({ body: { ...valid(), kind: 'company' } }), 400, 'kind'],
      [
        'a code for a natural person',
        () => ({ body: { ...valid(), kind: 'natural_person', idNumber: idNumber() } }),
        400,
        'code',
      ],
      ['an ID number for a legal person', () => ({ body: { ...valid(), idNumber: idNumber() } }), 400, 'idNumber'],
      ['no code for a legal person', () => ({ body: { kind: 'legal_person', name: 'No code' } }), 400, 'code'],
      ['a blank name', () => ({ body: { ...valid(), name: '   ' } }), 400, 'name'],
      ['a name over 200 characters', () => ({ body: { ...valid(), name: '名'.repeat(201) } }), 400, 'name'],
      ['a bad region', () => ({ body: { ...valid(), region: '35020' } }), 400, 'region'],
      ['a body that is not JSON', () => ({ body: '{"kind": "legal_person", ' }), 400, 'body'],
      ['a JSON array body', () => ({ body: [valid()] }), 400, 'body'],
      ['a 10 MB body', () => ({ body: bigBody }), 413, 'body'],
      [
        'an XML content type',
        () => ({ body: '<subject/>', headers: { 'content-type': 'application/xml' } }),
        415,
        'content-type',
      ],
      [
        'a text/plain content type',
        () => ({ body: JSON.stringify(valid()), headers: { 'content-type': 'text/plain' } }),
        415,
        'content-type',
      ],
    ];
    it.each(cases)('%s', async (_what, make, status, field) => {
      const { body, headers } = make();
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const code = /"code":"([0-9A-Z]{18})"/.exec(text)?.[1] ?? '-';
      const before = await t.app.get(SubjectsService).count();
      const res = await post<ProblemDetails>('/api/v1/subjects', body, headers);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors?.map((e) => e.field)).toContain(field);
      expect(await rows('code = $1', [code])).toBe(0);
      // The embedded database runs one test file at a time, so the total is stable there.
      if (process.env.TEST_EMBEDDED === '1') expect(await t.app.get(SubjectsService).count()).toBe(before);
    });
  });

  it.each([
    ['name=<an ID number>'.replace('<an ID number>', idNumber()), 'name'],
    ['code=91350100M000100Y4A', 'code'],
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['cursor=abc', 'cursor'],
    ['kind=company', 'kind'],
    ['region=3502', 'region'],
    ['unknown=1', 'unknown'],
  ])('refuses the search query %s naming %s', async (query, field) => {
    const res = await get<ProblemDetails>(`/api/v1/subjects?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toContain(field);
    expect(JSON.stringify(res.body)).not.toMatch(/\d{17}[\dX]/);
  });

  describe('SubjectsService, as other modules call it', () => {
    const svc = () => t.app.get(SubjectsService);

    it('resolveOrRegister is idempotent under concurrency and infers the kind', async () => {
      const code = uscc('92');
      const refs = await Promise.all(
        Array.from({ length: 8 }, (_, i) => svc().resolveOrRegister({ code: code.toLowerCase(), name: `Import ${i}` })),
      );
      expect(new Set(refs.map((r) => r.id)).size).toBe(1);
      expect(refs[0]).toMatchObject({
        kind: 'individual_business',
        code,
        region: code.slice(2, 8),
        idMasked: null,
        registeredOn: null,
      });
      expect(await rows('code = $1', [code])).toBe(1);
      const id = idNumber();
      const person = await svc().resolveOrRegister({ idNumber: id, name: `赵六 ${token()}`, registeredOn: null });
      expect(person).toMatchObject({
        kind: 'natural_person',
        code: null,
        idMasked: `${id.slice(0, 6)}********${id.slice(14)}`,
      });
      expect((await svc().resolveOrRegister({ idNumber: id.toLowerCase(), name: 'Other' })).id).toBe(person.id);
      expect((await svc().lookup({ idNumber: id })).id).toBe(person.id);
    });

    it.each([
      ['code', () => ({ code: wrongCheck(uscc(), USCC_ALPHABET), name: 'X' })],
      ['idNumber', () => ({ idNumber: wrongCheck(idNumber(), '0123456789X'), name: 'X' })],
      ['code', () => ({ name: 'No identifier' })],
      ['code', () => ({ code: uscc(), kind: 'natural_person' as const, name: 'X' })],
      ['name', () => ({ code: uscc(), name: ' ' })],
      ['registeredOn', () => ({ code: uscc(), name: 'X', registeredOn: '2023-02-29' })],
      ['region', () => ({ code: uscc(), name: 'X', region: '1' })],
    ])('resolveOrRegister refuses a bad %s with ValidationFailed', async (field, make) => {
      const input = make();
      await expect(svc().resolveOrRegister(input)).rejects.toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: expect.arrayContaining([expect.objectContaining({ field })]),
      });
      expect(await rows('name = $1', [input.name])).toBe(0);
    });

    it("resolveOrRegister runs inside the caller's transaction", async () => {
      const code = uscc();
      await expect(
        db.transaction(async (m) => {
          await svc().resolveOrRegister({ code, name: 'Rolled back' }, m);
          expect(
            Number(
              (await m.query<{ n: number }[]>('SELECT count(*)::int AS n FROM subjects WHERE code = $1', [code]))[0].n,
            ),
          ).toBe(1);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await rows('code = $1', [code])).toBe(0);
    });

    it('findRefs, listRefs (keyset by id) and count', async () => {
      const mine = await Promise.all(
        [1, 2, 3].map((i) => svc().resolveOrRegister({ code: uscc(), name: `Ref ${i}`, registeredOn: '1999-12-31' })),
      );
      const found = await svc().findRefs([...mine.map((r) => r.id), randomUUID(), 'junk']);
      expect([...found.keys()].sort()).toEqual(mine.map((r) => r.id).sort());
      expect(found.get(mine[0].id)).toEqual(mine[0]);
      expect(mine[0].registeredOn).toBe('1999-12-31');
      const walked: string[] = [];
      for (
        let page = await svc().listRefs(null, 7);
        page.length;
        page = await svc().listRefs(page[page.length - 1].id, 7)
      ) {
        expect(page.length).toBeLessThanOrEqual(7);
        walked.push(...page.map((r) => r.id));
      }
      expect(walked).toEqual([...walked].sort());
      expect(new Set(walked).size).toBe(walked.length);
      expect(walked).toEqual(expect.arrayContaining(mine.map((r) => r.id)));
      expect(await svc().count()).toBeGreaterThanOrEqual(walked.length);
    });
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await get<OpenApiDoc>('/docs-json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/subjects', '/api/v1/subjects/{id}', '/api/v1/subjects/lookup']),
    );
    expect(doc.paths['/api/v1/subjects'].post.tags).toEqual(['subjects (信用主体)']);
    expect(
      doc.paths['/api/v1/subjects'].post.requestBody?.content?.['application/json'].examples?.naturalPerson,
    ).toBeDefined();
  });
});
