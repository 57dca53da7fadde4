/**
 * How long a list entry (名单) lasts, per list, by the law that creates the list (domain.md §3 and §8).
 * Pure. A list whose law fixes a term never stays open-ended: either the source gives the end date
 * (checked against the law's bounds) or the law's single term applies.
 *
 * - 失信被执行人 (法释〔2017〕7号 Arts. 1–2) [v]: ground (1) 有履行能力而拒不履行 has no term — the entry
 *   stays until the court deletes it (Art. 10: recorded as `endedAt`), so an end date is refused; grounds
 *   (2)–(6) are listed 2 years, extendable by 1–3 years (so at most 5 years), the court may delete early.
 * - 政府采购严重违法失信行为记录名单 (政府采购法 Art. 77) [v]: the decision fixes 1–3 years of exclusion; the
 *   end date is required and must lie 1 to 3 years after the listing.
 * - 重大税收违法失信主体 (国家税务总局令第54号) [s]: published for a fixed period stated by the tax office;
 *   the end date is required (the figure of 3 years is only known from secondary sources, so it is not
 *   used to fill a missing date or to bound a given one).
 * - 严重失信主体名单 (generic), 经营异常名录, 重点关注名单, 守信红名单: no national term found (for 重点关注名单 the
 *   commerce field caps it at 2 years [s], other fields differ) — in force until the source
 *   removes the entry (`endedAt`), or until the end date the source gives.
 */
import { addMonths, parseDate } from '../shared/calendar';
import type { ListKind } from './publicity';

export const COURT_DEFAULTER_GROUNDS = [1, 2, 3, 4, 5, 6] as const;
export type CourtDefaulterGround = (typeof COURT_DEFAULTER_GROUNDS)[number];

/** 失信被执行人 grounds (2)–(6) are listed 2 years when the court gives no period (法释〔2017〕7号 Art. 2). */
export const COURT_DEFAULTER_DEFAULT_MONTHS = 24;
/** 2 years + an extension of at most 3 years (Art. 2). */
export const COURT_DEFAULTER_MAX_MONTHS = 60;
/** 政府采购法 Art. 77: 一至三年内禁止参加政府采购活动. */
export const PROCUREMENT_BAN_MONTHS: readonly [number, number] = [12, 36];

export interface ListEntry {
  readonly list: ListKind;
  /** Date the subject was listed, 'YYYY-MM-DD'. */
  readonly listedDate: string;
  /** End date given by the source (exclusive), if any. */
  readonly endDate?: string | null;
  /** 失信被执行人: the ground of 法释〔2017〕7号 Art. 1 (1–6). */
  readonly ground?: number | null;
}

export type ListTermKind = 'court' | 'term-in-decision' | 'until-removed';

export interface ListTermRule {
  readonly kind: ListTermKind;
  readonly basis: string;
  readonly status: 'verified' | 'secondary' | 'none-found';
}

export const LIST_TERM_RULES: Readonly<Record<ListKind, ListTermRule>> = {
  court_defaulter: {
    kind: 'court',
    basis: '法释〔2017〕7号 最高人民法院关于公布失信被执行人名单信息的若干规定 Arts. 1, 2, 10',
    status: 'verified',
  },
  procurement_dishonesty: { kind: 'term-in-decision', basis: '中华人民共和国政府采购法 Art. 77', status: 'verified' },
  major_tax_violation: {
    kind: 'term-in-decision',
    basis: '国家税务总局令第54号 重大税收违法失信主体信息公布管理办法',
    status: 'secondary',
  },
  serious_dishonesty: {
    kind: 'until-removed',
    basis: 'the basis of each list (no national term)',
    status: 'none-found',
  },
  abnormal_operation: { kind: 'until-removed', basis: 'no national term found', status: 'none-found' },
  key_attention: {
    kind: 'until-removed',
    basis: 'the basis of each key-attention list (commerce: at most 2 years [s]; no national term)',
    status: 'none-found',
  },
  red_list: { kind: 'until-removed', basis: 'local red-list rules', status: 'none-found' },
};

export interface ListTermError {
  readonly field: 'listEndDate' | 'listGround';
  readonly reason: string;
}

const given = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

/** Why an entry breaks its list's term rule (empty when it is fine). Dates must be valid. */
export function listTermErrors(entry: ListEntry): ListTermError[] {
  parseDate(entry.listedDate);
  if (given(entry.endDate)) parseDate(entry.endDate);
  const errors: ListTermError[] = [];
  const end = entry.endDate ?? null;
  if (entry.list !== 'court_defaulter' && given(entry.ground))
    errors.push({ field: 'listGround', reason: 'applies only to listType court_defaulter (失信被执行人)' });
  switch (entry.list) {
    case 'court_defaulter': {
      if (!given(entry.ground) || !(COURT_DEFAULTER_GROUNDS as readonly number[]).includes(entry.ground)) {
        errors.push({
          field: 'listGround',
          reason:
            'is required for court_defaulter: the ground of 法释〔2017〕7号 Art. 1, 1–6 (1 = 有履行能力而拒不履行, no term; 2–6 = listed 2 years, extendable 1–3 years)',
        });
      } else if (entry.ground === 1 && end !== null) {
        errors.push({
          field: 'listEndDate',
          reason:
            'must be absent for ground 1 (有履行能力而拒不履行): the listing has no term and ends only when the court deletes it (record endedAt)',
        });
      } else if (end !== null && end > addMonths(entry.listedDate, COURT_DEFAULTER_MAX_MONTHS)) {
        errors.push({
          field: 'listEndDate',
          reason: `must be at most 5 years after decisionDate (2 years + an extension of 1–3 years, 法释〔2017〕7号 Art. 2): latest ${addMonths(entry.listedDate, COURT_DEFAULTER_MAX_MONTHS)}`,
        });
      }
      break;
    }
    case 'procurement_dishonesty': {
      const [lo, hi] = PROCUREMENT_BAN_MONTHS.map((m) => addMonths(entry.listedDate, m));
      if (end === null)
        errors.push({
          field: 'listEndDate',
          reason:
            'is required for procurement_dishonesty: the decision fixes 1–3 years of exclusion (政府采购法 Art. 77); an entry is never open-ended',
        });
      else if (end < lo || end > hi)
        errors.push({
          field: 'listEndDate',
          reason: `must be 1 to 3 years after decisionDate (政府采购法 Art. 77): between ${lo} and ${hi}`,
        });
      break;
    }
    case 'major_tax_violation':
      if (end === null)
        errors.push({
          field: 'listEndDate',
          reason:
            'is required for major_tax_violation: 重大税收违法失信主体 are published for a fixed period (国家税务总局令第54号); give the end of publication',
        });
      break;
    case 'serious_dishonesty':
    case 'abnormal_operation':
    case 'key_attention':
    case 'red_list':
      break;
  }
  return errors;
}

/**
 * End of a list entry (exclusive): the source's end date when given; for 失信被执行人 on grounds (2)–(6)
 * without one, 2 years after listing; otherwise null (in force until the court or the source removes it).
 * A court listing with no ground recorded (stored before grounds were kept) gets no default: its term is
 * unknown, and the data-quality report names it.
 */
export function listEntryEnd(entry: ListEntry): string | null {
  parseDate(entry.listedDate);
  if (given(entry.endDate)) {
    parseDate(entry.endDate);
    return entry.endDate;
  }
  if (entry.list === 'court_defaulter' && given(entry.ground) && entry.ground >= 2)
    return addMonths(entry.listedDate, COURT_DEFAULTER_DEFAULT_MONTHS);
  return null;
}
