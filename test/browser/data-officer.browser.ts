import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { http } from '../helpers/app';
import { startJourney, type Journey } from './harness';

/**
 * The data officer imports this month's penalties: downloads the template, drops a CSV with a bad row
 * (a credit code whose check character is wrong), reads the per-row report (the bad row highlighted with
 * its reason, nothing stored for it, the others stored), drops the same file again (all unchanged), and
 * finds the refused row counted in the department's 双公示 quality.
 */
describe('console journey: data officer', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney('data-officer');
  });
  afterAll(() => j?.close());

  it('imports a CSV with a bad row and reads the per-row report', async () => {
    const { page, shot } = j;
    const run = randomUUID().slice(0, 6);
    const firms = (
      await http<{ items: { code: string; name: string }[] }>(
        j.t.url,
        'GET',
        '/api/v1/subjects?kind=legal_person&limit=3',
      )
    ).body.items;
    const bad = firms[2].code.slice(0, 17) + (firms[2].code[17] === '0' ? '1' : '0');
    const header =
      'type,source,decisionNumber,subjectName,subjectCode,industry,sector,severity,penaltyTypes,fineAmount,decisionDate';
    const line = (n: number, code: string, name: string) =>
      `penalty,綦江区市场监督管理局,綦市监罚〔2026〕${run}-${n}号,${name},${code},food_drug,food,general,fine,1.5,2026-11-02`;
    const csv =
      [
        header,
        line(1, firms[0].code, firms[0].name),
        line(2, bad, firms[2].name),
        line(3, firms[1].code, firms[1].name),
      ].join('\r\n') + '\r\n';

    await j.signIn(await j.t.createKey({ scopes: ['records'] }));
    await page.locator('.ant-menu-item', { hasText: '记录导入' }).click();
    await page.getByTestId('import-drop').waitFor({ state: 'attached' });
    const template = page.waitForEvent('download');
    await page.getByTestId('template').click();
    // The service's penalty template: the 双公示 Chinese column titles, UTF-8 with a BOM.
    const templateText = readFileSync(await (await template).path(), 'utf8');
    expect(templateText.startsWith('\uFEFF行政相对人名称,统一社会信用代码,证件号码,')).toBe(true);
    await shot('import');

    const upload = async () => {
      const done = page.waitForResponse((r) => r.url().endsWith('/api/v1/records/import'));
      await page
        .getByTestId('import-drop')
        .setInputFiles({ name: `penalties-${run}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      const res = await done;
      expect(res.request().headers()['content-type']).toBe('text/csv');
      await page.getByTestId('import-report').waitFor();
    };
    await upload();
    const total = async (k: string) =>
      Number(
        (await page.getByTestId(`total-${k}`).locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''),
      );
    expect([await total('rows'), await total('stored'), await total('refused')]).toEqual([3, 2, 1]);
    const refusedRow = page.locator('[data-testid="import-rows"] .row-refused');
    await expect(refusedRow.count()).resolves.toBe(1);
    const text = await refusedRow.innerText();
    expect(text).toContain('subjectCode');
    expect(text).toContain(`綦市监罚〔2026〕${run}-2号`);
    await shot('import-report');
    await page.getByText('只看拒收的行').click();
    await expect(page.locator('[data-testid="import-rows"] .ant-table-row').count()).resolves.toBe(1);
    await shot('import-refused-only');

    // Nothing stored for the refused row; the others are there.
    const records = async (code: string) => {
      const s = (await http<{ items: { id: string }[] }>(j.t.url, 'GET', `/api/v1/subjects?code=${code}`)).body
        .items[0];
      return s
        ? (
            await http<{ records: { decisionNumber: string }[] }>(j.t.url, 'GET', `/api/v1/subjects/${s.id}/records`)
          ).body.records.map((r) => r.decisionNumber)
        : [];
    };
    expect(await records(firms[0].code)).toContain(`綦市监罚〔2026〕${run}-1号`);
    expect(await records(firms[2].code)).not.toContain(`綦市监罚〔2026〕${run}-2号`);

    await upload();
    expect([await total('stored'), await total('unchanged'), await total('refused')]).toEqual([0, 2, 1]);

    // 双公示 quality: the department's row counts the refused row, as the API does.
    await page.locator('.ant-menu-item', { hasText: '双公示质量' }).click();
    const row = page
      .locator('[data-testid="quality-table"] .ant-table-row', { hasText: '綦江区市场监督管理局' })
      .first();
    await row.waitFor();
    type Counts = { department: string; received: number; accepted: number; refused: number };
    const api = (
      await http<{ departments: Counts[] }>(j.t.url, 'GET', '/api/v1/quality/statistics')
    ).body.departments.find((d) => d.department === '綦江区市场监督管理局');
    expect(api?.refused).toBeGreaterThanOrEqual(1);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.slice(1, 4).map(Number)).toEqual([api?.received, api?.accepted, api?.refused]);
    await shot('quality');
  });
});
