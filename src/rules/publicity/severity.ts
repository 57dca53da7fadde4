/**
 * The grade of a penalty (失信程度) where NDRC 令第36号 fixes it by the penalty type (domain.md §8 [s]):
 * minor (轻微) — warnings, public criticism (and simple-procedure penalties); general (一般) — 较大数额罚款,
 * confiscation; serious (严重) — licence revocation, 巨额罚款, employment restriction, closure.
 * Pure. Where 36号 leaves the grade to the deciding department (a fine under the large-fine figure, a
 * suspension, a licence suspension, a qualification downgrade, …) the caller's grade is kept, within
 * the floor the other penalty types of the same decision set (several types → the most serious one).
 *
 * The large-fine figure is 200万元 (财库〔2022〕3号 [s], the national figure for 政府采购法实施条例 Art. 19).
 * 巨额罚款 has no national figure: a large fine is never graded serious by amount alone.
 */
import type { RecordSeverity } from './publicity';

export const SEVERITY_ORDER: readonly RecordSeverity[] = ['minor', 'general', 'serious'];
/** 较大数额罚款, 万元 (财库〔2022〕3号). */
export const LARGE_FINE_WAN_YUAN = 200;

const SERIOUS_TYPES = ['licence_revocation', 'employment_restriction', 'closure'] as const;
const GENERAL_TYPES = ['confiscation'] as const;
const MINOR_ONLY_TYPES = ['warning', 'public_criticism'] as const;

const TYPE_ZH: Record<string, string> = {
  licence_revocation: '吊销许可证件',
  employment_restriction: '限制从业',
  closure: '责令关闭',
  confiscation: '没收违法所得、没收非法财物',
  warning: '警告',
  public_criticism: '通报批评',
};

export interface SeverityRange {
  readonly min: RecordSeverity;
  readonly max: RecordSeverity;
  /** Why, in words an officer reads (Chinese beside English). */
  readonly because: string;
}

const rank = (s: RecordSeverity): number => SEVERITY_ORDER.indexOf(s);

/** The grades 令第36号 allows for a decision with these penalty types and this fine (万元). */
export function severityRange(penaltyTypes: readonly string[], fineAmount?: number | null): SeverityRange {
  const serious = SERIOUS_TYPES.filter((t) => penaltyTypes.includes(t));
  if (serious.length)
    return {
      min: 'serious',
      max: 'serious',
      because: `${serious.map((t) => `${t} (${TYPE_ZH[t]})`).join(', ')} is serious information (严重失信信息) under 令第36号`,
    };
  const general: string[] = GENERAL_TYPES.filter((t) => penaltyTypes.includes(t)).map((t) => `${t} (${TYPE_ZH[t]})`);
  if (fineAmount !== undefined && fineAmount !== null && fineAmount >= LARGE_FINE_WAN_YUAN)
    general.push(`a fine of ${LARGE_FINE_WAN_YUAN}万元 or more (较大数额罚款, 财库〔2022〕3号)`);
  if (general.length)
    return {
      min: 'general',
      max: 'serious',
      because: `${general.join(', ')} is at least general information (一般失信信息) under 令第36号`,
    };
  if (penaltyTypes.length && penaltyTypes.every((t) => (MINOR_ONLY_TYPES as readonly string[]).includes(t)))
    return {
      min: 'minor',
      max: 'minor',
      because: `${penaltyTypes.map((t) => `${t} (${TYPE_ZH[t]})`).join(', ')} alone is minor information (轻微失信信息) under 令第36号`,
    };
  return { min: 'minor', max: 'serious', because: 'the grade is left to the deciding department (令第36号)' };
}

/** The grade 36号 fixes (min = max), or null when the department chooses. */
export function derivedSeverity(penaltyTypes: readonly string[], fineAmount?: number | null): RecordSeverity | null {
  const r = severityRange(penaltyTypes, fineAmount);
  return r.min === r.max ? r.min : null;
}

/** Null when `severity` fits the penalty; otherwise the reason it contradicts it. */
export function severityContradiction(
  severity: RecordSeverity,
  penaltyTypes: readonly string[],
  fineAmount?: number | null,
): string | null {
  const r = severityRange(penaltyTypes, fineAmount);
  if (rank(severity) < rank(r.min)) return `must be at least ${r.min}, not ${severity}: ${r.because}`;
  if (rank(severity) > rank(r.max)) return `must be ${r.max}, not ${severity}: ${r.because}`;
  return null;
}
