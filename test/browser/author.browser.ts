import { http } from '../helpers/app';
import { startJourney, type Journey } from './harness';

/**
 * The rule author (read only in this console version): the packs in force with their active version and
 * tiers, and a pack's published versions, the same as the API's.
 */
describe('console journey: rule author (packs, read only)', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney('author', 20);
  });
  afterAll(() => j?.close());

  it('lists the packs in force and a pack’s versions', async () => {
    const { page, shot } = j;
    await j.signIn(await j.t.createKey({ scopes: ['packs'] }));
    await page.waitForURL(/\/console\/packs$/);
    const rows = page.locator('[data-testid="packs-table"] .ant-table-row');
    await rows.first().waitFor();
    const packs = (await http<{ items: { id: string }[] }>(j.t.url, 'GET', '/api/v1/packs')).body.items;
    await expect(rows.count()).resolves.toBe(packs.length);
    await shot('packs');
    await page
      .locator('[data-testid="packs-table"] .ant-table-row', { hasText: '(food_drug)' })
      .locator('.ant-table-row-expand-icon')
      .click();
    const versions = (await http<{ items: { seq: number }[] }>(j.t.url, 'GET', '/api/v1/packs/food_drug/versions')).body
      .items;
    const vrows = page.locator('[data-testid="versions-food_drug"] .ant-table-row');
    await vrows.first().waitFor();
    await expect(vrows.count()).resolves.toBe(Math.min(versions.length, 10));
    expect(await vrows.first().innerText()).toContain('生效中');
    await shot('pack-versions');
  });
});
