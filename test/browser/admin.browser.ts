import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { http } from '../helpers/app';
import { SHOTS, startJourney, type Journey } from './harness';

/**
 * The administrator (系统管理 › API密钥): signs in with an admin key, is refused a bad name under the field,
 * issues a key for a service hall (逢办必查 + 核查反馈, tendering) and sees it once with a copy button and the
 * warning; a fresh browser signs in with it and sees only the check page; the administrator revokes it
 * (with confirmation) and the fresh browser is sent back to sign-in with the reason.
 */
describe('console journey: administrator issues and revokes an API key', () => {
  let j: Journey;
  const name = `qijiang-service-hall-${randomUUID().slice(0, 6)}`;
  let key = '';
  let other: Page;

  beforeAll(async () => {
    j = await startJourney('admin', 20);
  });
  afterAll(() => j?.close());

  it('issues a key, shown once', async () => {
    const { page, shot } = j;
    await j.signIn(j.t.adminKey);
    expect(await page.locator('.ant-menu-item').allInnerTexts()).toContain('API密钥');
    await page.goto(`${j.t.url}/console/keys`);
    await page.getByTestId('keys-table').waitFor();
    await shot('keys-list');

    await page.getByTestId('new-key').click();
    await page.getByTestId('key-name').fill('Service Hall');
    await page.getByLabel('逢办必查 (checks)').check();
    await page.getByLabel('核查反馈 (feedback)').check();
    await page.getByTestId('key-scenarios').click();
    await page.keyboard.type('tendering');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByTestId('create-key').click();
    // The service's refusal, under the field it names; nothing issued.
    await page
      .locator('#name_help')
      .getByText(/name must be 1-100 characters/)
      .waitFor();
    await shot('key-form-refused');

    await page.getByTestId('key-name').fill(name);
    await page.getByTestId('create-key').click();
    const shown = page.getByTestId('created-key-value');
    await shown.waitFor();
    key = (await shown.innerText()).trim();
    expect(key).toMatch(/^cse_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    await page.getByText('请立即复制保存，关闭后将不再显示').waitFor();
    await expect(page.getByTestId('created-key').locator('.ant-typography-copy').count()).resolves.toBe(1);
    await page
      .getByRole('row', { name: new RegExp(name) })
      .getByText('有效')
      .waitFor();
    await shot('key-created-once');

    // Closed, the key is gone from the page, and the list never shows it.
    await page.getByTestId('created-key').locator('.ant-alert-close-icon').click();
    await page.reload();
    await page.getByTestId('keys-table').getByText(name).waitFor();
    expect(await page.evaluate<string>('document.body.innerText')).not.toContain(key.slice(13));
    const listed = await http<{ items: Array<{ name: string }> }>(j.t.url, 'GET', '/api/v1/api-keys');
    expect(listed.body.items.find((k) => k.name === name)).toMatchObject({
      scopes: ['checks', 'feedback'],
      scenarios: ['tendering'],
      revokedAt: null,
    });
  });

  it('the new key signs in elsewhere and sees only its pages', async () => {
    const context = await j.browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    other = await context.newPage();
    await other.goto(`${j.t.url}/console`);
    await other.getByTestId('api-key').fill(key);
    await other.getByRole('button', { name: /登\s*录/ }).click();
    await other.getByTestId('caller-name').waitFor();
    await other.getByTestId('check-form').waitFor();
    expect(await other.locator('.ant-menu-item').allInnerTexts()).toEqual(['核查办理']);
    // Typed in by hand, the keys page gets nothing from the service: the refusal is shown, no key listed.
    await other.goto(`${j.t.url}/console/keys`);
    await other.getByText(/SCOPE_FORBIDDEN/).waitFor();
    expect(await other.getByTestId('keys-table').getByText(name).count()).toBe(0);
    await other.screenshot({ path: join(SHOTS, 'admin', '90-new-key-signed-in.png'), fullPage: true });
  });

  it('revokes it with confirmation; the other browser is sent back to sign-in with the reason', async () => {
    const { page, shot } = j;
    await page.getByTestId(`revoke-${name}`).click();
    await page.locator('.ant-modal-confirm-title').getByText(`吊销 ${name} 的API密钥？`).waitFor();
    await shot('revoke-confirm');
    await page.getByTestId('confirm-revoke').click();
    await page
      .getByRole('row', { name: new RegExp(name) })
      .getByText('已吊销')
      .waitFor();
    await shot('key-revoked');

    await other.reload();
    await other.getByText('登录已失效，请重新登录').waitFor();
    await other.getByText(/revoked/).waitFor();
    expect(await other.evaluate<number>('sessionStorage.length')).toBe(0);
    await other.screenshot({ path: join(SHOTS, 'admin', '91-new-key-revoked.png'), fullPage: true });
  });
});
