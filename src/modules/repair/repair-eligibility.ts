/**
 * Whether a credit record may be repaired today, and from when (pure: the record and today are inputs).
 *
 * - Repaired: penalties (行政处罚), negative list entries (失信名单, not the red list) and breached credit
 *   commitments (违背信用承诺, 国办发〔2020〕42号: an applicant with an earlier false commitment may use
 *   notify-and-commit again once repaired). Licences, red lists, tax levels, inspections, pending or
 *   fulfilled commitments have nothing to repair.
 * - Only a record in force: not revoked, repaired or ended, and before its publicity end — publication stops
 *   by itself at the maximum (最长公示期届满), no application needed (令第36号, domain.md §4).
 * - Not a court listing (only the court ends it, 法释〔2017〕7号) nor a procurement ban (it runs its term,
 *   政府采购法 Art. 77): see records/repair-rule.ts.
 * - Not before the minimum publicity period (最短公示期) kept with the record under its rule version
 *   (令第58号 for decisions before 2026-04-01, 令第36号 from then). A record without one (a list entry, a
 *   breached commitment) may be applied for at once: the recognising department judges the evidence.
 */
import type { RecordView } from '../records/record.view';
import { repairRuleOf } from '../records/repair-rule';
import { RecordNotInForce, RecordNotRepairable, RepairTooEarly } from './repair.exception';

export interface Repairable {
  /** The recognising department (认定部门): the record's source. */
  readonly department: string;
  readonly earliestRepairDate: string | null;
}

export function repairableKind(r: RecordView): string | null {
  if (r.type === 'penalty') return null;
  if (r.type === 'list_entry') {
    if (r.listType === 'red_list') return 'a red-list entry (守信红名单)';
    const rule = repairRuleOf(r);
    return rule && rule.kind !== 'repair' ? rule.why : null;
  }
  if (r.type === 'commitment')
    return r.commitmentStatus === 'breached' ? null : `a ${r.commitmentStatus ?? 'pending'} commitment`;
  return `a ${r.type} record`;
}

/** Throws the problem that refuses the application, or says who decides and from when. */
export function assertRepairable(r: RecordView, today: string): Repairable {
  const notRepairable = repairableKind(r);
  if (notRepairable) throw new RecordNotRepairable(r.id, notRepairable);
  if (r.revokedAt) throw new RecordNotInForce(r.id, `was revoked on ${r.revokedAt}`);
  if (r.repairedAt) throw new RecordNotInForce(r.id, `was already repaired on ${r.repairedAt}`);
  if (r.endedAt) throw new RecordNotInForce(r.id, `ended on ${r.endedAt}`);
  if (r.publicityEnd && r.publicityEnd <= today)
    throw new RecordNotInForce(r.id, `stopped being published by itself on ${r.publicityEnd} (最长公示期届满)`);
  if (r.decisionDate > today) throw new RecordNotInForce(r.id, `is not decided until ${r.decisionDate}`);
  const rule = repairRuleOf(r);
  const earliest = rule?.kind === 'repair' ? rule.earliestRepairDate : r.publicityMinEnd;
  if (earliest && today < earliest) throw new RepairTooEarly(r.id, earliest, today);
  return { department: r.source, earliestRepairDate: earliest };
}
