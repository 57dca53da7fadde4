/**
 * Suggestions for improvement (信用提升建议) of a credit report: for each negative record shown, how and from
 * when it can stop being published — credit repair (信用修复, 令第36号 / 令第58号 by the record's rule version,
 * the repair-notice data), performance of the judgment for 失信被执行人 (SPC rules 2017), or nothing to do
 * but wait for the publicity end. Pure.
 */
import type { RecordView } from '../records/record.view';
import { repairNoticeOf } from '../records/repair-notice';

export interface Suggestion {
  readonly recordId: string | null;
  readonly decisionNumber: string | null;
  /** The department that recognised the record and decides on its repair ("谁认定、谁修复"). */
  readonly department: string | null;
  readonly route: 'credit_repair' | 'perform_judgment' | 'await_term_end' | 'keep_good_record';
  /** Repair may be applied for from this date (最短公示期届满); null: at once, the department judges. */
  readonly earliestRepairDate: string | null;
  readonly canApplyNow: boolean;
  /** Publication stops by itself on this date (最长公示期届满 / 名单期限届满). */
  readonly publicityEnds: string | null;
  readonly ruleVersion: string | null;
  readonly textZh: string;
  readonly text: string;
}

const negative = (r: RecordView): boolean =>
  r.type === 'penalty' ||
  (r.type === 'list_entry' && r.listType !== 'red_list') ||
  (r.type === 'commitment' && r.commitmentStatus === 'breached');

export function suggestionsFor(records: readonly RecordView[], asOf: string): Suggestion[] {
  const out: Suggestion[] = [];
  for (const r of records.filter(negative)) {
    const base = {
      recordId: r.id,
      decisionNumber: r.decisionNumber,
      department: r.source,
      publicityEnds: r.publicityEnd,
      ruleVersion: r.ruleVersion,
    };
    if (r.type === 'list_entry' && r.listType === 'court_defaulter') {
      out.push(courtListing(r, base));
      continue;
    }
    if (r.type === 'list_entry' && r.listType === 'procurement_dishonesty') {
      // 政府采购法 Art. 77: the ban runs its term and cannot be repaired away early (实施条例 Art. 19 ¶2).
      out.push({
        ...base,
        route: 'await_term_end',
        earliestRepairDate: null,
        canApplyNow: false,
        textZh: `禁止参加政府采购活动的期限届满（${r.publicityEnd ?? '以处理决定为准'}）后自动恢复，不适用信用修复提前移出（${r.decisionNumber}）。`,
        text: `The procurement ban runs its term (until ${r.publicityEnd ?? 'the date in the decision'}); it is not ended early by credit repair (${r.decisionNumber}).`,
      });
      continue;
    }
    const notice = r.type === 'commitment' ? null : repairNoticeOf(r);
    const earliest = notice?.earliestRepairDate ?? null;
    const canApplyNow = earliest === null || asOf >= earliest;
    const when = canApplyNow ? '现在即可' : `自 ${earliest} 起`;
    out.push({
      ...base,
      route: 'credit_repair',
      earliestRepairDate: earliest,
      canApplyNow,
      textZh: `${when}向认定部门（${r.source}）或"信用中国"网站申请信用修复（${r.decisionNumber}）：纠正失信行为、履行义务，并作出公开信用承诺${r.publicityEnd ? `；${r.publicityEnd} 公示期满后自动停止公示` : ''}。`,
      text: `${canApplyNow ? 'Credit repair can be applied for now' : `Credit repair can be applied for from ${earliest}`} with the recognising department (${r.source}) or via 信用中国, for ${r.decisionNumber}: correct the conduct, fulfil the obligations and make a public credit commitment${r.publicityEnd ? `; publication stops by itself on ${r.publicityEnd}` : ''}.`,
    });
  }
  if (!out.length) {
    out.push({
      recordId: null,
      decisionNumber: null,
      department: null,
      route: 'keep_good_record',
      earliestRepairDate: null,
      canApplyNow: false,
      publicityEnds: null,
      ruleVersion: null,
      textZh: '无需修复的失信信息。保持守法诚信经营，可主动作出信用承诺、申报守信激励。',
      text: 'No negative record to repair. Keep a good record; consider public credit commitments and applying for trustworthiness incentives.',
    });
  }
  return out;
}

/**
 * 失信被执行人 (法释〔2017〕7号): only the court ends the listing. Ground (1) 有履行能力而拒不履行 has no term;
 * grounds (2)–(6) end at the listing's term. A listing stored without its ground states no end date: the
 * 2-year term applies to grounds (2)–(6) only, so telling the subject "2 years" could be false.
 */
function courtListing(
  r: RecordView,
  base: Pick<Suggestion, 'recordId' | 'decisionNumber' | 'department' | 'ruleVersion'>,
): Suggestion {
  const perform = `履行生效法律文书确定的义务后，由人民法院删除失信被执行人信息（${r.decisionNumber}）`;
  const performEn = `Perform the obligations of the judgment: the court then deletes the listing (${r.decisionNumber})`;
  const common = { ...base, route: 'perform_judgment' as const, earliestRepairDate: null, canApplyNow: true };
  if (r.listGround !== null && r.listGround >= 2)
    return {
      ...common,
      publicityEnds: r.publicityEnd,
      textZh: `${perform}；未履行的，名单期限至 ${r.publicityEnd ?? '人民法院决定之日'}。`,
      text: `${performEn}; otherwise it lasts until ${r.publicityEnd ?? 'the court decides'}.`,
    };
  if (r.listGround === 1)
    return {
      ...common,
      publicityEnds: null,
      textZh: `${perform}。因有履行能力而拒不履行被列入的，不设期限，直至人民法院删除。`,
      text: `${performEn}. A listing for refusing to perform while able to (ground 1) has no term: it lasts until the court deletes it.`,
    };
  return {
    ...common,
    publicityEnds: null,
    textZh: `${perform}。列入情形未登记，名单期限以人民法院决定为准。`,
    text: `${performEn}. The ground of the listing is not recorded: its term is what the court decides.`,
  };
}
