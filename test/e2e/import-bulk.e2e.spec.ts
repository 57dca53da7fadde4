import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { ValidationFailed } from '../../src/common/problem';
import { prng } from '../../src/modules/demo/demo-data';
import { SubjectsService } from '../../src/modules/subjects/subjects.service';
import { SubjectsStore } from '../../src/modules/subjects/subjects.store';
import type { ResolveSubjectInput } from '../../src/modules/subjects/subjects.types';
import { http, startTestApp, type TestApp } from '../helpers/app';
import { idNumber, uscc } from '../helpers/identifiers';

interface Report {
  totals: { rows: number; stored: number; unchanged: number; updated: number; refused: number };
  rows: Array<{ row: number; status: string; subjectId?: string; errors?: Array<{ field: string; reason: string }> }>;
}
type Answer = string | readonly { field: string; reason: string }[];

/**
 * Imports resolve their subjects in bulk (SubjectsService.resolveOrRegisterMany: one insert, one look-up and one
 * industry-code fill per statement pass) instead of resolveOrRegister row by row. The bulk answers are proved the
 * same as the row-by-row ones on random inputs, from the same database state (each side in a transaction rolled
 * back), and an import of many rows is proved to make no subject query per row.
 */
describe('imports: subjects resolved in bulk', () => {
  let t: TestApp;
  let db: DataSource;
  const svc = () => t.app.get(SubjectsService);
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    t = await startTestApp();
    // The rows are dated 2026: the day is pinned after them, whatever the machine's clock says.
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
    db = t.app.get(DataSource);
  });
  afterAll(async () => t?.close());

  /** `fn` in a transaction that is rolled back: the answers and the subjects it leaves, by identity. */
  async function inRollback(
    codes: string[],
    fn: (m: EntityManager) => Promise<Answer[]>,
  ): Promise<{ answers: Answer[]; state: unknown[] }> {
    const qr = db.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      const answers = await fn(qr.manager);
      const state = await qr.manager.query<unknown[]>(
        `SELECT id, kind, code, id_hash, id_masked, name, region, to_char(registered_on, 'YYYY-MM-DD') AS registered_on, industry_code
         FROM subjects WHERE id = ANY($1::uuid[]) OR code = ANY($2::varchar[]) ORDER BY code NULLS LAST, id_hash`,
        [answers.filter((a): a is string => typeof a === 'string'), codes],
      );
      return { answers, state };
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
  }

  it('answers as resolveOrRegister on each input in turn would, and leaves the same subjects (random inputs)', async () => {
    const known = [uscc(), uscc(), uscc()];
    const preIndustry = [null, 'E4710', null];
    const knownIds = new Set<string>();
    for (const [i, code] of known.entries())
      knownIds.add(
        (await svc().resolveOrRegister({ code, name: `已登记${tag}-${i}`, industryCode: preIndustry[i] })).id,
      );
    const fresh = [uscc(), uscc(), uscc('92500110'), uscc('93500110')];
    const people = [idNumber(), idNumber()];
    const rnd = prng(16);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const variant = (): ResolveSubjectInput => {
      const x = rnd();
      const industryCode = pick([null, null, 'E4710', 'H6110']);
      if (x < 0.3) return { code: pick(known), name: `导入名称${Math.floor(rnd() * 9)}`, industryCode };
      if (x < 0.6)
        return { code: pick(fresh).toLowerCase(), name: `新主体${Math.floor(rnd() * 9)}`, industryCode, region: null };
      if (x < 0.75) return { idNumber: pick(people), name: `张三${Math.floor(rnd() * 9)}`, industryCode };
      if (x < 0.8) return { code: pick(fresh), name: '地区不对', region: '12' };
      if (x < 0.85) return { code: pick(fresh), name: '  ' };
      if (x < 0.9) return { code: pick(known), idNumber: pick(people), name: '两个标识' };
      if (x < 0.95) return { code: pick(fresh), name: '行业代码不对', industryCode: 'Z999' };
      return { code: pick(fresh), name: '成立日期', registeredOn: '2001-02-03', kind: 'legal_person' };
    };
    for (let round = 0; round < 5; round++) {
      const inputs = Array.from({ length: 40 }, variant);
      const codes = [...known, ...fresh];
      const one = await inRollback(codes, async (m) => {
        const out: Answer[] = [];
        for (const input of inputs) {
          try {
            out.push((await svc().resolveOrRegister(input, m)).id);
          } catch (err) {
            if (!(err instanceof ValidationFailed)) throw err;
            out.push(err.errors ?? []);
          }
        }
        return out;
      });
      const many = await inRollback(codes, (m) => svc().resolveOrRegisterMany(inputs, m));
      // A subject registered in the transaction gets a new id each time: it is compared as "the subject of
      // answer k" (the first answer naming it); the subjects registered before keep theirs.
      const shape = (r: { answers: Answer[]; state: unknown[] }) => {
        const firstAt = new Map<string, number>();
        const name = (id: string, i = -1): string | number => {
          if (knownIds.has(id)) return id;
          if (!firstAt.has(id)) firstAt.set(id, i);
          return firstAt.get(id)!;
        };
        const ids = r.answers.map((a, i) => (typeof a === 'string' ? name(a, i) : a));
        const state = r.state.map((s) => {
          const { id, ...rest } = s as { id: string };
          return { ...rest, id: name(id) };
        });
        return { ids, state };
      };
      expect(shape(many)).toEqual(shape(one));
      expect(many.answers.some((a) => typeof a !== 'string')).toBe(true);
    }
  });

  it('an import of 1,200 rows in three chunks makes no subject query per row', async () => {
    const store = t.app.get(SubjectsStore);
    const single = jest.spyOn(store, 'insertIfAbsent');
    const bulk = jest.spyOn(store, 'insertManyIfAbsent');
    const lookups = jest.spyOn(store, 'identitiesOf');
    const codes = Array.from({ length: 400 }, () => uscc());
    const records = Array.from({ length: 1200 }, (_, i) => ({
      type: 'inspection',
      industry: 'fire_safety',
      inspectionResult: i % 2 ? 'passed' : 'failed',
      decisionDate: '2026-10-12',
      source: `批量导入-${tag}`,
      decisionNumber: `綦消检〔2026〕${tag}-${i}号`,
      subjectName: `批量导入主体${i % 400}`,
      subjectCode: codes[i % 400],
    }));
    try {
      const res = await http<Report>(t.url, 'POST', '/api/v1/records/import', { records });
      expect(res.status).toBe(200);
      expect(res.body.totals).toMatchObject({ rows: 1200, stored: 1200, refused: 0 });
      // Each code's three rows name one subject, registered once.
      const byCode = new Map<string, Set<string>>();
      res.body.rows.forEach((r, i) =>
        byCode.set(codes[i % 400], (byCode.get(codes[i % 400]) ?? new Set()).add(r.subjectId!)),
      );
      expect([...byCode.values()].every((ids) => ids.size === 1)).toBe(true);
      expect(new Set([...byCode.values()].map((ids) => [...ids][0])).size).toBe(400);
      expect(single).not.toHaveBeenCalled();
      expect(bulk.mock.calls.length).toBeLessThanOrEqual(3);
      expect(lookups.mock.calls.length).toBeLessThanOrEqual(3);
    } finally {
      single.mockRestore();
      bulk.mockRestore();
      lookups.mockRestore();
    }
  });
});
