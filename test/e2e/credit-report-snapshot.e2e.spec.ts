import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { RecordsService } from '../../src/modules/records/records.service';
import { RecordsStore } from '../../src/modules/records/records.store';
import { http, startTestApp, TestApp, type UntypedBody } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

/**
 * The credit report reads a subject's records once: the records it lists and the facts behind its tiers
 * come from the same rows. A record committed right after that read (a spy on it) is in neither.
 */
describe('credit report (信用报告) from one read of the records', () => {
  let t: TestApp;
  let store: RecordsStore;
  const run = randomUUID().slice(0, 8);
  const source = `报告一次读取-区市场监管局-${run}`;
  const post = <T = UntypedBody>(path: string, body: unknown) => http<T>(t.url, 'POST', path, body);
  const record = async (code: string, key: string, body: Record<string, unknown>) => {
    const res = await post<{ record: { id: string; subjectId: string } }>('/api/v1/records', {
      source,
      subjectName: `报告读取公司-${code}`,
      subjectCode: code,
      industry: 'food_drug',
      sector: 'food',
      decisionNumber: `${run}-${key}`,
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body.record;
  };
  const report = async (subjectId: string) => {
    const res = await http(t.url, 'GET', `/api/v1/subjects/${subjectId}/credit-report`);
    expect(res.status).toBe(200);
    return res.body as { sections: { key: string; items: Record<string, unknown>[] }[] };
  };
  const section = (r: { sections: { key: string; items: Record<string, unknown>[] }[] }, key: string) =>
    r.sections.find((s) => s.key === key)!.items;
  const serious = {
    type: 'penalty',
    severity: 'serious',
    penaltyTypes: ['fine'],
    fineAmount: 50,
    decisionDate: '2026-11-20',
  };

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(RecordsStore);
    t.app.get(Clock).pin('2026-11-28T04:00:00Z');
  });
  afterAll(async () => {
    await t.close();
  });

  it('a record committed after the read is neither listed nor in the tiers', async () => {
    const code = uscc();
    const { subjectId } = await record(code, 'L', {
      type: 'licence',
      decisionDate: '2025-01-05',
      validUntil: '2029-01-05',
    });
    const before = await report(subjectId);

    const real = store.forSubject.bind(store);
    const spy = jest.spyOn(store, 'forSubject').mockImplementationOnce(async (...args) => {
      const rows = await real(...args);
      await record(code, 'P-serious', serious); // committed between the records read and anything after it
      return rows;
    });
    const during = await report(subjectId);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(section(during, 'administrative')).toEqual(section(before, 'administrative'));
    expect(section(during, 'evaluations')).toEqual(section(before, 'evaluations'));

    const after = await report(subjectId); // the penalty changes both what is listed and the tiers
    expect(section(after, 'administrative')).toHaveLength(2);
    expect(section(after, 'evaluations')).not.toEqual(section(before, 'evaluations'));
  });

  it('derives the same facts, in the same order, as recordsInForceFor', async () => {
    const code = uscc();
    const first = await record(code, 'A', { ...serious, decisionDate: '2026-06-01' });
    for (const key of ['B', 'C', 'D']) await record(code, key, { ...serious, decisionDate: '2026-06-01' }); // same date: ordered by id
    await record(code, 'E', { type: 'inspection', inspectionResult: 'failed', decisionDate: '2026-09-01' });
    await record(code, 'F', { ...serious, decisionDate: '2026-10-01' });
    await record(code, 'ended', { type: 'licence', decisionDate: '2020-01-05', validUntil: '2025-01-05' });
    expect(
      (await post(`/api/v1/records/${first.id}/revoke`, { reason: '复议撤销', revokedAt: '2026-11-01' })).status,
    ).toBe(200);
    const records = t.app.get(RecordsService);
    for (const asOf of ['2026-07-01', '2026-11-28']) {
      const one = await records.inForceForSubject(first.subjectId, asOf);
      const facts = (await records.recordsInForceFor([first.subjectId], asOf)).get(first.subjectId);
      expect(one.facts).toEqual(facts);
      expect(one.records.map((r) => r.id).sort()).toEqual(one.facts.map((f) => f.id).sort());
    }
    expect((await records.inForceForSubject(first.subjectId, '2026-07-01')).facts).toHaveLength(4);
  });
});
