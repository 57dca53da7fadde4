/**
 * Rows for the import benchmark: 双公示 penalty and licence exports as a department has them (Chinese column
 * titles, penalty types by their Chinese names, dates written 2025/3/10), in CSV files of at most 5,000 rows (the
 * API's limit per request). The subjects are a mix: organisations already registered (seeded beforehand), new
 * organisations (several rows each, some across files) and natural persons (ID numbers). About 1 row in 50 is bad
 * in one of five ways; 1 row in 20 was imported once before (4 in 5 of them identical: "unchanged"; the others with
 * a corrected fine or facts: "updated"). Deterministic for a given N and date.
 */
import { residentIdCheckChar } from '../src/common/identifiers/resident-id';
import { USCC_ALPHABET, usccCheckChar } from '../src/common/identifiers/uscc';
import { addMonths } from '../src/rules/shared';
import { RECORD_INDUSTRIES } from '../src/rules/facts';
import { prng } from '../src/modules/demo/demo-data';

export const ROWS_PER_FILE = 5000;

const PENALTY_HEADER = [
  '行政相对人名称',
  '统一社会信用代码',
  '证件号码',
  '法定代表人',
  '行政处罚决定书文号',
  '违法行为类型',
  '违法事实',
  '处罚依据',
  '处罚类别',
  '处罚内容',
  '罚款金额（万元）',
  '处罚决定日期',
  '处罚机关',
  '数据来源单位',
  'severity',
  'industry',
  '备注',
];
const LICENCE_HEADER = [
  '行政相对人名称',
  '统一社会信用代码',
  '证件号码',
  '法定代表人',
  '行政许可决定文书号',
  '项目名称',
  '许可证书编号',
  '许可类别',
  '许可内容',
  '许可依据',
  '许可决定日期',
  '有效期自',
  '有效期至',
  '许可机关',
  '数据来源单位',
  'industry',
];

export type Expected = 'stored' | 'unchanged' | 'updated' | 'refused';
export interface BenchFile {
  readonly kind: 'penalty' | 'licence';
  readonly header: readonly string[];
  readonly rows: string[][];
  readonly expected: Expected[];
}
export interface BenchData {
  /** The files of the measured import, in order. */
  readonly files: BenchFile[];
  /** What was imported once before the measured run (the earlier versions of the repeated rows). */
  readonly earlier: BenchFile[];
  /** Organisation codes registered before the run (seeded straight into subjects). */
  readonly existingCodes: string[];
}

export function usccOf(prefix: string, i: number): string {
  let body = prefix;
  let n = i;
  for (let k = 0; k < 9; k++) {
    body += USCC_ALPHABET[n % 31];
    n = Math.floor(n / 31);
  }
  return body + usccCheckChar(body);
}

