import { randomUUID } from 'node:crypto';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import { http } from '../helpers/app';
import type { Dto } from '../helpers/api-types';
import { uscc } from '../helpers/identifiers';
import { startJourney, type Journey } from './harness';

/**
 * The credit office's special governance ledger (专项治理台账): a company penalised three times for the same
 * violation is proposed; the officer accepts it into the ledger, records its exit (整改到位) — the form refusing
 * an empty exit — and sees the department's exit rate (退出率) at 100%. Then the 信易+ feedback on the overview.
 */
describe('console journey: special governance and 信易+ feedback', () => {
  let j: Journey;
  const run = randomUUID().slice(0, 6);
  const department = `綦江区市场监督管理局治理-${run}`;
  const violationType = `超范围经营-${run}`;
  const name = `重庆綦江治理演示有限公司${run}`;
  let subjectId = '';
  const other = `重庆綦江待定演示有限公司${run}`;
  beforeAll(async () => {
    j = await startJourney('governance');
    const code = uscc();
    const otherCode = uscc();
    for (const [c, n, date] of [
      ...['2025-01-10', '2025-08-20', '2026-06-15'].map((d) => [code, name, d]),
      ...['2025-02-10', '2025-09-20', '2026-07-15'].map((d) => [otherCode, other, d]),
    ]) {
      const rec = await http<Dto<'IngestOneResultDto'>>(j.t.url, 'POST', '/api/v1/records', {
        type: 'penalty',
        source: department,
        decisionNumber: `綦市监罚〔${date.slice(0, 4)}〕${randomUUID().slice(0, 6)}号`,
        subjectName: n,
        subjectCode: c,
        severity: 'general',
        penaltyTypes: ['fine'],
        fineAmount: 1,
        violationType,
        decisionDate: date,
      });
      expect(rec.status).toBe(201);
      if (c === code) subjectId = rec.body.record.subjectId;
    }
    // Two public bodies on the 失信被执行人 list: one listing ended (整改到位), one still in force.
    for (const [n, extra] of [
      ['已整改', { endedAt: '2026-04-01' }],
      ['未整改', {}],
    ] as const) {
      const rec = await http(j.t.url, 'POST', '/api/v1/records', {
        type: 'list_entry',
        source: '綦江区人民法院',
        decisionNumber: `(2026)渝0110执${randomUUID().slice(0, 8)}号`,
        subjectName: `綦江区演示事业单位${n}${run}`,
        subjectCode: uscc('12500110'),
        subjectKind: 'public_body',
        listType: 'court_defaulter',
        listGround: 1,
        severity: 'serious',
        decisionDate: '2026-01-10',
        ...extra,
      });
      expect(rec.status).toBe(201);
    }
  });
  afterAll(() => j?.close());

  it('accepts a proposal, records the exit and shows the exit rate', async () => {
    const { page, shot } = j;
    await j.signIn(await j.t.createKey({ scopes: ['admin'] }));
    await page.locator('.ant-menu-item', { hasText: '专项治理' }).click();
    await page.waitForURL(/\/console\/governance$/);
    const accept = page.getByTestId(`accept-${subjectId}|${violationType}`);
    await accept.waitFor();
    const row = page.locator('[data-testid="proposals-table"] .ant-table-row', { hasText: name });
    expect(await row.innerText()).toContain(violationType);
    await shot('governance-proposals');

    await accept.click();
    await page.getByTestId('proposal-form').waitFor();
    expect(await page.locator('[data-testid="proposal-form"] #department').inputValue()).toBe(department);
    await page
      .locator('[data-testid="proposal-form"] #reason')
      .fill('三年内因同一违法行为三次受到处罚，列入专项治理台账。');
    await page
      .getByRole('dialog')
      .filter({ has: page.getByTestId('proposal-form') })
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await accept.waitFor({ state: 'detached' });
    const entries = await http<Dto<'EntryListDto'>>(j.t.url, 'GET', '/api/v1/governance/entries?status=open');
    const entry = entries.body.items.find((e) => e.subjectId === subjectId)!;
    expect(entry).toMatchObject({ source: 'rule', department, violationType, openedOn: '2026-11-30' });

    await page.getByTestId('tab-entries').click();
    const exit = page.getByTestId(`exit-${entry.id}`);
    await exit.waitFor();
    expect(await page.locator('[data-testid="entries-table"] .ant-table-row', { hasText: name }).innerText()).toContain(
      '治理中',
    );
    await exit.click();
    await page.getByTestId('exit-form').waitFor();
    let sent = 0;
    page.on('request', (r) => {
      if (r.url().includes('/exit') && r.method() === 'POST') sent += 1;
    });
    const ok = page
      .getByRole('dialog')
      .filter({ has: page.getByTestId('exit-form') })
      .getByRole('button', { name: /确\s*定/ });
    const required = page.getByText('请选择退出方式');
    await ok.click();
    await required.waitFor({ timeout: 5000 }).catch(() => ok.click());
    await required.waitFor();
    await page.getByText('请填写佐证材料说明').waitFor();
    expect(sent).toBe(0);
    await page.locator('[data-testid="exit-form"]').getByText('整改到位').click();
    const date = page.locator('[data-testid="exit-form"] #date');
    await date.click();
    await date.fill('2026-11-30');
    await date.press('Enter');
    await page.locator('[data-testid="exit-form"] #note').fill('经复查，超范围经营行为已纠正，罚款已缴清。');
    await shot('governance-exit-form');
    await ok.click();
    await exit.waitFor({ state: 'detached' });
    expect(sent).toBe(1);
    const done = await http<Dto<'EntryDto'>>(j.t.url, 'GET', `/api/v1/governance/entries/${entry.id}`);
    expect(done.body).toMatchObject({ status: 'rectified', exitDate: '2026-11-30' });
    const text = await page.locator('[data-testid="entries-table"] .ant-table-row', { hasText: name }).innerText();
    expect(text).toContain('整改到位');
    expect(text).toContain('经复查，超范围经营行为已纠正');
    await shot('governance-ledger');

    await page.getByTestId('tab-statistics').click();
    const rate = page.locator('[data-testid="exit-rate-table"] .ant-table-row', { hasText: department });
    await rate.waitFor();
    expect((await rate.locator('td').allInnerTexts()).map((s) => s.trim())).toEqual([
      department,
      '1',
      '0',
      '1',
      '0',
      '0',
      '100.00%',
    ]);
    await shot('governance-exit-rate');

    await page.getByTestId('tab-public-bodies').click();
    await page.getByTestId('rectification-rate').waitFor();
    const bodies = await http<Dto<'PublicBodyDefaultersDto'>>(
      j.t.url,
      'GET',
      '/api/v1/governance/public-body-defaulters',
    );
    // Other journeys on the same database may list public bodies too: the page says what the API counts.
    const b = bodies.body;
    expect(b.subjects).toBeGreaterThanOrEqual(2);
    expect(b.items.filter((d) => d.subject.name.endsWith(run)).map((d) => [d.subject.name, d.rectified])).toEqual(
      expect.arrayContaining([
        [`綦江区演示事业单位已整改${run}`, true],
        [`綦江区演示事业单位未整改${run}`, false],
      ]),
    );
    expect(await page.getByTestId('rectification-rate').innerText()).toContain(
      `事业单位 ${b.subjects} 家，整改到位 ${b.rectified} 家，整改到位率 ${((b.rectificationRate ?? 0) * 100).toFixed(2)}%`,
    );
    for (const [n, word] of [
      ['已整改', '整改到位'],
      ['未整改', '未整改到位'],
    ])
      expect(
        await page
          .locator('[data-testid="public-bodies-table"] .ant-table-row', { hasText: `演示事业单位${n}${run}` })
          .locator('td')
          .last()
          .innerText(),
      ).toBe(word);
    await shot('governance-public-bodies');
  });

  it('lets a credit-office key without admin read the proposals but not decide them', async () => {
    const { page, shot } = j;
    const signOut = () => page.getByRole('button', { name: /^退\s*出$/ }).click();
    await signOut();
    await j.signIn(await j.t.createKey({ scopes: ['repair'], department }));
    await page.locator('.ant-menu-item', { hasText: '专项治理' }).click();
    const row = page.locator('[data-testid="proposals-table"] .ant-table-row', { hasText: other });
    await row.waitFor();
    expect(await row.innerText()).toContain('由信用主管部门（admin）确认');
    expect(await page.locator('[data-testid^="accept-"]').count()).toBe(0);
    await shot('governance-read-only');
    await signOut();
    await j.signIn(await j.t.createKey({ scopes: ['admin'] }));
  });

  it('shows the 信易+ scenario feedback on the overview as the API counts it', async () => {
    const { page, shot } = j;
    const code = uscc();
    const red = await http(j.t.url, 'POST', '/api/v1/records', {
      type: 'list_entry',
      source: `綦江区发展改革委-${run}`,
      decisionNumber: `红名单-${randomUUID().slice(0, 8)}`,
      subjectName: `綦江信易演示公司${run}`,
      subjectCode: code,
      listType: 'red_list',
      decisionDate: '2026-09-01',
    });
    expect(red.status).toBe(201);
    await j.t.app.get(TieringService).idle();
    const check = await http<{ checkId: string }>(j.t.url, 'POST', '/api/v1/checks', {
      scenario: 'rental_housing',
      transaction: { reference: `ZL-${run}` },
      parties: [{ code, role: 'applicant' }],
    });
    expect(check.status).toBe(200);
    const fed = await http(j.t.url, 'POST', `/api/v1/checks/${check.body.checkId}/feedback`, {
      operator: 'qj-zl-0001',
      items: [{ partyIndex: 0, measure: 'xinyi-deposit-waiver', applied: true, outcome: '免收租房押金' }],
    });
    expect(fed.status).toBe(201);
    const counts = await http<Dto<'MeasureFeedbackDto'>>(
      j.t.url,
      'GET',
      '/api/v1/checks/measure-feedback?programme=xinyi_plus',
    );
    const want = counts.body.items.find(
      (c) => c.scenario === 'rental_housing' && c.measure === 'xinyi-deposit-waiver',
    )!;
    expect(want.applied).toBeGreaterThan(0);

    // The admin key lands on the overview at sign-in, before these checks: open it afresh.
    await page.locator('.ant-menu-item', { hasText: '专项治理' }).click();
    await page.locator('.ant-menu-item', { hasText: '监管总览' }).click();
    const row = page
      .locator('[data-testid="xinyi-feedback-table"] .ant-table-row', { hasText: '住房租赁（信易租）' })
      .filter({ hasText: '免押金' });
    await row.waitFor();
    expect((await row.locator('td').allInnerTexts()).map((s) => s.trim())).toEqual([
      '住房租赁（信易租）',
      '免押金',
      '激励',
      String(want.offered),
      String(want.applied),
      String(want.notApplied),
      `${(want.appliedRate! * 100).toFixed(2)}%`,
    ]);
    await page.getByTestId('xinyi-feedback-table').scrollIntoViewIfNeeded();
    await shot('overview-xinyi-feedback');
  });
});
