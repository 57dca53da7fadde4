import { Workbook } from 'exceljs';
import { HEADER, HEADER_ZH, planRows } from './plan-export';
import type { PlanView } from './plan-view';

/**
 * The plan as an Excel workbook (.xlsx): one sheet 抽查名单 with Chinese column titles and the same rows as
 * the CSV (position and booleans typed, every other value a text cell: never a formula, so nothing a
 * subject's name holds is evaluated), and a sheet 计划信息 with the plan's department, industry, period and seed.
 */
export async function planXlsx(plan: PlanView): Promise<Buffer> {
  const book = new Workbook();
  book.creator = 'credit-supervision-engine';
  const sheet = book.addWorksheet('抽查名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(HEADER_ZH).font = { bold: true };
  for (const row of planRows(plan)) sheet.addRow(row.map((v) => (v === null ? '' : v)));
  sheet.columns.forEach((c, i) => (c.width = [6, 38, 28, 22, 20, 8, 10, 18, 18, 10, 12, 10, 12][i] ?? 12));
  const info = book.addWorksheet('计划信息');
  info.addRows([
    ['计划ID', plan.id],
    ['实施部门', plan.department],
    ['行业', plan.industry],
    ['检查期间', `${plan.period.from} ~ ${plan.period.to}`],
    ['随机种子', plan.seed],
    ['字段（英文）', HEADER.join(',')],
  ]);
  info.getColumn(1).width = 14;
  info.getColumn(2).width = 60;
  return Buffer.from(await book.xlsx.writeBuffer());
}
