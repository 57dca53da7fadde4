/**
 * Which rule ends a negative record (issue 14, point 5): repair eligibility, the repair notice and the
 * credit report follow the record's own rule, not one generic flow. Pure.
 *
 * - 失信被执行人: only the court ends the listing (deletion on performance, 法释〔2017〕7号 Art. 10); a credit
 *   office does not repair it.
 * - Procurement ban (政府采购严重违法失信行为记录名单): the exclusion of 1–3 years runs its term; the supplier is
 *   readmitted when it expires (政府采购法 Art. 77, 实施条例 Art. 19 ¶2); it cannot be repaired away early.
 * - 重大税收违法失信主体: early stop of publication on application to the tax office, under 国家税务总局令第54号.
 * - Market-regulation penalties (food, drugs, special equipment): repaired under 国市监信规〔2021〕3号.
 * - Otherwise credit repair under the record's rule version (令第58号 / 令第36号); under 令第36号 serious
 *   information (严重失信信息) has a 1-year minimum before repair, list entries included.
 */
import { addMonths } from '../../rules/shared';
import { NDRC_36_IN_FORCE } from '../../rules/publicity';
import type { RecordView } from './record.view';

export type RepairRule =
  | { readonly kind: 'court'; readonly why: string }
  | { readonly kind: 'term'; readonly why: string }
  | { readonly kind: 'repair'; readonly earliestRepairDate: string | null; readonly ruleText: string };

const RULE_TEXT: Record<string, string> = {
  'NDRC-36': '《信用修复管理办法》（国家发展改革委令第36号，2026年4月1日起施行）',
  'NDRC-58': '国家发展改革委令第58号（适用于2026年4月1日前作出的决定）',
};
const SAMR_TEXT = '国市监信规〔2021〕3号（市场监督管理领域行政处罚信息的信用修复）';
const TAX_TEXT = '《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）：向税务机关申请提前停止公布';

/** Null for records with nothing to end (licences, red lists, tax levels, inspections, commitments). */
export function repairRuleOf(r: RecordView): RepairRule | null {
  if (r.type === 'list_entry') {
    if (r.listType === 'red_list' || r.listType === null) return null;
    if (r.listType === 'court_defaulter')
      return {
        kind: 'court',
        why: 'a 失信被执行人 listing, ended only by the court that listed it (法释〔2017〕7号 Art. 10): a credit office does not repair it',
      };
    if (r.listType === 'procurement_dishonesty')
      return {
        kind: 'term',
        why: `a procurement ban (政府采购严重违法失信行为记录名单) that runs its term${r.publicityEnd ? ` to ${r.publicityEnd}` : ''} and cannot end early (政府采购法 Art. 77, 实施条例 Art. 19 ¶2)`,
      };
  } else if (r.type !== 'penalty') return null;
  const seriousFloor =
    r.severity === 'serious' && r.decisionDate >= NDRC_36_IN_FORCE ? addMonths(r.decisionDate, 12) : null;
  const earliest =
    [r.publicityMinEnd, seriousFloor]
      .filter((d): d is string => d !== null)
      .sort()
      .pop() ?? null;
  const samr = r.type === 'penalty' && (r.industry === 'food_drug' || r.sector === 'special_equipment');
  const ruleText =
    r.listType === 'major_tax_violation'
      ? TAX_TEXT
      : samr
        ? SAMR_TEXT
        : ((r.ruleVersion && RULE_TEXT[r.ruleVersion]) ?? '适用的信用修复规定');
  return { kind: 'repair', earliestRepairDate: earliest, ruleText };
}
