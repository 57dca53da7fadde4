import { createHash, randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import type { AuditEntryView } from '../../src/modules/audit/audit.types';
import type { Dto } from '../helpers/api-types';
import { http, startTestApp, TestApp } from '../helpers/app';
import { idNumber, uscc } from '../helpers/identifiers';
import { INDUSTRIES } from '../../src/rules/shared';

type Ingested = Dto<'IngestOneResultDto'>;
/** An entry of a change, with the part of the request these tests read. */
type Entry = Omit<AuditEntryView, 'request'> & { request: { method: string; path: string; bodySha256: string } };
interface Entries {
  items: Entry[];
}
/** The entry of a rule set loaded: its versions, and the packs' and the measures' content hashes. */
type PackLoadEntry = Omit<AuditEntryView, 'response'> & {
  response: { packs: { id: string }[]; measures: { contentHash: string } };
};

describe('record changes are audited (记录变更留痕)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('an ingest, an import and a revocation each leave an entry naming the caller, the operator and the subject', async () => {
    const code = uscc();
    const source = `audit-rec-${randomUUID().slice(0, 8)}`;
    const row = {
      type: 'penalty',
      source,
      decisionNumber: 'P-1',
      subjectName: '留痕测试公司',
      subjectCode: code,
      severity: 'general',
      penaltyTypes: ['other'],
      decisionDate: '2026-03-01',
    };
    const one = await http<Ingested>(t.url, 'POST', '/api/v1/records', row, { 'x-operator': 'officer-7' });
    expect(one.status).toBe(201);
    const subjectId = one.body.record.subjectId;
    const imported = await http(t.url, 'POST', '/api/v1/records/import', {
      records: [{ ...row, decisionNumber: 'P-2' }],
    });
    expect(imported.status).toBe(200);
    const revoked = await http(t.url, 'POST', `/api/v1/records/${one.body.record.id}/revoke`, {
      reason: '行政复议撤销',
    });
    expect(revoked.status).toBe(200);

    const entries = await http<Entries>(t.url, 'GET', `/api/v1/audit/entries?subjectId=${subjectId}&limit=50`);
    expect(entries.status).toBe(200);
    const kinds = entries.body.items.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['record.ingest', 'record.import', 'record.revoke']));
    const ingest = entries.body.items.find((e) => e.kind === 'record.ingest')!;
    expect(ingest).toMatchObject({ operator: 'officer-7', request: { method: 'POST', path: '/api/v1/records' } });
    expect(ingest.caller).toBeTruthy();
  });

  it('an import entry names every subject it touched, past the old cap of 1,000: each is found by subject', async () => {
    const source = `audit-rec-${randomUUID().slice(0, 8)}`;
    const records = Array.from({ length: 1001 }, (_, i) => ({
      type: 'penalty',
      source,
      decisionNumber: `BULK-${i}`,
      subjectName: `留痕批量测试公司 第${i + 1}号`,
      subjectCode: uscc(),
      severity: 'minor',
      penaltyTypes: ['other'],
      decisionDate: '2026-03-01',
    }));
    const res = await http<Dto<'ImportReportDto'>>(t.url, 'POST', '/api/v1/records/import', { records });
    expect(res.status).toBe(200);
    expect(res.body.totals.stored).toBe(1001);
    const ids = new Set(res.body.rows.map((r) => r.subjectId));
    const last = res.body.rows[res.body.rows.length - 1].subjectId;
    const found = await http<Entries>(t.url, 'GET', `/api/v1/audit/entries?subjectId=${last}&kind=record.import`);
    expect(found.body.items).toHaveLength(1);
    expect(new Set(found.body.items[0].subjectIds)).toEqual(ids);
  });

  it('an entries query by date reads the date in China Standard Time: a change at 01:30 Beijing time is on that day', async () => {
    const clock = t.app.get(Clock);
    clock.pin('2026-11-27T17:30:00Z'); // 2026-11-28 01:30 in China
    try {
      const row = {
        type: 'penalty',
        source: `audit-rec-${randomUUID().slice(0, 8)}`,
        decisionNumber: 'P-TZ',
        subjectName: '时区测试公司',
        subjectCode: uscc(),
        severity: 'general',
        penaltyTypes: ['other'],
        decisionDate: '2026-11-20',
      };
      const res = await http<Ingested>(t.url, 'POST', '/api/v1/records', row);
      expect(res.status).toBe(201);
      const on = async (q: string) =>
        (
          await http<Entries>(
            t.url,
            'GET',
            `/api/v1/audit/entries?subjectId=${res.body.record.subjectId}&kind=record.ingest&${q}`,
          )
        ).body.items.length;
      expect(await on('from=2026-11-28&to=2026-11-29')).toBe(1);
      expect(await on('from=2026-11-27&to=2026-11-28')).toBe(0);
      expect(await on('from=2026-11-28T01:00:00&to=2026-11-28T02:00:00')).toBe(1);
      expect(await on('from=2026-11-27T17:00:00Z&to=2026-11-27T18:00:00Z')).toBe(1);
      // ISO 8601 forms the database does not read as an instant are a 400 naming the field, never a 500.
      for (const bad of ['2026', '2026-11', '2026-W05', '2026-333', '20261128', '2026-11-28T01', '2026-02-30']) {
        const res = await http<ProblemDetails>(t.url, 'GET', `/api/v1/audit/entries?from=${bad}`);
        expect([bad, res.status, res.body.errors?.[0]?.field]).toEqual([bad, 400, 'from']);
      }
      expect((await http(t.url, 'GET', '/api/v1/audit/export?to=2026-11')).status).toBe(400);
    } finally {
      clock.pin(null);
    }
  });

  it('the body hash of an audited change is taken with ID numbers masked: the trail gives no way to brute-force one', async () => {
    const id = idNumber();
    const row = {
      type: 'penalty',
      source: `audit-rec-${randomUUID().slice(0, 8)}`,
      decisionNumber: 'P-ID',
      subjectName: '张三',
      subjectIdNumber: id,
      severity: 'general',
      penaltyTypes: ['other'],
      decisionDate: '2026-03-01',
    };
    const res = await http<Ingested>(t.url, 'POST', '/api/v1/records', row);
    expect(res.status).toBe(201);
    const entries = await http<Entries>(
      t.url,
      'GET',
      `/api/v1/audit/entries?subjectId=${res.body.record.subjectId}&kind=record.ingest`,
    );
    const { bodySha256 } = entries.body.items[0].request;
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(bodySha256).not.toBe(sha(JSON.stringify(row)));
    expect(bodySha256).toBe(
      sha(JSON.stringify({ ...row, subjectIdNumber: `${id.slice(0, 6)}********${id.slice(14)}` })),
    );
  });

  it('the rule set an instance loads is audited with its versions and content hashes', async () => {
    const res = await http<{ items: PackLoadEntry[] }>(t.url, 'GET', '/api/v1/audit/entries?kind=pack.load&limit=500');
    expect(res.status).toBe(200);
    const last = res.body.items[res.body.items.length - 1];
    // One pack per declared industry (src/rules/shared/industries.ts), and the measures.
    expect(last.packVersions).toMatchObject({
      ...Object.fromEntries(INDUSTRIES.map((i) => [i, expect.any(String)])),
      measures: expect.any(String),
    });
    expect(last.response.packs.map((p) => p.id).sort()).toEqual([...INDUSTRIES].sort());
    expect(last.response.measures.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a refused record leaves no change entry', async () => {
    const before = await http<Entries>(t.url, 'GET', '/api/v1/audit/entries?kind=record.ingest&limit=500');
    const res = await http(t.url, 'POST', '/api/v1/records', {
      type: 'penalty',
      source: 'x',
      decisionNumber: 'y',
      subjectName: 'z',
      subjectCode: '91350100M000100Y4A',
      severity: 'general',
      penaltyTypes: ['other'],
      decisionDate: '2026-03-01',
    });
    expect(res.status).toBe(400);
    const after = await http<Entries>(t.url, 'GET', '/api/v1/audit/entries?kind=record.ingest&limit=500');
    if (process.env.TEST_EMBEDDED === '1') expect(after.body.items.length).toBe(before.body.items.length);
  });
});
