import type { RecordView } from './record.view';
import { repairRuleOf } from './repair-rule';

/**
 * The data of a credit repair notice (信用修复告知书), served with a penalty decision (綦江区 plan, task 12:
 * 同步送达行政处罚决定书和信用修复告知书). Windows follow the rule version kept with the record: NDRC 令第58号
 * for decisions before 2026-04-01, 令第36号 from then on (domain.md §4).
 */
export interface RepairNotice {
  readonly recordId: string;
  readonly decisionNumber: string;
  /** The department that recognised the record repairs it ("谁认定、谁修复"). */
  readonly recognisingDepartment: string;
  readonly decisionDate: string;
  readonly severity: string | null;
  readonly ruleVersion: string | null;
  readonly ruleText: string;
  /** Repair may be applied for from this date (最短公示期届满). */
  readonly earliestRepairDate: string | null;
  /** Publication stops by itself on this date (最长公示期届满). */
  readonly publicityEnds: string | null;
  readonly howToApply: readonly string[];
}

export function repairNoticeOf(r: RecordView): RepairNotice | null {
  // Court listings and procurement bans are not repaired (repair-rule.ts): no notice.
  const rule = repairRuleOf(r);
  if (rule?.kind !== 'repair') return null;
  const earliest = rule.earliestRepairDate;
  return {
    recordId: r.id,
    decisionNumber: r.decisionNumber,
    recognisingDepartment: r.source,
    decisionDate: r.decisionDate,
    severity: r.severity,
    ruleVersion: r.ruleVersion,
    ruleText: rule.ruleText,
    earliestRepairDate: earliest,
    publicityEnds: r.publicityEnd,
    howToApply: [
      '履行行政处罚决定规定的义务，纠正失信行为、消除不良影响 (fulfil the obligations of the decision and correct the conduct)',
      `${earliest ? `自 ${earliest} 起，` : '无最短公示期，即可'}向认定部门（${r.source}）或"信用中国"网站提出信用修复申请 (apply ${earliest ? `from ${earliest}` : 'at once: no minimum publicity period'} to the recognising department or via 信用中国; in this service: POST /api/v1/repair-applications with recordId ${r.id})`,
      '提交信用修复申请书和公开的信用承诺书 (submit the application with a public credit commitment)',
      `最长公示期届满（${r.publicityEnd ?? '按规定期限'}）后停止公示，无需申请 (publication stops by itself at the maximum)`,
    ],
  };
}
