import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { http } from '../helpers/app';
import { startJourney, type Journey } from './harness';

type Pack = { version: string; tiers: { tier: string; minScore?: number; maxScore?: number }[]; rules: Rule[] };
type Rule = { name: string; conditions: { all?: unknown[] } };

/** Replace the whole text of the CodeMirror editor, as a paste would. */
async function setEditorText(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="pack-editor"] .cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** Wait until the editor's diagnostics (debounced) have run and the list shows `text`. */
async function diagnosticsShow(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('[data-testid="diagnostics"] .ant-list-item', { hasText: text }).first().waitFor();
}

/**
 * The rule author (规则制定人) on a pack's workbench, on a database of the journey's own (it publishes):
 * opens food_drug's draft, types a rule that can never fire and a version that is not a string, sees both
 * inline in the editor (marks and the list), fixes the draft (tier B from 80 instead of 75), saves it,
 * runs the golden cases (the boundary cases now fail, the others pass), explains a facts set, simulates the
 * draft on the demo subjects (chart), publishes with a reason, compares the two versions and rolls back.
 */
describe('console journey: rule author (draft, cases, explain, simulate, publish, diff, rollback)', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney('author', 40, { isolated: true });
  });
  afterAll(() => j?.close());

  it('edits, checks, simulates, publishes, compares and rolls back a pack', async () => {
    const { page, shot, t } = j;
    await j.signIn(await t.createKey({ scopes: ['packs'] }));
    await page.waitForURL(/\/console\/packs$/);
    const rows = page.locator('[data-testid="packs-table"] .ant-table-row');
    await rows.first().waitFor();
    const packs = (await http<{ items: { id: string }[] }>(t.url, 'GET', '/api/v1/packs')).body.items;
    await expect(rows.count()).resolves.toBe(packs.length);
    await shot('packs');

    // The draft editor with the fact catalogue beside it.
    await page.getByTestId('open-food_drug').click();
    await page.waitForURL(/\/console\/packs\/food_drug/);
    await page.locator('[data-testid="pack-editor"] .cm-content').waitFor();
    await page.locator('[data-testid="fact-catalogue"] .ant-table-row').first().waitFor();
    // Each fact says whose records it reads (分行业): the pack's own industry, or every industry.
    const catalogue = page.getByTestId('fact-catalogue');
    expect(
      await catalogue
        .getByRole('row')
        .filter({ hasText: 'industryPenaltiesLast12Months' })
        .getByTestId('fact-scope-industry')
        .innerText(),
    ).toBe('本行业');
    expect(
      await catalogue
        .getByRole('row')
        .filter({ hasText: /^penaltiesLast12Months/ })
        .getByTestId('fact-scope-cross-industry')
        .innerText(),
    ).toBe('跨行业');
    const base = (await http(t.url, 'GET', '/api/v1/packs/food_drug/draft')).body as {
      revision: number;
      content: Pack;
    };
    expect(base.revision).toBe(0);
    await page.getByTestId('diagnostics-count').getByText('无问题').waitFor();
    await shot('draft-editor');

    // A rule that can never fire (penalties ≥ 1 and < 0): the service's linter, inline.
    const neverFires = structuredClone(base.content);
    neverFires.rules
      .find((r) => r.name === 'food-penalty')!
      .conditions.all!.push({
        fact: 'industryPenaltiesLast12Months',
        operator: 'lessThan',
        value: 0,
      });
    await setEditorText(page, JSON.stringify(neverFires, null, 2));
    await diagnosticsShow(page, 'never-fires');
    // The list item takes the editor to the mark (CodeMirror draws only the lines in view).
    await page.locator('[data-testid="diagnostics"] .ant-list-item', { hasText: 'never-fires' }).first().click();
    await page.locator('.cm-lintRange-error').first().waitFor();
    await page.locator('.cm-lintRange-error').first().hover();
    await page.locator('.cm-tooltip-lint').waitFor();
    await shot('lint-error-inline');

    // A version that is not a string: the JSON Schema, in the browser.
    await setEditorText(page, JSON.stringify({ ...base.content, version: 3 }, null, 2));
    await diagnosticsShow(page, /JSON Schema.*\/version/);
    await page.locator('[data-testid="diagnostics"] .ant-list-item', { hasText: 'JSON Schema' }).first().click();
    await page.locator('.cm-lintRange-error').first().waitFor();
    await shot('schema-error-inline');

    // Fact names are completed from the catalogue inside a condition's "fact" value.
    const full = JSON.stringify(base.content, null, 2);
    await setEditorText(page, full.slice(0, full.indexOf('"fact": "') + '"fact": "'.length) + 'industryPen');
    await page.keyboard.press('Control+Space');
    const completion = page.locator('.cm-tooltip-autocomplete');
    await completion.getByText('industryPenaltiesLast12Months', { exact: true }).waitFor();
    await diagnosticsShow(page, 'JSON 语法错误'); // the text is cut short here
    await shot('fact-completion');
    await page.keyboard.press('Escape');

    // Fixed: a new version, and tier B from 80 (C up to 80).
    // Above whatever version is bundled: the next major, with a random patch.
    const version = `${Number(base.content.version.split('.')[0]) + 1}.0.${randomInt(1e6)}`;
    const original = base.content.version;
    const fixed = structuredClone(base.content);
    fixed.version = version;
    for (const tier of fixed.tiers) {
      if (tier.tier === 'B') tier.minScore = 80;
      if (tier.tier === 'C') tier.maxScore = 80;
    }
    await setEditorText(page, JSON.stringify(fixed, null, 2));
    await page.getByTestId('diagnostics-count').getByText('无问题').waitFor();
    await page.getByTestId('save-draft').click();
    await page.getByTestId('draft-revision').getByText('1', { exact: true }).waitFor();
    const saved = (await http<unknown>(t.url, 'GET', '/api/v1/packs/food_drug/draft')).body;
    expect(saved).toMatchObject({ revision: 1, valid: true, content: { version } });
    await shot('draft-saved');

    // Someone else saves meanwhile (revision 2): the next save here is a conflict, shown with the way out.
    const other = await http<{ revision: number }>(
      t.url,
      'PUT',
      '/api/v1/packs/food_drug/draft',
      { content: fixed },
      { 'if-match': '1' },
    );
    expect(other.body.revision).toBe(2);
    await setEditorText(page, JSON.stringify(fixed, null, 1));
    await page.getByTestId('save-draft').click();
    await page.getByTestId('draft-conflict').waitFor();
    expect(await page.getByTestId('draft-conflict').innerText()).toContain('草稿已被他人修改');
    await shot('draft-conflict');
    await page.getByRole('button', { name: '载入最新草稿' }).click();
    await page.getByTestId('draft-revision').getByText('2', { exact: true }).waitFor();
    await page.getByTestId('diagnostics-count').getByText('无问题').waitFor();

    // Golden cases against the saved draft: what the API answers, case by case.
    await page.getByRole('tab', { name: '黄金用例' }).click();
    await page.getByTestId('run-cases').click();
    await page.getByTestId('cases-result').waitFor();
    const cases = (
      await http<{ total: number; failed: number }>(t.url, 'POST', '/api/v1/packs/food_drug/draft/cases', {})
    ).body;
    expect(cases.failed).toBeGreaterThan(0);
    const caseRows = page.locator('[data-testid="cases-result"] .ant-table-row');
    await expect(caseRows.count()).resolves.toBe(cases.total);
    await expect(caseRows.filter({ hasText: '未通过' }).count()).resolves.toBe(cases.failed);
    await shot('golden-cases');

    // Explain one facts set (the version in force).
    await page.getByRole('tab', { name: '规则解释' }).click();
    await page.locator('[data-testid="explain-form"] .ant-select').first().click();
    await page.keyboard.type('industryPenaltiesLast12Months');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="explain-form"] .ant-input-number input').fill('2');
    await page.getByTestId('explain-run').click();
    await page.getByTestId('explain-result').waitFor();
    const explained = (
      await http<{ score: number }>(t.url, 'POST', '/api/v1/packs/food_drug/evaluate', {
        facts: { industryPenaltiesLast12Months: 2 },
      })
    ).body;
    await expect(page.getByTestId('explain-score').innerText()).resolves.toBe(String(explained.score));
    await expect(page.getByTestId('trace-food-penalties-repeated').innerText()).resolves.toContain('已触发');
    await shot('explain');

    // Simulate the draft: the chart, and the subjects that change with why.
    await page.getByRole('tab', { name: '影响模拟' }).click();
    await page.getByTestId('run-simulation').click();
    await page.getByTestId('simulation-result').waitFor();
    await page.locator('[data-testid="chart"] canvas').waitFor();
    const sim = (await http<{ changed: unknown[] }>(t.url, 'POST', '/api/v1/packs/food_drug/simulate', {})).body;
    const changed = page.locator('[data-testid="simulation-changes"] .ant-table-row');
    await expect(changed.count()).resolves.toBe(Math.min(sim.changed.length, 20));
    await shot('simulation');

    // Publish with a reason, after a confirmation.
    await page.getByRole('tab', { name: '版本与发布' }).click();
    await page.getByTestId('publish').click();
    await page.getByTestId('confirm-action').click();
    await page.getByText('请填写理由').waitFor(); // no reason: refused in the form
    await page.getByTestId('action-reason').fill('B级下限调整为80分（本地参数）');
    await page.waitForTimeout(400); // the modal's opening animation
    await shot('publish-confirm');
    await page.getByTestId('confirm-action').click();
    const newest = page.locator('[data-testid="versions-food_drug"] .ant-table-row').first();
    await newest.getByText(`v${version}`).waitFor();
    expect(await newest.innerText()).toContain('生效中');
    expect((await http<{ version: string }>(t.url, 'GET', '/api/v1/packs/food_drug')).body.version).toBe(version);
    await page.getByTestId('version-taken').waitFor(); // the same draft again would be refused
    await expect(page.getByTestId('publish').isDisabled()).resolves.toBe(true);

    // The diff of the two versions: the tier bounds and the version changed.
    await page.getByTestId('diff-lines').waitFor();
    const diff = await page.getByTestId('diff-lines').innerText();
    expect(diff).toContain(`+ `);
    expect(diff).toMatch(new RegExp(`-\\s+"version": "${original.replace(/\./g, '\\.')}"`));
    expect(diff).toContain(`"version": "${version}"`);
    await shot('published-and-diff');

    // Roll back to version #1, with a reason, after a confirmation.
    await page.getByTestId('rollback-1').click();
    await page.getByTestId('action-reason').fill('发布后发现分数线依据未核实，回退');
    await page.waitForTimeout(400); // the modal's opening animation
    await shot('rollback-confirm');
    await page.getByTestId('confirm-action').click();
    await page
      .locator('[data-testid="versions-food_drug"] .ant-table-row', { hasText: '生效中' })
      .getByText(`v${original}`)
      .waitFor();
    expect((await http<{ version: string }>(t.url, 'GET', '/api/v1/packs/food_drug')).body.version).toBe(original);
    await shot('rolled-back');

    // The measures (联合奖惩措施) have a workbench too: their draft and versions.
    await page.getByRole('link', { name: '规则包' }).first().click();
    await page.getByTestId('open-measures').click();
    await page.waitForURL(/\/console\/packs\/measures/);
    await page.locator('[data-testid="pack-editor"] .cm-content').waitFor();
    await expect(page.locator('[data-testid="pack-editor"] .cm-content').innerText()).resolves.toContain('"rules"');
    await shot('measures-draft');
    await page.goBack();
    await page.getByTestId('open-food_drug').click();

    // The same workbench in English (the switch in the top bar).
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('tab', { name: 'Versions & publish' }).waitFor();
    await page.getByRole('tab', { name: 'Draft' }).click();
    await page.locator('[data-testid="pack-editor"] .cm-content').waitFor();
    await page.getByTestId('fact-catalogue').getByText('Fact catalogue').waitFor();
    await shot('english');
  });
});
