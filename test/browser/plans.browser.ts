import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { http } from '../helpers/app';
import { startJourney, type Journey } from './harness';

/**
 * The supervisor draws an inspection plan: the empty list, the form with its preview per tier, the plan
 * drawn, exported as CSV (UTF-8 with BOM, a line per subject), a result refused by the service for a date
 * outside the plan's period (shown under the date field) and then recorded; the list counts it.
 */
describe('console journey: inspection plans', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney('plans');
  });
  afterAll(() => j?.close());

  it('draws, exports and records a result', async () => {
    const { page, shot } = j;
    await j.signIn(await j.t.createKey({ scopes: ['inspections', 'tiers'] }));
    await page.locator('.ant-menu-item', { hasText: '双随机抽查' }).click();
    await page.getByTestId('plans-table').waitFor();
    await page.getByText('尚无抽查计划').waitFor();
    await shot('plans-empty');

    await page.getByTestId('new-plan').click();
    await page.getByTestId('plan-form').waitFor();
    await page.locator('[data-testid="plan-preview"] .ant-table-row').first().waitFor();
    // Nothing is sent while required fields are empty.
    await page.getByTestId('draw-plan').click();
    await page.getByText('请输入实施部门').waitFor();
    await page.getByText('请选择检查期间').waitFor();

    await page.getByTestId('plan-department').fill('綦江区市场监督管理局');
    const range = page.locator('[data-testid="plan-form"] .ant-picker-range input');
    await range.nth(0).click();
    await range.nth(0).fill('2026-11-01');
    await range.nth(0).press('Enter');
    await range.nth(1).fill('2026-12-31');
    await range.nth(1).press('Enter');
    for (let i = 0; i < 2; i++) {
      const row = page.getByTestId(`inspector-${i}`).locator('input');
      await row.nth(0).fill(`QJ-00${i + 1}`);
      await row.nth(1).fill(['张伟', '李娜'][i]);
      await row.nth(2).fill('綦江区市场监督管理局');
    }
    await page.getByRole('button', { name: /添加检查人员/ }).click();
    const third = page.getByTestId('inspector-2').locator('input');
    await third.nth(0).fill('QJ-003');
    await third.nth(1).fill('王强');
    await third.nth(2).fill('綦江区市场监督管理局');
    await page.getByLabel('随机种子').fill('綦江-2026-12-演示');
    await shot('plan-form');

    await page.getByTestId('draw-plan').click();
    await page.waitForURL(/\/console\/inspection-plans\/[0-9a-f-]{36}$/);
    const items = page.locator('[data-testid="plan-items"] .ant-table-row');
    await items.first().waitFor();
    const planId = page.url().split('/').pop()!;
    const drawn = (await http<{ items: unknown[] }>(j.t.url, 'GET', `/api/v1/inspection-plans/${planId}`)).body.items
      .length;
    expect(drawn).toBeGreaterThan(0);
    expect(await items.count()).toBe(Math.min(drawn, 20));
    await shot('plan-detail');

    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFFposition,')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean).length).toBeGreaterThanOrEqual(drawn + 1);

    // Excel beside CSV: Chinese column titles, the CSV's rows cell by cell.
    const xlsxDownload = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toBe(`inspection-plan-${planId}.xlsx`);
    const book = new Workbook();
    await book.xlsx.readFile(await xlsx.path());
    const sheet = book.getWorksheet('抽查名单')!;
    const csvRows: string[][] = parse(csv.replace(/^\uFEFF/, ''));
    const sheetRows: string[][] = [];
    sheet.eachRow((r) => {
      const v = (r.values as unknown[]).slice(1);
      sheetRows.push(
        csvRows[0].map((_, i) =>
          v[i] === null || v[i] === undefined ? '' : String(v[i] as string | number | boolean | Date),
        ),
      );
    });
    expect(sheetRows[0].slice(0, 3)).toEqual(['序号', '主体ID', '主体名称']);
    expect(sheetRows.slice(1)).toEqual(csvRows.slice(1));
    expect(sheetRows).toHaveLength(drawn + 1);

    // A date outside the plan's period: the service refuses it, the reason shows under the date field.
    await page.getByTestId('record-0').click();
    await page.getByTestId('result-form').waitFor();
    await page.locator('[data-testid="result-form"] #date').click();
    await page.locator('[data-testid="result-form"] #date').fill('2026-10-15');
    await page.locator('[data-testid="result-form"] #date').press('Tab');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('#date_help').waitFor();
    expect(await page.locator('#date_help').innerText()).toMatch(/period|期间|2026-11-01/);
    await shot('result-refused');
    await page.locator('[data-testid="result-form"] #date').click();
    await page.locator('[data-testid="result-form"] #date').fill('2026-11-20');
    await page.locator('[data-testid="result-form"] #date').press('Tab');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('[data-testid="plan-items"] .ant-tag-success', { hasText: '2026-11-20' }).waitFor();
    await shot('result-recorded');

    await page.locator('.ant-breadcrumb a', { hasText: '双随机抽查' }).click();
    const row = page.locator('[data-testid="plans-table"] .ant-table-row').first();
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[4]).toBe(String(drawn));
    expect(cells[5]).toBe('1');
    await shot('plans-list');
  });
});