function idNumberOf(i: number): string {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const year = 1950 + (Math.floor(i / 336) % 50);
  const body = `500222${year}${month}${day}${String(i % 1000).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

const DEPARTMENTS = ['綦江区市场监督管理局', '綦江区住房和城乡建设委员会', '綦江区应急管理局', '綦江区消防救援支队'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const slash = (iso: string) => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1/$2/$3');

export function csvOf(file: { header: readonly string[]; rows: readonly string[][] }): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [file.header, ...file.rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

export function generate(n: number, existing: number, today: string): BenchData {
  const rnd = prng(20261206);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const existingCodes = Array.from({ length: existing }, (_, i) => usccOf('91500112', i));
  const newOrgs = Math.max(1, Math.floor(n * 0.3));
  const persons = Math.max(1, Math.floor(n * 0.05));
  const files: BenchFile[] = [];
  const earlier: BenchFile[] = [];
  for (let start = 0, f = 0; start < n; start += ROWS_PER_FILE, f++) {
    const kind = f % 4 === 3 ? 'licence' : 'penalty';
    const header = kind === 'penalty' ? PENALTY_HEADER : LICENCE_HEADER;
    const file: BenchFile = { kind, header, rows: [], expected: [] };
    const before: BenchFile = { kind, header, rows: [], expected: [] };
    for (let i = start; i < Math.min(n, start + ROWS_PER_FILE); i++) {
      const who = rnd();
      const person = who >= 0.93;
      const code = person
        ? ''
        : who < 0.55
          ? pick(existingCodes.length ? existingCodes : [usccOf('91500113', 0)])
          : usccOf('91500113', Math.floor(rnd() * newOrgs));
      const who2 = Math.floor(rnd() * persons);
      const idNumber = person ? idNumberOf(who2) : '';
      const name = person
        ? `${SURNAMES[who2 % SURNAMES.length]}某${who2 % 97}`
        : `重庆市綦江区${code.slice(10, 14)}${kind === 'penalty' ? '建材有限公司' : '餐饮管理有限公司'}`;
      const rep = person ? '' : `${pick([...SURNAMES])}${pick(['伟', '芳', '强', '敏', '军'])}`;
      const decided = addMonths(today, -1 - Math.floor(rnd() * 30));
      const dept = pick(DEPARTMENTS);
      let row: string[];
      if (kind === 'penalty') {
        const p = rnd();
        const [types, fine, severity] =
          p < 0.3
            ? ['警告', '', '']
            : p < 0.8
              ? ['罚款', (0.1 + Math.floor(rnd() * 500) / 100).toFixed(2), pick(['minor', 'general'])]
              : p < 0.97
                ? ['罚款、没收违法所得', (1 + Math.floor(rnd() * 1000) / 100).toFixed(2), 'general']
                : ['吊销许可证件', '', ''];
        row = [
          name,
          code,
          idNumber,
          rep,
          `綦${dept.slice(3, 5)}罚〔${decided.slice(0, 4)}〕${i + 1}号`,
          pick(['未按规定公示信息', '无证经营', '违反安全生产规定', '产品质量不合格']),
          `经查，当事人于${decided.slice(0, 7)}存在违法行为，事实清楚。`,
          '《中华人民共和国行政处罚法》第二十八条',
          types,
          `${types}${fine ? `${fine}万元` : ''}`,
          fine,
          slash(decided),
          dept,
          dept,
          severity,
          pick(RECORD_INDUSTRIES.filter((x) => x !== 'tax')),
          '',
        ];
      } else {
        row = [
          name,
          code,
          idNumber,
          rep,
          `綦${dept.slice(3, 5)}许〔${decided.slice(0, 4)}〕${i + 1}号`,
          '食品经营许可',
          `JY15001${String(i).padStart(8, '0')}`,
          '普通',
          '预包装食品销售',
          '《中华人民共和国食品安全法》第三十五条',
          slash(decided),
          slash(decided),
          slash(addMonths(decided, 60)),
          dept,
          dept,
          pick(['general', 'food_drug']),
        ];
      }
      let expected: Expected = 'stored';
      const bad = rnd();
      if (bad < 0.02) {
        expected = 'refused';
        const col = (t: string) => header.indexOf(t);
        const way = Math.floor(bad * 250); // 0..4
        if (way === 0 && code)
          row[1] = code.slice(0, 17) + (code[17] === '0' ? '1' : '0'); // wrong check character
        else if (way === 1) row[kind === 'penalty' ? col('处罚决定日期') : col('许可决定日期')] = '2024/2/30';
        else if (way === 2 && kind === 'penalty') row[col('处罚类别')] = '罚酒三杯';
        else if (way === 3) row[0] = '';
        else row[kind === 'penalty' ? col('处罚决定日期') : col('许可决定日期')] = slash(addMonths(today, 2));
      } else if (i % 20 === 7) {
        // Imported once before: identical (unchanged) or since corrected (updated).
        const old = [...row];
        if (i % 100 === 7) {
          old[kind === 'penalty' ? header.indexOf('违法事实') : header.indexOf('许可内容')] += '（更正前）';
          expected = 'updated';
        } else expected = 'unchanged';
        before.rows.push(old);
        before.expected.push('stored');
      }
      file.rows.push(row);
      file.expected.push(expected);
    }
    files.push(file);
    if (before.rows.length) earlier.push(before);
  }
  return { files, earlier, existingCodes };
}
