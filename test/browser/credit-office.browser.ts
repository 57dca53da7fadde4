import { randomUUID } from 'node:crypto';
import { http } from '../helpers/app';
import type { Dto } from '../helpers/api-types';
import { startJourney, type Journey } from './harness';

/**
 * The credit office: a department-bound officer approves one repair application and rejects another
 * (a reason required before anything is sent), then searches the audit trail for the decisions and
 * verifies the hash chain, its head hash shown.
 */
describe('console journey: credit office', () => {
  let j: Journey;
  const department = '綦江区市场监督管理局';
  const apps: { id: string; decisionNumber: string }[] = [];
  let commitment: { id: string; name: string };
  beforeAll(async () => {
    j = await startJourney('credit-office');
    // Two general penalties decided in May 2026: publicity at least 3 months (令第36号), so repairable on 2026-11-30.
    for (const n of [1, 2]) {
      const decisionNumber = `綦市监罚〔2026〕${randomUUID().slice(0, 6)}号`;
      const subjects = await http<{ items: { code: string; name: string }[] }>(
        j.t.url,
        'GET',
        '/api/v1/subjects?kind=legal_person&limit=5',
      );
      const subject = subjects.body.items[n];
      const rec = await http<{ record: { id: string } }>(j.t.url, 'POST', '/api/v1/records', {
        type: 'penalty',
        source: department,
        decisionNumber,
        subjectCode: subject.code,
        subjectName: subject.name,
        industry: 'food_drug',
        sector: 'food',
        severity: 'general',
        penaltyTypes: ['fine'],
        fineAmount: 1,
        decisionDate: '2026-05-10',
      });
      expect(rec.status).toBe(201);
      const app = await http<{ id: string; code?: string }>(j.t.url, 'POST', '/api/v1/repair-applications', {
        recordId: rec.body.record.id,
        applicant: { kind: 'subject', name: subject.name },
        commitment: '本单位承诺今后严格遵守食品安全法律法规。',
        reason: '罚款已缴清，已完成整改。',
      });
      expect([app.status, app.body.code]).toEqual([201, undefined]);
      apps.push({ id: app.body.id, decisionNumber });
    }
    // A notify-and-commit commitment the department accepted in September, still pending.
    const firm = (
      await http<{ items: { code: string; name: string }[] }>(
        j.t.url,
        'GET',
        '/api/v1/subjects?kind=legal_person&limit=5',
      )
    ).body.items[3];
    const rec = await http<{ record: { id: string } }>(j.t.url, 'POST', '/api/v1/records', {
      type: 'commitment',
      source: department,
      decisionNumber: `綦市监诺〔2026〕${randomUUID().slice(0, 6)}号`,
      subjectCode: firm.code,
      subjectName: firm.name,
      industry: 'food_drug',
      commitmentStatus: 'pending',
      decisionDate: '2026-09-15',
    });
    expect(rec.status).toBe(201);
    commitment = { id: rec.body.record.id, name: firm.name };
  });
  afterAll(() => j?.close());

  it('approves and rejects repair applications, then finds them in the verified audit trail', async () => {
    const { page, shot } = j;
    await j.signIn(await j.t.createKey({ scopes: ['repair', 'audit'], department }));
    expect(await page.locator('.ant-menu-item').allInnerTexts()).toEqual([
      '信用修复',
      '信用承诺',
      '专项治理',
      '审计日志',
    ]);
    await page.waitForURL(/\/console\/repair$/);
    await page.getByTestId(`approve-${apps[0].id}`).waitFor();
    await shot('repair-queue');

    await page.getByTestId(`approve-${apps[0].id}`).click();
    await page.getByTestId('decide-form').waitFor();
    expect(await page.locator('[data-testid="decide-form"] #department').inputValue()).toBe(department);
    await page.locator('[data-testid="decide-form"] #reason').fill('已履行法定义务，同意修复。');
    await shot('repair-approve');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId(`approve-${apps[0].id}`).waitFor({ state: 'detached' });

    await page.getByTestId(`reject-${apps[1].id}`).click();
    await page.getByTestId('decide-form').waitFor();
    let decisions = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/repair-applications/') && r.method() === 'POST') decisions += 1;
    });
    // The decision dialog's own OK button. On a loaded machine a click can land while the dialog is still
    // settling and do nothing: a second click is harmless (the form refuses again, no request is sent).
    const ok = page
      .getByRole('dialog')
      .filter({ has: page.getByTestId('decide-form') })
      .getByRole('button', { name: /确\s*定/ });
    const required = page.getByText('请填写不予修复的理由');
    await ok.click();
    await required.waitFor({ timeout: 5000 }).catch(() => ok.click());
    await required.waitFor();
    expect(decisions).toBe(0);
    await page.locator('[data-testid="decide-form"] #reason').fill('未提交罚款缴纳凭证。');
    await ok.click();
    await page.getByTestId(`reject-${apps[1].id}`).waitFor({ state: 'detached' });
    expect(
      (await http<{ status: string }>(j.t.url, 'GET', `/api/v1/repair-applications/${apps[0].id}`)).body.status,
    ).toBe('approved');
    expect((await http(j.t.url, 'GET', `/api/v1/repair-applications/${apps[1].id}`)).body).toMatchObject({
      status: 'rejected',
      decisionReason: '未提交罚款缴纳凭证。',
    });
    await page.getByText('已修复').first().click();
    await page.locator('[data-testid="repair-table"] .ant-table-row').first().waitFor();
    await shot('repair-approved-list');

    await page.locator('.ant-menu-item', { hasText: '审计日志' }).click();
    await page.locator('[data-testid="audit-table"] .ant-table-row').first().waitFor();
    await page.getByTestId('audit-kind').click();
    await page.keyboard.type('repair.appr');
    await page.locator('.ant-select-item-option', { hasText: 'repair.approve' }).click();
    const searched = page.waitForResponse(
      (r) => r.url().includes('/api/v1/audit/entries') && r.url().includes('kind=repair.approve'),
    );
    await page.getByTestId('audit-search').click();
    await searched;
    await page.locator('[data-testid="audit-table"] .ant-spin-spinning').waitFor({ state: 'detached' });
    const kinds = await page.locator('[data-testid="audit-table"] .ant-table-row td:nth-child(4)').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['repair.approve']));

    await page.getByTestId('verify-chain').click();
    await page.getByTestId('chain-report').waitFor();
    const verify = (await http<{ valid: boolean }>(j.t.url, 'GET', '/api/v1/audit/verify')).body;
    expect(verify.valid).toBe(true);
    const text = await page.getByTestId('chain-report').innerText();
    expect(text).toContain('哈希链完整');
    expect(text).toMatch(/[0-9a-f]{64}/);
    await shot('audit-verified');
  });

  it('records a breached commitment: the form refuses what the service would, the list shows the outcome', async () => {
    const { page, shot } = j;
    await page.locator('.ant-menu-item', { hasText: '信用承诺' }).click();
    const button = page.getByTestId(`outcome-${commitment.id}`);
    await button.waitFor();
    await shot('commitments-pending');
    await button.click();
    await page.getByTestId('outcome-form').waitFor();
    expect(await page.locator('[data-testid="outcome-form"] #department').inputValue()).toBe(department);
    let sent = 0;
    page.on('request', (r) => {
      if (r.url().includes('/commitment-outcome') && r.method() === 'POST') sent += 1;
    });
    await page.getByText('违背承诺 / 虚假承诺').click();
    await page.getByTestId('breach-warning').waitFor();
    // Nothing is sent while the date and the finding are missing, or the date is before the commitment.
    const ok = page
      .getByRole('dialog')
      .filter({ has: page.getByTestId('outcome-form') })
      .getByRole('button', { name: /确\s*定/ });
    await ok.click();
    await page.getByText('请选择认定日期').waitFor();
    await page.getByText('请填写核查情况').waitFor();
    const date = page.locator('[data-testid="outcome-form"] #date');
    await date.click();
    await date.fill('2026-09-01');
    await date.press('Enter');
    await page.getByText('不得早于承诺日期 2026-09-15').waitFor();
    expect(sent).toBe(0);
    await date.click();
    await date.fill('2026-11-25');
    await date.press('Enter');
    await page
      .locator('[data-testid="outcome-form"] #reason')
      .fill('核查发现承诺的食品经营条件与实际不符，属虚假承诺。');
    await shot('commitment-outcome-form');
    await ok.click();
    await button.waitFor({ state: 'detached' });
    expect(sent).toBe(1);
    const api = (
      await http<Dto<'CommitmentOutcomeResultDto'>>(
        j.t.url,
        'GET',
        `/api/v1/records/${commitment.id}/commitment-outcome`,
      )
    ).body;
    expect(api.outcome).toMatchObject({ outcome: 'breached', date: '2026-11-25', legalBasis: '国办发〔2020〕42号' });

    await page.locator('[data-testid="commitment-status"]').getByText('违背承诺').click();
    const row = page.locator('[data-testid="commitments-table"] .ant-table-row', { hasText: commitment.name });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('违背承诺');
    expect(text).toContain('2026-11-25');
    expect(text).toContain('国办发〔2020〕42号');
    await shot('commitments-breached');
  });
});
