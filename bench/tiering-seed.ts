/**
 * Seeds N legal persons with a realistic spread of credit records straight through SQL (the benchmark
 * measures tiering, not import). Codes are valid GB 32100 codes; records follow the demo mix: most
 * subjects clean or with a tax level only, some penalised or inspected, a few listed.
 */
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { USCC_ALPHABET, usccCheckChar } from '../src/common/identifiers/uscc';
import { addMonths, INDUSTRIES } from '../src/rules/shared';
import { prng } from '../src/modules/demo/demo-data';
import { Progress } from '../src/common/progress';

function codeOf(i: number): string {
  let body = '91500110';
  let n = i;
  for (let k = 0; k < 9; k++) {
    body += USCC_ALPHABET[n % 31];
    n = Math.floor(n / 31);
  }
  return body + usccCheckChar(body);
}

function recordsFor(subjectId: string, code: string, today: string, rnd: () => number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const date = () => addMonths(today, -1 - Math.floor(rnd() * 35));
  const industry = INDUSTRIES[Math.floor(rnd() * INDUSTRIES.length)];
  const base = (k: string, type: string, decisionDate: string) => ({
    subject_id: subjectId,
    type,
    source: 'bench',
    decision_number: `${code}-${k}`,
    industry,
    decision_date: decisionDate,
    publicity_min_end: addMonths(decisionDate, 3),
    publicity_end: addMonths(decisionDate, 36),
    rule_version: 'NDRC-58',
    penalty_types: [] as string[],
    content_hash: createHash('sha256').update(`${code}-${k}`).digest('hex'),
  });
  if (rnd() < 0.8)
    out.push({
      ...base('T', 'tax_credit', addMonths(today, -7)),
      industry: 'tax',
      tax_level: 'AABBBMCD'[Math.floor(rnd() * 8)],
      tax_year: Number(today.slice(0, 4)) - 1,
    });
  const x = rnd();
  if (x < 0.25)
    out.push({
      ...base('P', 'penalty', date()),
      severity: ['minor', 'general', 'general', 'serious'][Math.floor(rnd() * 4)],
      penalty_types: ['fine'],
      fine_amount: Math.round(rnd() * 4000) / 100,
    });
  if (x > 0.2 && x < 0.45)
    out.push({ ...base('I', 'inspection', date()), inspection_result: rnd() < 0.3 ? 'failed' : 'passed' });
  if (x > 0.97)
    out.push({
      ...base('L', 'list_entry', date()),
      list_type: ['serious_dishonesty', 'court_defaulter', 'abnormal_operation'][Math.floor(rnd() * 3)],
      severity: 'serious',
    });
  else if (x > 0.93) out.push({ ...base('R', 'list_entry', date()), list_type: 'red_list' });
  return out;
}

/** The subjects and their records, with their progress on stderr (a bar on a terminal, tenths in a log). */
export async function seed(
  ds: DataSource,
  n: number,
  today: string,
  progress = new Progress({ label: 'seeding subjects', total: n }),
): Promise<{ subjects: number; records: number }> {
  const rnd = prng(20261128);
  let records = 0;
  progress.update(0);
  // 20,000 subjects and their records per pair of statements (1,000,000 subjects: 50 pairs).
  for (let start = 0; start < n; start += 20_000) {
    const codes: string[] = [];
    for (let i = start; i < Math.min(n, start + 20_000); i++) codes.push(codeOf(i));
    const rows: Array<{ id: string; code: string }> = await ds.query(
      `INSERT INTO subjects (kind, code, name, region, registered_on)
       SELECT 'legal_person', c, '基准测试企业' || c, '500110', date '2000-01-01' + (abs(hashtext(c)) % 9000)
       FROM unnest($1::text[]) AS c RETURNING id, code`,
      [codes],
    );
    const recs = rows.flatMap((r) => recordsFor(r.id, r.code, today, rnd));
    records += recs.length;
    await ds.query(
      `INSERT INTO credit_records (subject_id, type, source, decision_number, industry, severity, list_type, tax_level,
         tax_year, decision_date, publicity_min_end, publicity_end, rule_version, penalty_types, fine_amount,
         inspection_result, content_hash)
       SELECT subject_id, type, source, decision_number, industry, severity, list_type, tax_level, tax_year,
         decision_date, publicity_min_end, publicity_end, rule_version, penalty_types, fine_amount, inspection_result,
         content_hash
       FROM jsonb_to_recordset($1::jsonb) AS x(subject_id uuid, type text, source text, decision_number text,
         industry text, severity text, list_type text, tax_level text, tax_year int, decision_date date,
         publicity_min_end date, publicity_end date, rule_version text, penalty_types text[], fine_amount numeric,
         inspection_result text, content_hash text)`,
      [JSON.stringify(recs)],
    );
    progress.update(start + rows.length);
  }
  progress.finish();
  return { subjects: n, records };
}

/**
 * About one subject in ten (by a hash of its id) gets a new record: a general penalty of last month in its
 * industry of construction, so the next run has tiers to change. Returns how many records were added.
 */
export async function touchTenth(ds: DataSource, today: string): Promise<number> {
  const month = addMonths(today, -1);
  const rows: Array<{ n: number }> = await ds.query(
    `WITH added AS (
       INSERT INTO credit_records (subject_id, type, source, decision_number, industry, severity, decision_date,
         publicity_min_end, publicity_end, rule_version, penalty_types, fine_amount, content_hash)
       SELECT id, 'penalty', 'bench', code || '-X', 'construction', 'general', $1::date, $2::date, $3::date, 'NDRC-58',
         ARRAY['fine'], 1.5, encode(sha256(convert_to(code || '-X', 'UTF8')), 'hex')
       FROM subjects WHERE abs(hashtext(id::text)) % 10 = 0
       RETURNING 1
     ) SELECT count(*)::int AS n FROM added`,
    [month, addMonths(month, 3), addMonths(month, 36)],
  );
  return rows[0]?.n ?? 0;
}
