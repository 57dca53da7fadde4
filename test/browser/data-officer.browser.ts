import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { http } from '../helpers/app';
import type { Dto } from '../helpers/api-types';
import { startJourney, TODAY, type Journey } from './harness';

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

    // The failing rows behind the rates: the department's refused row with its field and reason.
    await row.locator('td').first().getByText('綦江区市场监督管理局').click();
    const failures = page.locator('[data-testid="failures-table"] .ant-table-row', {
      hasText: `綦市监罚〔2026〕${run}-2号`,
    });
    await failures.waitFor();
    const failure = await failures.innerText();
    expect(failure).toContain('不合规');
    expect(failure).toContain('subjectCode');
    expect(failure).toContain(bad);
    const apiFailures = (
      await http<Dto<'FailuresPageDto'>>(
        j.t.url,
        'GET',
        `/api/v1/quality/failures?department=${encodeURIComponent('綦江区市场监督管理局')}`,
      )
    ).body;
    expect(apiFailures.items.some((f) => f.decisionNumber === `綦市监罚〔2026〕${run}-2号`)).toBe(true);
    await shot('quality-failures');

    // Ledgers: declare November for the department; 上报率 then shows received ÷ declared.
    await page.getByTestId('tab-ledgers').click();
    await page.getByTestId('ledgers-table').waitFor();
    await page.getByTestId('ledger-new').click();
    const form = page.getByTestId('ledger-form');
    await form.waitFor();
    expect(await form.locator('#department').inputValue()).toBe('綦江区市场监督管理局');
    const save = page
      .getByRole('dialog')
      .filter({ has: form })
      .getByRole('button', { name: /保\s*存/ });
    await save.click();
    await page.getByText('请选择月份').waitFor();
    await page.getByText('请输入应上报数').waitFor();
    await form.locator('#period').click();
    await form.locator('#period').fill('2026-11');
    await form.locator('#period').press('Enter');
    await form.locator('#declared').fill('40');
    await form.locator('#note').fill('2026年11月行政处罚台账');
    await form.locator('#declared').click();
    await form.locator('.ant-form-item-explain-error').first().waitFor({ state: 'detached' });
    await shot('quality-ledger-form');
    await save.click();
    const ledger = page.locator('[data-testid="ledgers-table"] .ant-table-row', { hasText: '2026-11' });
    await ledger.waitFor();
    expect(await ledger.innerText()).toContain('40');
    const ledgers = (
      await http<Dto<'LedgerListDto'>>(j.t.url, 'GET', '/api/v1/quality/ledgers?from=2026-11-01&to=2026-11-30')
    ).body.items;
    expect(ledgers).toContainEqual(
      expect.objectContaining({ department: '綦江区市场监督管理局', period: '2026-11', declared: 40 }),
    );
    await shot('quality-ledgers');

    // Corrected: declaring the month again replaces the count.
    await page.getByTestId('ledger-edit-2026-11').click();
    await form.waitFor();
    expect(await form.locator('#period').isDisabled()).toBe(true);
    await form.locator('#declared').fill('50');
    await save.click();
    await page.locator('[data-testid="ledgers-table"] .ant-table-row', { hasText: '50' }).waitFor();
    const dept = (
      await http<Dto<'QualityStatisticsDto'>>(
        j.t.url,
        'GET',
        `/api/v1/quality/statistics?department=${encodeURIComponent('綦江区市场监督管理局')}`,
      )
    ).body.departments[0];
    expect(dept.reported.declared).toBe(50);
    await page.locator('.ant-tabs-tab', { hasText: '质量统计' }).click();
    const rate = `${((dept.reported.rate as number) * 100).toFixed(2)}%`;
    await page.locator('[data-testid="quality-table"] .ant-table-row', { hasText: rate }).first().waitFor();
    await shot('quality-reported-rate');
  });
  it('lists the stored records the law contradicts (法定期限核查) with their reasons, Chinese first', async () => {
    const { page, shot } = j;
    // A court listing stored before grounds were kept (the earlier import took none): posted with its
    // ground, then set back to what that import stored (test set-up only, as in legal-fidelity.e2e).
    const department = `綦江区人民法院-${randomUUID().slice(0, 6)}`;
    const firm = (
      await http<{ items: { code: string; name: string }[] }>(
        j.t.url,
        'GET',
        '/api/v1/subjects?kind=legal_person&limit=1',
      )
    ).body.items[0];
    const decisionNumber = `（2026）渝0110执${randomUUID().slice(0, 4)}号`;
    const posted = await http<{ record: { id: string } }>(j.t.url, 'POST', '/api/v1/records', {
      type: 'list_entry',
      source: department,
      decisionNumber,
      subjectName: firm.name,
      subjectCode: firm.code,
      listType: 'court_defaulter',
      listGround: 2,
      severity: 'serious',
      decisionDate: '2026-06-01',
    });
    expect(posted.status).toBe(201);
    await j.t.app
      .get(DataSource)
      .query(`UPDATE credit_records SET list_ground = NULL WHERE id = $1`, [posted.body.record.id]);
    const api = await http<{ total: number; items: { code: string; decisionNumber: string }[] }>(
      j.t.url,
      'GET',
      `/api/v1/quality/legal-findings?department=${encodeURIComponent(department)}`,
    );
    expect(api.body.items).toEqual([expect.objectContaining({ code: 'court_ground_missing', decisionNumber })]);

    await page.locator('.ant-menu-item', { hasText: '双公示质量' }).click();
    await page.locator('#department').fill(department);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByTestId('tab-legal-findings').click();
    const rows = page.locator('[data-testid="legal-findings-table"] .ant-table-row');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(api.body.total);
    const text = await rows.first().innerText();
    expect(text).toContain(decisionNumber);
    expect(text).toContain('失信被执行人未载明失信情形');
    expect(text).toContain('失信情形');
    expect(text).toContain('法释〔2017〕7号');
    await expect(page.getByTestId('legal-findings-summary').innerText()).resolves.toContain(
      '1 条在库记录与法律规定不符',
    );
    await shot('quality-legal-findings');

    // The subject's records say the ground is missing where the listing is shown.
    const subject = (await http<{ items: { id: string }[] }>(j.t.url, 'GET', `/api/v1/subjects?code=${firm.code}`)).body
      .items[0];
    // (read by an officer who may also look subjects up)
    await page.evaluate('sessionStorage.clear()');
    await j.signIn(await j.t.createKey({ scopes: ['records', 'subjects'] }));
    await page.goto(`${j.t.url}/console/subjects/${subject.id}`);
    const listing = page.locator('[data-testid="records-table"] .ant-table-row', { hasText: decisionNumber });
    await listing.waitFor();
    await expect(listing.getByTestId('record-ground').innerText()).resolves.toBe('失信情形：未载明');
    await expect(listing.getByTestId('record-list').innerText()).resolves.toContain('失信被执行人');
    await shot('subject-court-listing-without-ground');
  });

  it('imports a file of more than 5,000 rows as a background job and follows it to its end (后台任务)', async () => {
    const { page, shot } = j;
    const run = randomUUID().slice(0, 6);
    const firm = (
      await http<{ items: { code: string; name: string }[] }>(
        j.t.url,
        'GET',
        '/api/v1/subjects?kind=legal_person&limit=1',
      )
    ).body.items[0];
    // A month before the journey's pinned day (harness TODAY): a past decision, whatever the calendar says.
    const decided = new Date(Date.parse(TODAY) - 30 * 86_400_000).toISOString().slice(0, 10);
    const rows = Array.from(
      { length: 5001 },
      (_, n) =>
        `penalty,綦江区市场监督管理局,綦市监罚〔2026〕${run}-J${n}号,${firm.name},${firm.code},food_drug,food,general,fine,1,${decided}`,
    );
    const csv =
      [
        'type,source,decisionNumber,subjectName,subjectCode,industry,sector,severity,penaltyTypes,fineAmount,decisionDate',
        ...rows,
      ].join('\r\n') + '\r\n';
    await page.evaluate('sessionStorage.clear()'); // signed in by the journey's earlier steps: sign in afresh
    await j.signIn(await j.t.createKey({ scopes: ['records'] }));
    await page.locator('.ant-menu-item', { hasText: '记录导入' }).click();
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/records/import'));
    await page
      .getByTestId('import-drop')
      .setInputFiles({ name: `penalties-${run}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    expect((await answered).status()).toBe(202);
    const alert = page.getByTestId('import-job');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('已转为后台任务');
    await shot('import-job-queued');
    // Refresh (刷新进度) until the job has run: every row stored, the alert green.
    for (let i = 0; i < 120 && !(await alert.innerText()).includes('5001 / 5001'); i++) {
      await page.waitForTimeout(500);
      await alert.getByRole('button').click();
    }
    expect(await alert.innerText()).toContain('5001 / 5001');
    await expect(alert.getAttribute('class')).resolves.toContain('ant-alert-success');
    await shot('import-job-completed');
    const stored = await j.t.app
      .get(DataSource)
      .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM credit_records WHERE decision_number LIKE $1`, [
        `綦市监罚〔2026〕${run}-J%`,
      ]);
    expect(stored[0].n).toBe(5001);
  });
});
