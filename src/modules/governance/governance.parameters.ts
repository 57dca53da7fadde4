/**
 * Parameters of the "屡禁不止、屡罚不改" special governance (专项治理, district plan task 13).
 *
 * No national text defining who is a governance object was read (searched 2026-12-07 for the 国家发展改革委
 * notices of the 严重违法失信行为专项治理: none found in the corpora). One district's campaign was seen in a faithful
 * secondary report (璧山区发展改革委, bishan.cbg.cn 2023-04-27: subjects listed as seriously dishonest 10+ times, or
 * penalised 10+ times, within 3 years, not fully corrected and still published) — a district reading, not national.
 * So what makes a proposal here is a LOCAL PARAMETER of the credit office: the same subject penalised at least
 * `minPenalties` times for the same violation type (违法行为类型, the penalty's `violationType`) with decision dates
 * in the last `windowMonths` months. A proposal is only a proposal: the credit office accepts or declines it.
 */
export const GOVERNANCE_PARAMETERS = {
  /** Local parameter: penalties for the same violation type that make a proposal (屡罚不改). */
  minPenalties: 3,
  /** Local parameter: the window, in months up to the day asked about. */
  windowMonths: 36,
} as const;

export const GOVERNANCE_PARAMETERS_BASIS =
  'local parameter (no national definition of the governance object read; 璧山区 2023 campaign [secondary]: 10+ penalties or listings in 3 years)';

/** The district plan's targets these views serve (区“十四五”信用规划 tasks 13 and 14). */
export const GOVERNANCE_TARGETS = {
  exitRate: '治理对象退出率达到100% (task 13)',
  publicBodyRectificationRate: '事业单位失信被执行人整改到位率100% (task 14)',
} as const;

export const ENTRY_STATUSES = ['open', 'rectified', 'repaired', 'closed_other'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const EXIT_STATUSES = ['rectified', 'repaired', 'closed_other'] as const;
export type ExitStatus = (typeof EXIT_STATUSES)[number];

/**
 * The key-attention list (重点关注名单) is the records module's list type `key_attention` (fact keyAttentionListed):
 * no measure rests on it in the codebase (none found in its sources). Closer supervision (加强监管) of transport
 * subjects that would be listed is the transport pack's tier rule `transport-key-attention` (交政研发〔2018〕181号
 * Art. 2 ¶2, verified); medical and housekeeping carry similar local tier rules. This view adds nothing to them.
 */
export const KEY_ATTENTION_NOTE =
  'No measure rests on the 重点关注名单 itself (none found in its sources). Closer supervision (加强监管) is carried by tier rules: transport-key-attention (交政研发〔2018〕181号 Art. 2 ¶2), medical-key-supervision and housekeeping-key-attention (local readings), which lower the tier and so raise the inspection frequency.';
