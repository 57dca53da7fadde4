import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, startTestApp, TestApp } from '../helpers/app';
import { uscc } from '../helpers/identifiers';

/**
 * Issue 14 (legal fidelity) through the records API and the check API on PostgreSQL: every list ends
 * where its law ends it, a grade cannot contradict the penalty type (令第36号), each list carries only its
 * own measures (国办发〔2020〕49号). Sources: domain.md §8.
 */
type Ingested = Dto<'IngestOneResultDto'>;
/** What these tests read of a check's answer. */
interface CheckAnswer {
  parties: {
    verdict: string;
    measures: { code: string; legalBasis: { titleZh: string }; triggeredBy: unknown[] }[];
  }[];
}
/** What these tests read of a credit report: its sections' items. */
interface Report {
  sections: { key: string; items: Array<{ decisionNumber?: string; textZh?: string } & Record<string, unknown>> }[];
}

describe('legal fidelity (issue 14) over HTTP', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: Clock;
  const source = `legal-test-${randomUUID().slice(0, 8)}`;
  const post = <T = unknown>(path: string, body: unknown) => http<T>(t.url, 'POST', path, body);
  const NOW = '2026-11-28T04:00:00Z';

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    clock = t.app.get(Clock);
    clock.pin(NOW);
  });
  afterEach(() => clock.pin(NOW));
  afterAll(async () => {
    await t.close();
  });

  const entry = (listType: string, extra: Record<string, unknown> = {}) => {
    const code = uscc();
    return {
      code,
      body: {
        type: 'list_entry',
        source,
        decisionNumber: `${listType}-${randomUUID()}`,
        subjectName: `綦江法定期限测试公司${code.slice(-4)}`,
        subjectCode: code,
        listType,
        severity: 'serious',
        decisionDate: '2026-06-01',
        ...extra,
      },
    };
  };
  const stored = async (decisionNumber: string): Promise<number> =>
    Number(
      (
        await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM credit_records WHERE decision_number = $1`, [
          decisionNumber,
        ])
      )[0].n,
    );
  const refused = async (body: Record<string, unknown>, field: string, reason: RegExp) => {
    const res = await post<ProblemDetails>('/api/v1/records', body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors).toContainEqual({ field, reason: expect.stringMatching(reason) });
    expect(await stored(body.decisionNumber as string)).toBe(0);
  };
  const check = (scenario: string, code: string, role: string) =>
    post<CheckAnswer>('/api/v1/checks', {
      scenario,
      transaction: { reference: `T-${randomUUID()}`, amount: 500000 },
      parties: [{ code, role }],
    });
  const codesOf = (res: { body: { parties: { measures: { code: string }[] }[] } }) =>
    res.body.parties[0].measures.map((m) => m.code).sort();

  it('a procurement ban (政府采购法 Art. 77) needs its 1–3 year end date; it blocks until then and not after', async () => {
    await refused(entry('procurement_dishonesty').body, 'listEndDate', /政府采购法 Art\. 77/);
    await refused(entry('procurement_dishonesty', { listEndDate: '2029-06-02' }).body, 'listEndDate', /1 to 3 years/);
    await refused(entry('procurement_dishonesty', { listEndDate: '2027-05-31' }).body, 'listEndDate', /1 to 3 years/);

    const ok = entry('procurement_dishonesty', { listEndDate: '2028-06-01' });
    const res = await post<Ingested>('/api/v1/records', ok.body);
    expect(res.status).toBe(201);
    expect(res.body.record).toMatchObject({ publicityEnd: '2028-06-01', listGround: null });
    await t.app.get(TieringService).idle();

    const during = await check('government_procurement', ok.code, 'supplier');
    expect(during.body.parties[0].verdict).toBe('block');
    expect(codesOf(during)).toContain('gp-reject-listed-supplier');
    clock.pin('2028-06-01T04:00:00Z'); // readmitted when the term expires (实施条例 Art. 19 ¶2)
    expect((await check('government_procurement', ok.code, 'supplier')).body.parties[0]).toMatchObject({
      verdict: 'pass',
      measures: [],
    });
  });

  it('a 重大税收违法失信主体 entry (令第54号) is never open-ended: the end date is required', async () => {
    await refused(entry('major_tax_violation').body, 'listEndDate', /令第54号/);
  });

  it('失信被执行人 carry their ground: ground (1) has no term, blocks past 2 years, and the report promises no end', async () => {
    await refused(entry('court_defaulter').body, 'listGround', /法释〔2017〕7号/);
    await refused(
      entry('court_defaulter', { listGround: 1, listEndDate: '2028-06-01' }).body,
      'listEndDate',
      /no term/,
    );
    await refused(
      entry('court_defaulter', { listGround: 2, listEndDate: '2031-06-02' }).body,
      'listEndDate',
      /5 years/,
    );

    const g1 = entry('court_defaulter', { listGround: 1 });
    const res = await post<Ingested>('/api/v1/records', g1.body);
    expect(res.status).toBe(201);
    expect(res.body.record).toMatchObject({ listGround: 1, publicityEnd: null });
    const g2 = entry('court_defaulter', { listGround: 3 });
    expect((await post<Ingested>('/api/v1/records', g2.body)).body.record).toMatchObject({
      listGround: 3,
      publicityEnd: '2028-06-01',
    });
    await t.app.get(TieringService).idle();

    clock.pin('2029-01-10T04:00:00Z'); // past 2 years: ground (3) has ended, ground (1) has not
    expect((await check('government_procurement', g1.code, 'supplier')).body.parties[0].verdict).toBe('block');
    expect((await check('government_procurement', g2.code, 'supplier')).body.parties[0].verdict).toBe('pass');

    const report = await http<Report>(t.url, 'GET', `/api/v1/credit-reports?code=${g1.code}`);
    expect(report.status).toBe(200);
    const suggestions = report.body.sections.find((s) => s.key === 'suggestions')!;
    const item = suggestions.items.find((i) => i.decisionNumber === g1.body.decisionNumber)!;
    expect(item).toMatchObject({ route: 'perform_judgment', publicityEnds: null });
    expect(item.textZh).toContain('不设期限');
    expect(item.textZh).not.toMatch(/20\d\d-\d\d-\d\d/);
  });

  it('a grade contradicting the penalty type (令第36号) is refused; a grade 36号 fixes is derived', async () => {
    const code = uscc();
    const penalty = (extra: Record<string, unknown>) => ({
      type: 'penalty',
      source,
      decisionNumber: `P-${randomUUID()}`,
      subjectName: `綦江失信程度测试公司${code.slice(-4)}`,
      subjectCode: code,
      decisionDate: '2026-06-01',
      ...extra,
    });
    await refused(penalty({ severity: 'minor', penaltyTypes: ['licence_revocation'] }), 'severity', /serious/);
    await refused(
      penalty({ severity: 'minor', penaltyTypes: ['fine'], fineAmount: 200 }),
      'severity',
      /财库〔2022〕3号/,
    );
    await refused(penalty({ severity: 'serious', penaltyTypes: ['warning'] }), 'severity', /must be minor/);

    const derived = await post<Ingested>('/api/v1/records', penalty({ penaltyTypes: ['licence_revocation'] }));
    expect(derived.status).toBe(201);
    expect(derived.body.record).toMatchObject({ severity: 'serious', publicityEnd: '2029-06-01' });
    const departmentsChoice = await post<Ingested>(
      '/api/v1/records',
      penalty({ severity: 'serious', penaltyTypes: ['fine'], fineAmount: 5 }),
    );
    expect(departmentsChoice.status).toBe(201);
  });

  it('each list carries only its own measures (国办发〔2020〕49号); bond restrictions only for bond issues', async () => {
    const serious = entry('serious_dishonesty');
    const banned = entry('procurement_dishonesty', { listEndDate: '2029-06-01' });
    for (const e of [serious, banned]) expect((await post<Ingested>('/api/v1/records', e.body)).status).toBe(201);
    await t.app.get(TieringService).idle();

    expect(codesOf(await check('tendering', serious.code, 'bidder'))).toEqual([]);
    expect(codesOf(await check('government_funds', serious.code, 'applicant'))).toEqual(['no-notify-and-commit']);
    expect(codesOf(await check('bond_issuance', serious.code, 'applicant'))).toEqual([]);

    expect(codesOf(await check('tendering', banned.code, 'bidder'))).toEqual(['memo-restrict-government-project-bids']);
    expect(codesOf(await check('financing', banned.code, 'borrower'))).toEqual([]);
    const bonds = await check('bond_issuance', banned.code, 'applicant');
    expect(codesOf(bonds)).toEqual(['memo-restrict-bond-issuance']);
    expect(bonds.body.parties[0].measures[0].legalBasis.titleZh).toContain('政府采购领域');
  });

  it('names records stored under the old behaviour (data-quality report) and rewrites none of them', async () => {
    const ban = entry('procurement_dishonesty', { listEndDate: '2028-06-01' });
    const court = entry('court_defaulter', { listGround: 2 });
    const code = uscc();
    const revocation = {
      type: 'penalty',
      source,
      decisionNumber: `P-${randomUUID()}`,
      subjectName: `綦江旧数据测试公司${code.slice(-4)}`,
      subjectCode: code,
      severity: 'serious',
      penaltyTypes: ['licence_revocation'],
      decisionDate: '2026-06-01',
    };
    const ids: string[] = [];
    for (const body of [ban.body, court.body, revocation]) {
      const res = await post<Ingested>('/api/v1/records', body);
      expect(res.status).toBe(201);
      ids.push(res.body.record.id);
    }
    // What the earlier import stored: no end for a procurement ban, no ground for a court listing, any grade.
    await db.query(`UPDATE credit_records SET publicity_end = NULL WHERE id = $1`, [ids[0]]);
    await db.query(`UPDATE credit_records SET list_ground = NULL WHERE id = $1`, [ids[1]]);
    await db.query(`UPDATE credit_records SET severity = 'minor' WHERE id = $1`, [ids[2]]);
    const before = await db.query<unknown[]>(
      `SELECT id, publicity_end, list_ground, severity, updated_at FROM credit_records WHERE source = $1 ORDER BY id`,
      [source],
    );

    const res = await http<{ items: { recordId: string }[] }>(
      t.url,
      'GET',
      `/api/v1/quality/legal-findings?department=${encodeURIComponent(source)}`,
    );
    expect(res.status).toBe(200);
    const mine = res.body.items.filter((i) => ids.includes(i.recordId));
    expect(mine).toHaveLength(3);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ recordId: ids[0], code: 'list_term', field: 'listEndDate', department: source }),
        expect.objectContaining({ recordId: ids[1], code: 'court_ground_missing', field: 'listGround' }),
        expect.objectContaining({ recordId: ids[2], code: 'severity_contradicts_penalty', field: 'severity' }),
      ]),
    );
    expect(
      await db.query<unknown[]>(
        `SELECT id, publicity_end, list_ground, severity, updated_at FROM credit_records WHERE source = $1 ORDER BY id`,
        [source],
      ),
    ).toEqual(before);
  });

  it('repair follows the record’s own rule: court listings and procurement bans are not repaired (422), the report says why', async () => {
    const court = entry('court_defaulter', { listGround: 1 });
    const ban = entry('procurement_dishonesty', { listEndDate: '2028-06-01' });
    const ids: string[] = [];
    for (const e of [court, ban]) {
      const res = await post<Ingested>('/api/v1/records', e.body);
      expect(res.status).toBe(201);
      expect(res.body.repairNotice).toBeNull();
      ids.push(res.body.record.id);
    }
    for (const [recordId, reason] of [
      [ids[0], /法释〔2017〕7号/],
      [ids[1], /政府采购法 Art\. 77/],
    ] as const) {
      const res = await post<ProblemDetails>('/api/v1/repair-applications', {
        recordId,
        applicant: { kind: 'subject', name: '綦江法定期限测试公司' },
        commitment: '本单位承诺已履行义务，所提交材料真实有效；如违背承诺，愿意承担相应法律责任并接受失信惩戒。',
        reason: '已整改。',
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('REPAIR_NOT_APPLICABLE');
      expect(res.body.errors?.[0]).toMatchObject({ field: 'recordId', reason: expect.stringMatching(reason) });
      expect((await http(t.url, 'GET', `/api/v1/records/${recordId}/repair-notice`)).status).toBe(404);
    }
    const report = await http<Report>(t.url, 'GET', `/api/v1/credit-reports?code=${ban.code}`);
    const suggestions = report.body.sections.find((x) => x.key === 'suggestions')!;
    expect(suggestions.items[0]).toMatchObject({
      route: 'await_term_end',
      canApplyNow: false,
      publicityEnds: '2028-06-01',
    });
  });

  it('重点关注名单 is a list type of its own: stored, shown under 其他 in the report, and no measure rests on it', async () => {
    const e = entry('key_attention', { severity: 'general' });
    const res = await post<Ingested>('/api/v1/records', e.body);
    expect(res.status).toBe(201);
    expect(res.body.record).toMatchObject({ listType: 'key_attention', publicityEnd: null });
    await t.app.get(TieringService).idle();
    for (const scenario of ['government_procurement', 'tendering', 'government_funds', 'bond_issuance'])
      expect((await check(scenario, e.code, 'applicant')).body.parties[0]).toMatchObject({
        verdict: 'pass',
        measures: [],
      });
    const report = await http<Report>(t.url, 'GET', `/api/v1/credit-reports?code=${e.code}`);
    const other = report.body.sections.find((x) => x.key === 'other')!;
    expect(other.items).toEqual([expect.objectContaining({ category: 'key_attention', categoryZh: '重点关注名单' })]);
  });

  it('a legal basis must be real text: a blank source title is refused at draft save (400) and by validate; nothing is stored', async () => {
    const draft = await http<{ revision: number; content: unknown }>(t.url, 'GET', '/api/v1/packs/tax/draft');
    expect(draft.status).toBe(200);
    const content = structuredClone(draft.body.content) as { legalSources: { title: string; article?: string }[] };
    content.legalSources[0].title = ' \u3000 ';
    const saved = await http<ProblemDetails>(
      t.url,
      'PUT',
      '/api/v1/packs/tax/draft',
      { content },
      { 'if-match': String(draft.body.revision) },
    );
    expect(saved.status).toBe(400);
    expect(saved.body.errors).toContainEqual({
      field: 'content/legalSources/0/title',
      reason: expect.stringMatching(/must not be blank/),
    });
    expect((await http<{ revision: number }>(t.url, 'GET', '/api/v1/packs/tax/draft')).body.revision).toBe(
      draft.body.revision,
    );
    const validated = await post<Dto<'LintReportDto'>>('/api/v1/packs/validate', content);
    expect(validated.body.valid).toBe(false);
    expect(validated.body.findings.map((f) => f.path)).toContain('/legalSources/0/title');
  });

  it('a 200万元 fine graded general stops being published after a year but excludes the supplier for 3 (政府采购法 Art. 22(1)(5))', async () => {
    const code = uscc();
    const fine = await post<Ingested>('/api/v1/records', {
      type: 'penalty',
      source,
      decisionNumber: `P-${randomUUID()}`,
      subjectName: `綦江较大数额罚款测试公司${code.slice(-4)}`,
      subjectCode: code,
      severity: 'general',
      penaltyTypes: ['fine'],
      fineAmount: 200,
      decisionDate: '2026-06-01',
    });
    expect(fine.status).toBe(201);
    expect(fine.body.record.publicityEnd).toBe('2027-06-01'); // 令第36号: general, at most 1 year
    await t.app.get(TieringService).idle();

    clock.pin('2028-01-10T04:00:00Z'); // no longer published, still within 3 years
    const res = await check('government_procurement', code, 'supplier');
    expect(res.body.parties[0].verdict).toBe('block');
    const m = res.body.parties[0].measures.find((x) => x.code === 'gp-exclude-major-violation')!;
    expect(m.triggeredBy).toEqual([expect.objectContaining({ decisionNumber: fine.body.record.decisionNumber })]);
    expect(codesOf(await check('tendering', code, 'bidder'))).toEqual([]); // the look-back is procurement's own

    clock.pin('2029-06-01T04:00:00Z'); // 3 years on: no longer a major violation record
    expect((await check('government_procurement', code, 'supplier')).body.parties[0].verdict).toBe('pass');
  });
});
