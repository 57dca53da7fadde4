import { randomUUID } from 'node:crypto';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, startTestApp, TestApp } from '../helpers/app';
import { idNumber, uscc, wrongCheck } from '../helpers/identifiers';

type Ingested = Dto<'IngestOneResultDto'>;
const token = () => randomUUID().slice(0, 8);
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;
/** The number written in full-width characters (０-９, Ｘ), as pasted from a document typed in a Chinese IME. */
const fullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** Every other character full width. */
const mixed = (s: string) => [...s].map((c, i) => (i % 2 ? fullWidth(c) : c)).join('');
/** A first-generation number (15 digits, born 19YYMMDD) that is not in any other test's data. */
const firstGeneration = () =>
  `5002227${Math.floor(Math.random() * 10)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 10)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;

/**
 * Resident ID numbers written in full width: a data officer's input is normalised to ASCII (全角转半角)
 * before it is validated and hashed, so the same person is one subject; what is refused is never echoed.
 * First-generation 15-digit numbers are masked in problem details and audit entries, not in stored records.
 */
describe('ID numbers in full width and first-generation numbers', () => {
  let t: TestApp;
  const post = <T = unknown>(path: string, body: unknown) => http<T>(t.url, 'POST', path, body);
  const get = <T = unknown>(path: string) => http<T>(t.url, 'GET', path);
  const penalty = (over: Record<string, unknown>) => ({
    type: 'penalty',
    source: `全角测试-${token()}`,
    decisionNumber: `QJ-${token()}`,
    subjectName: '张某',
    severity: 'general',
    penaltyTypes: ['other'],
    decisionDate: '2026-03-01',
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers and looks up a natural person given in full width as the same person as in ASCII', async () => {
    const id = idNumber();
    const created = await post<Dto<'SubjectResponse'>>('/api/v1/subjects', {
      kind: 'natural_person',
      idNumber: ` ${fullWidth(id)}\u3000`,
      name: `张三 ${token()}`,
    });
    expect(created.status).toBe(201);
    expect(created.body.idMasked).toBe(masked(id));
    const again = await post<ProblemDetails>('/api/v1/subjects', {
      kind: 'natural_person',
      idNumber: id,
      name: '张三',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'SUBJECT_EXISTS', subjectId: created.body.id });
    const found = await post<{ id: string }>('/api/v1/subjects/lookup', { idNumber: mixed(id) });
    expect(found.status).toBe(200);
    expect(found.body.id).toBe(created.body.id);
  });

  it('files records given in full width, in a body or a CSV import, under the one subject', async () => {
    const id = idNumber();
    const ascii = await post<Ingested>('/api/v1/records', penalty({ subjectIdNumber: id }));
    expect(ascii.status).toBe(201);
    const wide = await post<Ingested>('/api/v1/records', penalty({ subjectIdNumber: fullWidth(id).toLowerCase() }));
    expect(wide.status).toBe(201);
    expect(wide.body.record.subjectId).toBe(ascii.body.record.subjectId);
    const csv = `type,source,decisionNumber,subjectName,subjectIdNumber,severity,penaltyTypes,decisionDate\npenalty,全角CSV-${token()},C-1,张某,${mixed(id)},general,other,2026-03-01\n`;
    const imported = await http<{ rows: unknown[] }>(t.url, 'POST', '/api/v1/records/import', csv, {
      'content-type': 'text/csv',
    });
    expect(imported.status).toBe(200);
    expect(imported.body.rows[0]).toMatchObject({ status: 'stored', subjectId: ascii.body.record.subjectId });
    expect(JSON.stringify([ascii.body, wide.body, imported.body])).not.toMatch(
      new RegExp(`${id.slice(6, 14)}|${fullWidth(id.slice(6, 14))}`),
    );
  });

  it('refuses a full-width number with a wrong check character without echoing it, in any form', async () => {
    const bad = wrongCheck(idNumber(), '0123456789X');
    const answers = [
      await post<ProblemDetails>('/api/v1/subjects', {
        kind: 'natural_person',
        idNumber: fullWidth(bad),
        name: '李四',
      }),
      await post<ProblemDetails>('/api/v1/subjects/lookup', { idNumber: fullWidth(bad) }),
      await post<ProblemDetails>('/api/v1/records', penalty({ subjectIdNumber: fullWidth(bad) })),
      await post<ProblemDetails>('/api/v1/subjects', {
        kind: 'legal_person',
        code: uscc(),
        name: `李四${fullWidth(idNumber())}`,
      }),
    ];
    expect(answers.map((a) => [a.status, a.body.errors?.[0]?.field])).toEqual([
      [400, 'idNumber'],
      [400, 'idNumber'],
      [400, 'subjectIdNumber'],
      [400, 'name'],
    ]);
    for (const a of answers)
      expect(JSON.stringify(a.body)).not.toMatch(new RegExp(`${bad.slice(6, 14)}|${fullWidth(bad.slice(6, 14))}`));
  });

  it('masks a full-width number in the free text of a record as it is stored', async () => {
    const id = idNumber();
    const res = await post<Ingested>(
      '/api/v1/records',
      penalty({
        subjectCode: uscc(),
        subjectName: `公司 ${token()}`,
        violationFacts: `当事人身份证号${fullWidth(id)}。`,
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.record.details.violationFacts).toBe(`当事人身份证号${masked(id)}。`);
  });

  it('masks a first-generation or URL-encoded full-width number in a problem detail', async () => {
    const old = firstGeneration();
    const first = await get<ProblemDetails>(`/api/v1/records/${old}`);
    expect(first.status).toBe(400);
    expect(first.body.instance).toBe(`/api/v1/records/${old.slice(0, 6)}******${old.slice(12)}`);
    const id = idNumber();
    const wide = await get<ProblemDetails>(`/api/v1/records/${encodeURIComponent(fullWidth(id))}`);
    expect(wide.status).toBe(400);
    expect(wide.body.instance).toBe(`/api/v1/records/${masked(id)}`);
  });

  it('masks a first-generation number in the audit entry of a change, not in the record it changes', async () => {
    const old = firstGeneration();
    const code = uscc();
    const made = await post<Ingested>(
      '/api/v1/records',
      penalty({ subjectCode: code, subjectName: `公司 ${token()}` }),
    );
    expect(made.status).toBe(201);
    const reason = `复议撤销（原当事人旧身份证 ${old}）`;
    const revoked = await post<Dto<'RecordViewDto'>>(`/api/v1/records/${made.body.record.id}/revoke`, { reason });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revocationReason).toBe(reason); // stored data: a 15-digit run may be a 注册号
    const entries = await get<{ items: unknown[] }>(
      `/api/v1/audit/entries?subjectId=${made.body.record.subjectId}&kind=record.revoke`,
    );
    expect(entries.body.items).toHaveLength(1);
    const text = JSON.stringify(entries.body.items[0]);
    expect(text).not.toContain(old);
    expect(text).toContain(`${old.slice(0, 6)}******${old.slice(12)}`);
  });
});
