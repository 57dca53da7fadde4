import type { PlanView } from './plan-view';

export const HEADER = [
  'position',
  'subjectId',
  'subjectName',
  'subjectCode',
  'subjectIdMasked',
  'tier',
  'reason',
  'inspector1',
  'inspector2',
  'onSite',
  'keyItemsFull',
  'result',
  'resultDate',
];

/** A CSV cell: formula-injection safe (a leading = + - @, tab or CR gets a ' prefix), quoted when needed. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Chinese column titles of the Excel export, one per HEADER column, in the same order. */
export const HEADER_ZH = [
  '序号',
  '主体ID',
  '主体名称',
  '统一社会信用代码',
  '身份证号（脱敏）',
  '信用等级',
  '抽取原因',
  '检查人员1',
  '检查人员2',
  '现场检查',
  '重点项目全查',
  '检查结果',
  '结果日期',
];

/** One line per drawn subject, the values of HEADER in order (as CSV and Excel write them). */
export function planRows(plan: PlanView): Array<Array<string | number | boolean | null>> {
  return plan.items.map((i) => [
    i.position + 1,
    i.subject.id,
    i.subject.name,
    i.subject.code,
    i.subject.idMasked,
    i.tier,
    i.reason,
    i.inspectors[0] ? `${i.inspectors[0].id} ${i.inspectors[0].name ?? ''}`.trim() : '',
    i.inspectors[1] ? `${i.inspectors[1].id} ${i.inspectors[1].name ?? ''}`.trim() : '',
    i.onSite,
    i.keyItemsFull,
    i.result?.result ?? '',
    i.result?.date ?? '',
  ]);
}

/** The plan as CSV, one line per drawn subject (UTF-8 with BOM so spreadsheet programs read the Chinese). */
export function planCsv(plan: PlanView): string {
  const lines = [HEADER.join(','), ...planRows(plan).map((row) => row.map(csvCell).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export const RERUN = [
  'Re-run (复核): the published `inputs` (subjects with tier, due and lead; tier policies; inspectors with conflicts; seed)',
  'are hashed as canonical JSON (keys sorted, no whitespace) with SHA-256 to `inputsHash`; passing them to',
  'drawInspectionPlan (src/rules/draw/inspection-draw.ts) gives the same items: subject, tier, reason and inspectors.',
].join(' ');
