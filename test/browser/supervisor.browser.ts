import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { generateDemo } from '../../src/modules/demo/demo-data';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import type { Dto } from '../helpers/api-types';
import { http } from '../helpers/app';
import { startJourney, type Journey } from './harness';
import { industriesCardStep } from './industries-step';

/**
 * The supervisor: overview (tier distribution per industry, chart and numbers, the same as the API's),
 * English and back, subject search → subject page (tiers with fired rules and legal basis, records,
 * tier history, 行业归属 with a decision recorded and withdrawn) → the credit report, printed (print media:
 * menu and buttons gone); a natural person found by ID number typed into the look-up field only (never in
 * the URL, masked on screen).
 */
describe('console journey: supervisor', () => {
  let j: Journey;
  let person: { idNumber: string; name: string };
  beforeAll(async () => {
    j = await startJourney('supervisor');
    const { subjects } = generateDemo(j.t.app.get(Clock).today(), 60);
    const p = subjects.find((s) => s.kind === 'natural_person')!;
    person = { idNumber: p.idNumber!, name: p.name };
    // A tier change after the demo load (a serious food-safety penalty) and a plan whose results are due.
    const firm = (
      await http<Dto<'SubjectPageResponse'>>(
        j.t.url,
        'GET',
        '/api/v1/subjects?kind=legal_person&industry=food_drug&tier=A&limit=1',
      )
    ).body.items[0];
    const penalty = await http(j.t.url, 'POST', '/api/v1/records', {
      type: 'penalty',
      source: '綦江区市场监督管理局',
      decisionNumber: '綦市监罚〔2026〕总览-1号',
      subjectName: firm.name,
      subjectCode: firm.code,
      industry: 'food_drug',
      sector: 'food',
      severity: 'serious',
      penaltyTypes: ['fine'],
      fineAmount: 3,
      decisionDate: '2026-11-20',
    });
    expect(penalty.status).toBe(201);
    await j.t.app.get(TieringService).idle();
    const plan = await http(j.t.url, 'POST', '/api/v1/inspection-plans', {
      department: '綦江区市场监督管理局',
      industry: 'food_drug',
      period: { from: '2026-12-01', to: '2026-12-31' },
      seed: '总览-待检查',
      inspectors: [1, 2, 3].map((i) => ({ id: `QJ-${i}`, name: `检查员${i}`, department: '綦江区市场监督管理局' })),
    });
    expect(plan.status).toBe(201);
  });
  afterAll(async () => {
    // The journeys share one database: the plan drawn for the overview goes, so the plans journey starts
    // from an empty list whichever runs first (no route deletes a plan; its items go with it, ON DELETE CASCADE).
    await j?.t.app.get(DataSource).query(`DELETE FROM inspection_plans WHERE seed = $1`, ['总览-待检查']);
    await j?.close();
  });

  it('reads the overview, finds a company, opens its page and prints its credit report', async () => {
    const { page, shot } = j;
    await j.signIn(await j.t.createKey({ scopes: ['tiers', 'subjects', 'records', 'inspections'] }));
    await page.waitForURL(/\/console\/overview$/);
    expect(await page.locator('.ant-menu-item').allInnerTexts()).toEqual([
      '监管总览',
      '主体查询',
      '双随机抽查',
      '记录导入',
      '双公示质量',
      '信用承诺',
    ]);
    await page.locator('[data-testid="chart"] canvas').first().waitFor();
    // The table under the chart carries the API's numbers.
    const api = await http<{ items: { industry: string; subjects: number }[] }>(
      j.t.url,
      'GET',
      '/api/v1/tiering/distribution',
    );
    const total = api.body.items.reduce((a, b) => a + b.subjects, 0);
    expect(total).toBeGreaterThan(0);
    const rows = page.locator('[data-testid="distribution-table"] .ant-table-row');
    const industries = new Set(api.body.items.map((i) => i.industry));
    await expect(rows.count()).resolves.toBe(industries.size);
    const shownTotal = (await rows.locator('td:last-child').allInnerTexts()).reduce(
      (a, v) => a + Number(v.replace(/,/g, '')),
      0,
    );
    expect(shownTotal).toBe(total);

    // Tiers over time (food and drug, monthly): the chart drawn, its table the API's numbers per period.
    await page.locator('[data-testid="trend-card"] [data-testid="chart"] canvas').waitFor();
    const trend = (
      await http<Dto<'TierTrendDto'>>(j.t.url, 'GET', '/api/v1/tiering/trend?industry=food_drug&granularity=month')
    ).body;
    expect(trend.periods).toHaveLength(12);
    const trendRows = page.locator('[data-testid="trend-table"] .ant-table-row');
    await expect(trendRows.count()).resolves.toBe(12);
    const last = await trendRows.first().locator('td').allInnerTexts(); // newest first
    expect(last[0]).toBe(trend.periods[11]);
    const lastTotal = trend.items.filter((i) => i.period === trend.periods[11]).reduce((a, b) => a + b.subjects, 0);
    expect(lastTotal).toBeGreaterThan(0);
    expect(Number(last[last.length - 1])).toBe(lastTotal);
    // A period before any tier was stored is shown as no data (—), not as zero subjects.
    const counted = new Set(trend.items.map((i) => i.period));
    const before = trend.periods.findIndex((p) => !counted.has(p));
    expect(before).toBeGreaterThanOrEqual(0); // the demo's history starts six months back (demo-history.e2e)
    const empty = await trendRows
      .nth(11 - before)
      .locator('td')
      .allInnerTexts();
    expect([empty[0], empty[empty.length - 1]]).toEqual([trend.periods[before], '—']);

    // Inspections due: the plan drawn above, its count as the API's.
    const due = (await http<Dto<'DueInspectionsDto'>>(j.t.url, 'GET', '/api/v1/inspections/due?limit=8')).body;
    expect(due.total).toBeGreaterThan(0);
    const dueRows = page.locator('[data-testid="due-table"] .ant-table-row');
    await dueRows.first().waitFor();
    await expect(dueRows.count()).resolves.toBe(Math.min(8, due.total));
    expect(await dueRows.first().locator('td').first().innerText()).toBe(due.items[0].subject.name);
    expect(await page.getByTestId('due-card').locator('.ant-statistic-content-value').first().innerText()).toBe(
      String(due.total),
    );

    // Recent tier changes: newest first, the penalty's A → C (or lower) at the top with its trigger.
    const changes = (await http<Dto<'TierMovesDto'>>(j.t.url, 'GET', '/api/v1/tiering/changes?limit=8')).body.items;
    expect(changes[0].trigger).toMatch(/^records:/);
    const latest = page.locator('[data-testid="changes-table"] .ant-table-row').first();
    await latest.waitFor();
    const cells = await latest.locator('td').allInnerTexts();
    expect(cells[1]).toBe(changes[0].subject.name);
    const moved = latest.getByTestId('tier-move').locator('[data-tier]');
    expect([await moved.nth(0).getAttribute('data-tier'), await moved.nth(1).getAttribute('data-tier')]).toEqual([
      'A',
      changes[0].tier,
    ]);
    expect(changes[0].previousTier).toBe('A');
    expect(cells[4]).toBe('信用记录变更');
    await shot('overview');

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Tier distribution per industry' }).waitFor();
    await shot('overview-english');
    await page.getByText('中文', { exact: true }).click();

    await page.locator('.ant-menu-item', { hasText: '主体查询' }).click();
    await page.getByTestId('search-name').fill('酒店');
    await page.getByTestId('search').click();
    const first = page.locator('[data-testid="subjects-table"] .ant-table-row a').first();
    await first.waitFor();
    await shot('subjects-search');
    const name = await first.innerText();
    await first.click();
    await page.getByRole('heading', { name }).waitFor();
    await page.locator('[data-testid^="tier-"]').first().waitFor();
    await page.locator('[data-testid="records-table"] .ant-table-row').first().waitFor();
    const tierCard = await page.locator('[data-testid^="tier-"]').first().innerText();
    expect(tierCard).toMatch(/信用分/);
    // Tier history: when as YYYY-MM-DD HH:mm in China time (the API's instant + 8 h), as every page shows times.
    const subjectId = /\/subjects\/([0-9a-f-]{36})/.exec(page.url())![1];
    const hist = await http<{ items: { computedAt: string }[] }>(
      j.t.url,
      'GET',
      `/api/v1/subjects/${subjectId}/tiers/history`,
    );
    const historyRows = page.locator('[data-testid="history-table"] .ant-table-row');
    await historyRows.first().waitFor();
    const when = (await historyRows.first().locator('td').first().innerText()).trim();
    const cst = new Date(Date.parse(hist.body.items[0].computedAt) + 8 * 3600e3).toISOString();
    expect(when).toBe(`${cst.slice(0, 10)} ${cst.slice(11, 16)}`);
    await shot('subject-page');

    await industriesCardStep(j, subjectId);

    await page.getByTestId('open-report').click();
    await page.getByTestId('credit-report').waitFor();
    const report = await page.getByTestId('credit-report').innerText();
    expect(report).toContain('报告编号');
    expect(report).toContain('数据截止');
    expect(report).toContain(name);
    await shot('credit-report');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /打\s*印/ }).isVisible()).toBe(false);
    await shot('credit-report-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('filters the subject search by industry and credit tier, as the API answers it', async () => {
    const { page, shot } = j;
    // A tier other than A held by a page's worth of subjects (or fewer), from the API's own distribution.
    const dist = (
      await http<{ items: { industry: string; tier: string; subjects: number }[] }>(
        j.t.url,
        'GET',
        '/api/v1/tiering/distribution',
      )
    ).body.items;
    const pick = dist
      .filter((d) => d.tier !== 'A' && d.subjects > 0 && d.subjects <= 20)
      .sort((a, b) => b.subjects - a.subjects)[0];
    expect(pick).toBeDefined();
    const api = await http<{ items: { name: string }[] }>(
      j.t.url,
      'GET',
      `/api/v1/subjects?industry=${pick.industry}&tier=${pick.tier}&limit=20`,
    );
    expect(api.status).toBe(200);
    const expected = api.body.items.map((s) => s.name);
    expect(expected).toHaveLength(pick.subjects);

    await page.locator('.ant-menu-item', { hasText: '主体查询' }).click();
    await page.getByTestId('search-name').fill('');
    // The tier waits for an industry (a tier is defined per industry).
    expect(await page.locator('#tier').isDisabled()).toBe(true);
    await page.locator('#industry').click();
    const industryZh = { tax: '税务', construction: '建设工程', food_drug: '食品药品', fire_safety: '消防安全' }[
      pick.industry
    ]!;
    await page.locator('.ant-select-item-option', { hasText: industryZh }).click();
    await page.locator('#tier').click();
    // Letter grades as "B B级"; M and N by name (新设立, 未评价: no letter grade).
    const named = (x: string) => `${x} ${({ M: '新设立', N: '未评价' } as Record<string, string>)[x] ?? `${x}级`}`;
    const tierOptions = page.locator('.ant-select-item-option', { hasText: /^[ABMNCD] ([ABCD]级|新设立|未评价)$/ });
    await tierOptions.first().waitFor();
    const offered = await tierOptions.allInnerTexts();
    expect(offered.map((o) => o.trim())).toEqual(
      (pick.industry === 'tax' ? ['A', 'B', 'M', 'N', 'C', 'D'] : ['A', 'B', 'C', 'D']).map(named),
    );
    await tierOptions.filter({ hasText: named(pick.tier) }).click();
    const answered = page.waitForResponse(
      (r) => r.url().includes('/api/v1/subjects?') && r.url().includes(`tier=${pick.tier}`),
    );
    await page.getByTestId('search').click();
    expect((await answered).status()).toBe(200);
    const rows = page.locator('[data-testid="subjects-table"] .ant-table-row');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(expected.length);
    expect(await rows.locator('td:first-child a').allInnerTexts()).toEqual(expected);
    // The tier column: colour and text, never colour alone.
    const tags = rows.locator(`[data-tier="${pick.tier}"]`);
    await expect(tags.count()).resolves.toBe(expected.length);
    expect((await tags.first().innerText()).trim()).toBe(named(pick.tier));
    // N 未评价 has a neutral colour of its own (cyan), apart from M's grey.
    const colour = { B: 'processing', M: 'default', N: 'cyan', C: 'warning', D: 'error' }[pick.tier]!;
    expect(await tags.first().getAttribute('class')).toContain(colour);
    await shot('subjects-by-tier');
  });

  it('finds a natural person by ID number without the number leaving the form', async () => {
    const { page, shot } = j;
    await page.locator('.ant-menu-item', { hasText: '主体查询' }).click();
    await page.getByTestId('lookup-id').fill(person.idNumber);
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/subjects/lookup'));
    await page
      .getByRole('button', { name: /查\s*询/ })
      .last()
      .click();
    const request = await sent;
    expect(request.method()).toBe('POST');
    expect(JSON.parse(request.postData()!)).toEqual({ idNumber: person.idNumber });
    await page.getByRole('heading', { name: person.name }).waitFor();
    expect(page.url()).not.toContain(person.idNumber);
    const masked = person.idNumber.slice(0, 6) + '********' + person.idNumber.slice(-4);
    await page.getByText(masked).first().waitFor();
    await shot('natural-person');
  });
});
