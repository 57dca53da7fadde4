import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AuditUnavailable } from '../../src/modules/audit/audit.exception';
import { AuditService } from '../../src/modules/audit/audit.service';
import { AuditOutboxSweeper } from '../../src/modules/audit/audit-outbox.sweeper';
import { stageAuditChange } from '../../src/modules/audit/audit.store';
import type { Dto } from '../helpers/api-types';
import { http, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

/**
 * The gap a crash opens between a change's COMMIT and its audit entry, reproduced without a crash: the
 * entry's append fails once after the records committed (what a SIGKILL at that moment amounts to).
 */
type Ingested = Dto<'IngestOneResultDto'>;
/** An audit entry as these tests read it: an interrupted one names the changes it chains. */
interface OutboxEntry {
  id: string;
  kind: string;
  caller: string | null;
  request: Record<string, unknown>;
  response: { interrupted?: boolean; changes?: Array<{ rows: { recordId: string }[]; department: string }> };
}
interface Entries {
  items: OutboxEntry[];
}

describe('audit outbox (审计待记): a committed change reaches the trail even when its entry never came', () => {
  let t: TestApp;
  let db: DataSource;
  let audit: AuditService;
  let sweeper: AuditOutboxSweeper;
  const source = `outbox-${randomUUID().slice(0, 8)}`;
  const row = (decisionNumber: string, subjectCode: string) => ({
    type: 'penalty',
    source,
    decisionNumber,
    subjectName: '待记测试公司',
    subjectCode,
    severity: 'general',
    penaltyTypes: ['other'],
    decisionDate: '2026-03-01',
  });
  const outboxOf = async (entryId: string) =>
    Number(
      (await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_outbox WHERE entry_id = $1`, [entryId]))[0].n,
    );
  // Rows staged a moment ago, with a grace that leaves other suites' requests in flight alone (they share the database).
  const sweepNow = async () => {
    await new Promise((r) => setTimeout(r, 300));
    return sweeper.sweep(250);
  };
  const failNextAppend = () =>
    jest.spyOn(audit, 'append').mockImplementationOnce(() => Promise.reject(new AuditUnavailable()));

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    audit = t.app.get(AuditService);
    sweeper = t.app.get(AuditOutboxSweeper);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  it("an answered import leaves no outbox row: its entry settled it in the chain's transaction", async () => {
    const res = await http<Dto<'ImportReportDto'>>(t.url, 'POST', '/api/v1/records/import', {
      records: [row('OK-1', uscc())],
    });
    expect(res.status).toBe(200);
    const entries = await http<Entries>(
      t.url,
      'GET',
      `/api/v1/audit/entries?subjectId=${res.body.rows[0].subjectId}&kind=record.import`,
    );
    expect(entries.body.items).toHaveLength(1);
    expect(await outboxOf(entries.body.items[0].id)).toBe(0);
  });

  it('an import whose entry fails after its records committed: 503, records kept; the sweep chains an interrupted entry naming them; the chain verifies', async () => {
    const code = uscc();
    failNextAppend();
    const res = await http(t.url, 'POST', '/api/v1/records/import', {
      records: [row('LOST-1', code), row('LOST-2', code)],
    });
    expect(res.status).toBe(503);
    const stored = await db.query<{ id: string; subject_id: string }[]>(
      `SELECT id, subject_id FROM credit_records WHERE source = $1 AND decision_number LIKE 'LOST-%'`,
      [source],
    );
    expect(stored).toHaveLength(2);
    const subjectId = stored[0].subject_id;
    expect((await http<Entries>(t.url, 'GET', `/api/v1/audit/entries?subjectId=${subjectId}`)).body.items).toHaveLength(
      0,
    );
    const staged = await db.query<{ entry_id: string }[]>(
      `SELECT entry_id FROM audit_outbox WHERE $1 = ANY(subject_ids)`,
      [subjectId],
    );
    expect(staged).toHaveLength(1);

    expect(await sweeper.sweep(60_000)).toBe(0); // younger than the grace period: an answer may still come
    const waiting = (await http<Dto<'OutboxStatusDto'>>(t.url, 'GET', '/api/v1/audit/outbox')).body;
    expect(waiting).toMatchObject({ graceSeconds: 60, oldestAt: expect.any(String) });
    expect(waiting.pendingEntries).toBeGreaterThanOrEqual(1);
    expect(await sweepNow()).toBeGreaterThanOrEqual(1);
    const swept = (await http<Dto<'OutboxStatusDto'>>(t.url, 'GET', '/api/v1/audit/outbox')).body;
    expect(swept).toMatchObject({ lastSweep: { chained: expect.any(Number) } }); // pendingEntries: other suites' requests may be in flight
    expect(swept.lastSweep?.chained).toBeGreaterThanOrEqual(1);
    expect(swept.chainedSinceStart).toBeGreaterThanOrEqual(1);
    const entries = (await http<Entries>(t.url, 'GET', `/api/v1/audit/entries?subjectId=${subjectId}`)).body.items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      id: staged[0].entry_id,
      kind: 'record.import',
      request: { method: 'POST', path: '/api/v1/records/import', interrupted: true },
      response: { interrupted: true },
    });
    const ids = entries[0].response.changes!.flatMap((c) => c.rows.map((r) => r.recordId)).sort();
    expect(ids).toEqual(stored.map((s) => s.id).sort());
    expect(await outboxOf(staged[0].entry_id)).toBe(0);
    expect((await http<{ valid: boolean }>(t.url, 'GET', '/api/v1/audit/verify')).body.valid).toBe(true);
  });

  it('the same for a revocation; a late original append of a swept entry is answered as a duplicate, not a second entry', async () => {
    const created = await http<Ingested>(t.url, 'POST', '/api/v1/records', row('REV-1', uscc()));
    expect(created.status).toBe(201);
    failNextAppend();
    const revoked = await http(t.url, 'POST', `/api/v1/records/${created.body.record.id}/revoke`, {
      reason: '行政复议撤销',
    });
    expect(revoked.status).toBe(503);
    expect(
      (await http<{ status: string }>(t.url, 'GET', `/api/v1/records/${created.body.record.id}`)).body.status,
    ).toBe('revoked');
    const [staged] = await db.query<{ entry_id: string; caller: string }[]>(
      `SELECT entry_id, caller FROM audit_outbox WHERE $1 = ANY(subject_ids)`,
      [created.body.record.subjectId],
    );
    expect(await sweepNow()).toBeGreaterThanOrEqual(1);
    const late = await audit.append({
      id: staged.entry_id,
      kind: 'record.revoke',
      caller: staged.caller,
      response: { late: true },
    });
    expect(late.duplicate).toBe(true);
    const entries = (
      await http<Entries>(
        t.url,
        'GET',
        `/api/v1/audit/entries?subjectId=${created.body.record.subjectId}&kind=record.revoke`,
      )
    ).body.items;
    expect(entries).toHaveLength(1);
    expect(entries[0].response).toMatchObject({
      interrupted: true,
      changes: [{ recordId: created.body.record.id, revokedAt: expect.any(String) }],
    });
  });

  it('a repair approval whose entry fails after the record was repaired: the sweep chains an interrupted repair.approve', async () => {
    const listed = await http<Ingested>(t.url, 'POST', '/api/v1/records', {
      type: 'list_entry',
      source,
      decisionNumber: `LIST-${randomUUID()}`,
      subjectName: '待记修复测试公司',
      subjectCode: uscc(),
      listType: 'serious_dishonesty',
      severity: 'serious',
      decisionDate: '2026-03-01',
    });
    expect(listed.status).toBe(201);
    const applied = await http<{ id: string }>(t.url, 'POST', '/api/v1/repair-applications', {
      recordId: listed.body.record.id,
      applicant: { kind: 'subject', name: '待记修复测试公司' },
      commitment: '本单位承诺已纠正失信行为。',
      reason: '已履行。',
    });
    expect(applied.status).toBe(201);
    failNextAppend();
    const approved = await http(t.url, 'POST', `/api/v1/repair-applications/${applied.body.id}/approve`, {
      department: source,
    });
    expect(approved.status).toBe(503);
    expect((await http<{ status: string }>(t.url, 'GET', `/api/v1/records/${listed.body.record.id}`)).body.status).toBe(
      'repaired',
    );
    expect(await sweepNow()).toBeGreaterThanOrEqual(1);
    const entries = (
      await http<Entries>(
        t.url,
        'GET',
        `/api/v1/audit/entries?subjectId=${listed.body.record.subjectId}&kind=repair.approve`,
      )
    ).body.items;
    expect(entries).toHaveLength(1);
    expect(entries[0].response).toMatchObject({
      interrupted: true,
      changes: [{ applicationId: applied.body.id, status: 'approved', recordId: listed.body.record.id }],
    });
    expect((await http<{ valid: boolean }>(t.url, 'GET', '/api/v1/audit/verify')).body.valid).toBe(true);
  });

  it('a declared ledger whose entry fails is chained as an interrupted quality.ledger with the count declared', async () => {
    const department = `待记部门-${randomUUID().slice(0, 8)}`;
    failNextAppend();
    const res = await http(t.url, 'PUT', `/api/v1/quality/ledgers/${encodeURIComponent(department)}/2026-10`, {
      declared: 42,
    });
    expect(res.status).toBe(503);
    expect(
      (
        await db.query<{ declared: number }[]>(`SELECT declared FROM quality_ledgers WHERE department = $1`, [
          department,
        ])
      )[0].declared,
    ).toBe(42);
    expect(await sweepNow()).toBeGreaterThanOrEqual(1);
    const entries = (await http<Entries>(t.url, 'GET', '/api/v1/audit/entries?kind=quality.ledger&limit=500')).body
      .items;
    const mine = entries.filter(
      (e: { response: { changes?: { department: string }[] } }) => e.response.changes?.[0]?.department === department,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0].response).toMatchObject({
      interrupted: true,
      changes: [{ department, period: '2026-10', declared: 42 }],
    });
  });

  it('a change staged under an entry already in the chain (its request went on after a sweep) is chained as a follow-up, not lost or swept forever', async () => {
    const created = await http<Ingested>(t.url, 'POST', '/api/v1/records', row(`LATE-${randomUUID()}`, uscc()));
    expect(created.status).toBe(201);
    const subjectId = created.body.record.subjectId;
    const [first] = (
      await http<Entries>(t.url, 'GET', `/api/v1/audit/entries?subjectId=${subjectId}&kind=record.ingest`)
    ).body.items;
    await stageAuditChange(
      db.manager,
      { entryId: first.id, kind: 'record.ingest', caller: first.caller, operator: null, request: first.request },
      { subjectIds: [subjectId], change: { rows: [{ recordId: created.body.record.id, status: 'updated' }] } },
    );
    expect(await sweepNow()).toBeGreaterThanOrEqual(1);
    const entries = (
      await http<Entries>(t.url, 'GET', `/api/v1/audit/entries?subjectId=${subjectId}&kind=record.ingest`)
    ).body.items;
    expect(entries).toHaveLength(2);
    expect(entries[1].response).toMatchObject({
      interrupted: true,
      followUpOf: first.id,
      changes: [{ rows: [{ recordId: created.body.record.id, status: 'updated' }] }],
    });
    expect(
      Number(
        (
          await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_outbox WHERE $1 = ANY(subject_ids)`, [
            subjectId,
          ])
        )[0].n,
      ),
    ).toBe(0);
    expect((await http<{ valid: boolean }>(t.url, 'GET', '/api/v1/audit/verify')).body.valid).toBe(true);
  });

  it('a repair application whose entry fails: the interrupted repair.apply names the application and the repair commitment record it filed', async () => {
    const listed = await http<Ingested>(t.url, 'POST', '/api/v1/records', {
      type: 'list_entry',
      source,
      decisionNumber: `LIST-${randomUUID()}`,
      subjectName: '待记申请测试公司',
      subjectCode: uscc(),
      listType: 'serious_dishonesty',
      severity: 'serious',
      decisionDate: '2026-03-01',
    });
    failNextAppend();
    const applied = await http<unknown>(t.url, 'POST', '/api/v1/repair-applications', {
      recordId: listed.body.record.id,
      applicant: { kind: 'subject', name: '待记申请测试公司' },
      commitment: '本单位承诺已纠正失信行为。',
      reason: '已履行。',
    });
    expect(applied.status).toBe(503);
    const [app] = await db.query<{ id: string; commitment_record_id: string | null }[]>(
      `SELECT id, commitment_record_id FROM repair_applications WHERE record_id = $1`,
      [listed.body.record.id],
    );
    expect(app.commitment_record_id).toBeTruthy();
    expect(await sweepNow()).toBeGreaterThanOrEqual(1);
    const [entry] = (
      await http<Entries>(
        t.url,
        'GET',
        `/api/v1/audit/entries?subjectId=${listed.body.record.subjectId}&kind=repair.apply`,
      )
    ).body.items;
    const text = JSON.stringify(entry.response.changes);
    expect(entry.response.interrupted).toBe(true);
    expect(text).toContain(app.id);
    expect(text).toContain(app.commitment_record_id);
  });
});
