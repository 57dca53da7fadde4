import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Clock } from '../../src/common/clock';
import { RecordIntakeQueries } from '../../src/modules/records/record-intake.queries';
import type { Dto } from '../helpers/api-types';
import { http, startTestApp, TestApp, type HttpResult } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

type ImportReport = Dto<'ImportReportDto'>;
type Statistics = Dto<'QualityStatisticsDto'>;
const RANGE = 'from=2026-09-01&to=2026-11-30';

/**
 * The "双公示" statistics and failures are read from one snapshot: an import that commits between two of
 * their reads is in every figure or in none. The test commits one exactly there (a spy on the first read).
 * On PostgreSQL the import commits while the snapshot is open and must not be seen; on the embedded
 * database (one connection, held by the snapshot) it cannot run until the snapshot ends: the spy waits
 * for it at most IMPORT_WAIT_MS, and either way the answer must be the state before the import.
 */
describe('"双公示" quality figures from one snapshot', () => {
  const IMPORT_WAIT_MS = 2000;
  let t: TestApp;
  let store: RecordIntakeQueries;
  const code = uscc();
  const penalty = (dept: string, n: string, over: Record<string, unknown> = {}) => ({
    type: 'penalty',
    source: dept,
    decisionNumber: `${dept}-${n}`,
    subjectName: `快照公司-${dept}`,
    subjectCode: code,
    severity: 'general',
    penaltyTypes: ['fine'],
    fineAmount: 1,
    decisionDate: '2026-11-25',
    ...over,
  });
  const importRows = (records: unknown[]) => http<ImportReport>(t.url, 'POST', '/api/v1/records/import', { records });
  const get = async <T>(path: string, dept: string) => {
    const res = await http<T>(t.url, 'GET', `${path}?${RANGE}&department=${encodeURIComponent(dept)}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  /** Runs `read` with an import of one late and one refused row of `dept` committed right after `spied` first answers. */
  async function withImportAfter(
    spied: 'accepted' | 'refusedRows',
    dept: string,
    read: () => Promise<unknown>,
  ): Promise<{ answer: unknown; imported: HttpResult<ImportReport> }> {
    const real = store[spied].bind(store) as (...a: unknown[]) => Promise<unknown>;
    let imported: Promise<HttpResult<ImportReport>> | undefined;
    const spy = jest.spyOn(store, spied).mockImplementationOnce((async (...args: unknown[]) => {
      const out = await real(...args);
      imported = importRows([
        penalty(dept, 'late', { decisionDate: '2026-09-15' }),
        penalty(dept, 'refused', { severity: undefined }),
      ]);
      await Promise.race([imported, sleep(IMPORT_WAIT_MS)]);
      return out;
    }) as never);
    try {
      const answer = await read();
      expect(spy).toHaveBeenCalled();
      return { answer, imported: await imported! };
    } finally {
      spy.mockRestore();
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(RecordIntakeQueries);
    t.app.get(Clock).pin('2026-11-27T04:00:00Z');
  });
  afterAll(async () => {
    await t.close();
  });

  it('statistics: accepted, refused and late counts are all of before the import, none of after it', async () => {
    const dept = `快照-区市场监管局-${randomUUID().slice(0, 8)}`;
    expect((await importRows([penalty(dept, 'timely')])).body.totals).toMatchObject({ stored: 1 });
    const before = await get<Statistics>('/api/v1/quality/statistics', dept);
    expect(before.departments[0]).toMatchObject({ accepted: 1, refused: 0, timely: { late: 0 } });

    const { answer, imported } = await withImportAfter('accepted', dept, () =>
      get<Statistics>('/api/v1/quality/statistics', dept),
    );
    expect(imported.body.totals).toMatchObject({ stored: 1, refused: 1 });
    const during = answer as typeof before;
    expect(during.departments).toEqual(before.departments);
    expect(during.totals).toEqual(before.totals);
    expect(during.codes).toEqual(before.codes);

    const after = await get<Statistics>('/api/v1/quality/statistics', dept); // the import did change the figures
    expect(after.departments[0]).toMatchObject({ accepted: 2, refused: 1, timely: { late: 1 } });
  });

  it('failures: the refused rows and the late records listed are of the same moment', async () => {
    const dept = `快照-区住房城乡建委-${randomUUID().slice(0, 8)}`;
    expect((await importRows([penalty(dept, 'timely')])).body.totals).toMatchObject({ stored: 1 });
    const { answer, imported } = await withImportAfter('refusedRows', dept, () =>
      get<Dto<'FailuresPageDto'>>('/api/v1/quality/failures', dept),
    );
    expect(imported.body.totals).toMatchObject({ stored: 1, refused: 1 });
    expect(answer).toMatchObject({ total: 0, items: [] });
    expect((await get<Dto<'FailuresPageDto'>>('/api/v1/quality/failures', dept)).items.map((f) => f.kind)).toEqual([
      'refused',
      'late',
    ]);
  });
});
