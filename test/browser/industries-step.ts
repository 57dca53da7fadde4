import type { Dto } from '../helpers/api-types';
import { http } from '../helpers/app';
import type { Journey } from './harness';
import { INDUSTRY_BY_ID } from '../../src/rules/shared';

/**
 * The subject page's 行业归属 card (a key with `tiers`): each industry as GET /subjects/{id}/industries answers
 * it (属于 / 不属于, every basis in words, why not); then a department excludes the subject from one of its
 * industries (not tax: every taxpayer) from the card's form: that tier goes, the row says why, the decision and
 * the history row are listed; the exclusion withdrawn, the records and the code have their say again and the
 * same tier appears. A reason of blanks is refused under the field first, nothing sent.
 */
export async function industriesCardStep(j: Journey, subjectId: string): Promise<void> {
  const { page, shot } = j;
  const membership = (
    await http<Dto<'SubjectIndustriesDto'>>(j.t.url, 'GET', `/api/v1/subjects/${subjectId}/industries`)
  ).body;
  const card = page.getByTestId('industries-card');
  await card.locator('[data-testid^="industry-"]').first().waitFor();
  expect(await card.locator('.ant-card-head-title').innerText()).toBe('行业归属');
  const whyNot = { kind: '主体类型不适用', 'no-basis': '无归属依据', excluded: '部门排除认定' };
  for (const m of membership.industries) {
    const shown = card.getByTestId(`industry-${m.industry}`);
    expect(await shown.locator('.ant-tag').first().innerText()).toBe(m.member ? '属于' : '不属于');
    if (m.outside) expect(await shown.innerText()).toContain(whyNot[m.outside]);
  }
  const members = membership.industries.filter((m) => m.member);
  expect(members.length).toBeGreaterThan(0);
  // Every basis the API gives, in words: a record, the industry code, a decision, every subject of the pack's kinds.
  const words = (industry: string, b: Dto<'MembershipBasisDto'>) =>
    ({
      record: '依据：',
      industry_code: `行业代码 ${b.industryCode}`,
      assigned: `部门认定：${b.reason}`,
      every_subject: industry === 'tax' ? '全部纳税主体' : '本行业全部适用主体',
    })[b.source];
  for (const m of members) {
    const text = await card.getByTestId(`industry-${m.industry}`).innerText();
    for (const b of m.bases) expect(text).toContain(words(m.industry, b));
  }
  // A department excludes the hotel from one of its industries (not tax: every taxpayer): that tier goes and the
  // row says why; the exclusion withdrawn, the records and the code have their say again and the tier appears.
  const target = members.find((m) => m.industry !== 'tax') ?? members[0];
  const industry = target.industry;
  const industryZh = INDUSTRY_BY_ID[industry].nameZh;
  const tierBox = page.getByTestId(`tier-${industry}`);
  const held = (await http<Dto<'SubjectTiersDto'>>(j.t.url, 'GET', `/api/v1/subjects/${subjectId}/tiers`)).body.tiers;
  const was = held.find((x) => x.industry === industry)!;
  expect(await tierBox.locator('[data-tier]').first().getAttribute('data-tier')).toBe(was.tier);

  const decide = async (choice: string, reason: string, method: string) => {
    await page.locator('#industryDecision_industry').click();
    await page.locator('.ant-select-item-option', { hasText: industryZh }).click();
    await card.getByText(choice, { exact: true }).click();
    await page.getByTestId('decision-reason').fill(reason);
    const answered = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/v1/subjects/${subjectId}/industries/${industry}`) && r.request().method() === method,
    );
    await page.getByTestId('decision-submit').click();
    expect((await answered).status()).toBe(200);
  };
  // A reason of blanks is refused under the field, nothing sent.
  await page.locator('#industryDecision_industry').click();
  await page.locator('.ant-select-item-option', { hasText: industryZh }).click();
  await page.getByTestId('decision-reason').fill('   ');
  await page.getByTestId('decision-submit').click();
  await card.getByText('请填写认定或撤回的理由').waitFor();
  const still = await http<Dto<'SubjectIndustriesDto'>>(j.t.url, 'GET', `/api/v1/subjects/${subjectId}/industries`);
  expect(still.body.assignments).toEqual(membership.assignments);

  await decide('排除', '经核查，该单位不属于本部门监管对象', 'PUT');
  await tierBox.waitFor({ state: 'detached' });
  const row = card.getByTestId(`industry-${industry}`);
  await row.filter({ hasText: '部门排除认定' }).waitFor();
  expect(await row.locator('.ant-tag').first().innerText()).toBe('不属于');
  expect(await row.innerText()).toContain('部门排除认定：经核查，该单位不属于本部门监管对象');
  const decisions = card.locator('[data-testid="assignments-table"] .ant-table-row');
  await decisions.filter({ hasText: '现行有效' }).waitFor();
  await expect(decisions.count()).resolves.toBe(1);
  expect(await decisions.first().innerText()).toContain('排除');
  await page
    .locator('[data-testid="history-table"] .ant-table-row', { hasText: '行业归属认定：排除' })
    .first()
    .waitFor();
  await shot('subject-industry-excluded');

  await decide('撤回现行认定', '认定有误，予以撤回', 'DELETE');
  await tierBox.waitFor();
  const after = (await http<Dto<'SubjectTiersDto'>>(j.t.url, 'GET', `/api/v1/subjects/${subjectId}/tiers`)).body.tiers;
  const back = after.find((x) => x.industry === industry)!;
  expect(back.tier).toBe(was.tier);
  expect(await tierBox.locator('[data-tier]').first().getAttribute('data-tier')).toBe(back.tier);
  await row.filter({ hasText: '属于' }).locator('[data-tier]').waitFor();
  expect(await row.locator('.ant-tag').first().innerText()).toBe('属于');
  await decisions.filter({ hasText: '认定有误，予以撤回' }).waitFor();
  expect(await decisions.first().innerText()).not.toContain('现行有效');
}
