/**
 * Meaning carried by colour, always with text (console conventions): tiers, verdicts, legal-basis status.
 * Colours are Ant Design's Tag presets (success, processing, default, warning, error) or named colours.
 */
import { INDUSTRIES, INDUSTRY_DEFINITIONS, type Industry } from '../../../src/rules/shared/industries';

export type Lang = 'zh' | 'en';

export const TIERS = ['AAA', 'AA', 'A', 'B', 'M', 'N', 'C', 'D', 'E', 'BL'] as const;

export const TIER_TAG: Record<string, string> = {
  AAA: 'green',
  AA: 'green',
  A: 'success',
  B: 'processing',
  M: 'default',
  N: 'cyan',
  C: 'warning',
  D: 'error',
  E: 'error',
  BL: 'magenta',
};
/** The same meaning in chart colours (Ant Design's palette: dark green, green, blue, grey, orange, red, dark red). */
export const TIER_CHART: Record<string, string> = {
  AAA: '#135200',
  AA: '#237804',
  A: '#52c41a',
  B: '#1677ff',
  M: '#8c8c8c',
  N: '#13c2c2',
  C: '#fa8c16',
  D: '#f5222d',
  E: '#a8071a',
  BL: '#820014',
};

/**
 * The industries with a tier pack (declared once, in the service's src/rules/shared/industries.ts), and each
 * one's tiers as the pack defines them (M 新设立 and N 未评价 only in tax), as the service's search accepts them.
 */
export const TIER_INDUSTRIES: readonly Industry[] = INDUSTRIES;
export type { Industry };
export function tiersOf(industry: string): Array<(typeof TIERS)[number]> {
  const own = INDUSTRY_DEFINITIONS.find((d) => d.id === industry)?.tiers as readonly string[] | undefined;
  return TIERS.filter((x) => (own ? own.includes(x) : ['A', 'B', 'C', 'D'].includes(x)));
}

export const VERDICT: Record<string, { color: string; zh: string; en: string }> = {
  block: { color: 'red', zh: '禁止', en: 'Blocked' },
  restrict: { color: 'orange', zh: '限制', en: 'Restricted' },
  scrutinise: { color: 'gold', zh: '重点审查', en: 'Scrutinise' },
  pass: { color: 'default', zh: '通过', en: 'Pass' },
  reward: { color: 'green', zh: '激励', en: 'Reward' },
};

export const EFFECT: Record<string, { color: string; zh: string; en: string }> = {
  block: VERDICT.block,
  restrict: VERDICT.restrict,
  scrutinise: VERDICT.scrutinise,
  facilitate: { color: 'green', zh: '便利', en: 'Facilitate' },
};

export const BASIS_STATUS: Record<string, { color: string; zh: string; en: string }> = {
  verified: { color: 'green', zh: '已核对原文', en: 'Verified' },
  secondary: { color: 'orange', zh: '二手来源', en: 'Secondary' },
  'local-parameter': { color: 'default', zh: '地方参数', en: 'Local parameter' },
};

export const INDUSTRY: Record<string, { zh: string; en: string }> = {
  ...Object.fromEntries(INDUSTRY_DEFINITIONS.map((d) => [d.id, { zh: d.nameZh, en: d.name }])),
  general: { zh: '综合', en: 'General' },
};

export const SCENARIOS: { code: string; zh: string; en: string }[] = [
  { code: 'tendering', zh: '招标投标', en: 'Tendering' },
  { code: 'government_procurement', zh: '政府采购', en: 'Government procurement' },
  { code: 'land_transfer', zh: '国有土地出让', en: 'Land transfer' },
  { code: 'government_funds', zh: '政府性资金', en: 'Government funds' },
  { code: 'awards_honours', zh: '评先评优', en: 'Awards and honours' },
  { code: 'financing', zh: '融资授信', en: 'Financing' },
  { code: 'bond_issuance', zh: '发行债券', en: 'Bond issuance' },
  // 信易+ scenarios (district plan task 17)
  { code: 'public_services', zh: '政务服务（信易批）', en: 'Public services (信易+)' },
  { code: 'rental_housing', zh: '住房租赁（信易租）', en: 'Rental housing (信易+)' },
  { code: 'transport_travel', zh: '交通出行（信易行）', en: 'Transport and travel (信易+)' },
  { code: 'culture_tourism', zh: '文化旅游体育（信易游）', en: 'Culture, sports and tourism (信易+)' },
  { code: 'medical_services', zh: '医疗卫生（信易医）', en: 'Medical services (信易+)' },
];

/** A scenario code in words (the code itself when unknown). */
export function scenarioLabel(code: string | null | undefined, lang: Lang): string {
  if (!code) return '—';
  const e = SCENARIOS.find((x) => x.code === code);
  return e ? (lang === 'zh' ? e.zh : e.en) : code;
}

/** Tier letters in words (the pack's own labels win where the API answers them). */
export const TIER_NAME: Record<string, { zh: string; en: string }> = {
  AAA: { zh: 'AAA级', en: 'AAA' },
  AA: { zh: 'AA级', en: 'AA' },
  A: { zh: 'A级', en: 'A' },
  B: { zh: 'B级', en: 'B' },
  M: { zh: '新设立', en: 'Newly established' },
  N: { zh: '未评价', en: 'Not evaluated' },
  C: { zh: 'C级', en: 'C' },
  D: { zh: 'D级', en: 'D' },
  E: { zh: 'E级', en: 'E' },
  BL: { zh: '诚信黑名单', en: 'Black list' },
};

/** A tier in words for filters and tags: "A级" / "Tier A"; M, N and BL by name (新设立, 未评价, 诚信黑名单), never "N级". */
export function tierName(tier: string, lang: Lang): string {
  if (tier === 'M' || tier === 'N' || tier === 'BL') return label(TIER_NAME, tier, lang);
  return lang === 'zh' ? `${tier}级` : `Tier ${tier}`;
}

/** A chart series' name: the letter, with M's and N's name beside it ("N 未评价"), the letter alone elsewhere. */
export function tierLegend(tier: string, lang: Lang): string {
  return tier === 'M' || tier === 'N' ? `${tier} ${label(TIER_NAME, tier, lang)}` : tier;
}

/** Lists (名单类型) of a list entry; key_attention 重点关注名单 carries no measure of its own. */
export const LIST_TYPE: Record<string, { zh: string; en: string }> = {
  court_defaulter: { zh: '失信被执行人', en: 'Court defaulter' },
  serious_dishonesty: { zh: '严重失信主体名单', en: 'Seriously dishonest' },
  major_tax_violation: { zh: '重大税收违法失信主体', en: 'Major tax violation' },
  procurement_dishonesty: { zh: '政府采购严重违法失信名单', en: 'Procurement dishonesty' },
  abnormal_operation: { zh: '经营异常名录', en: 'Abnormal operation' },
  key_attention: { zh: '重点关注名单', en: 'Key attention' },
  red_list: { zh: '红名单', en: 'Red list' },
};

/** 失信被执行人 grounds (失信情形), 法释〔2017〕7号 Art. 1 (1)–(6); (1) has no term, (2)–(6) are listed 2 years (Art. 2). */
export const LIST_GROUND: Record<string, { zh: string; en: string }> = {
  '1': { zh: '有履行能力而拒不履行', en: 'Able to perform but refuses' },
  '2': { zh: '以伪造证据、暴力、威胁等方法妨碍、抗拒执行', en: 'Obstructs or resists enforcement' },
  '3': { zh: '以虚假诉讼、虚假仲裁或隐匿、转移财产等方法规避执行', en: 'Evades enforcement' },
  '4': { zh: '违反财产报告制度', en: 'Breaches the asset-reporting duty' },
  '5': { zh: '违反限制消费令', en: 'Breaches a consumption restriction order' },
  '6': { zh: '无正当理由拒不履行执行和解协议', en: 'Refuses to perform a settlement without cause' },
};

/** A 失信被执行人 ground as "（一）有履行能力而拒不履行" (Chinese first), or "—" when none was recorded. */
export function groundLabel(ground: number | null | undefined, lang: Lang): string {
  if (ground === null || ground === undefined) return '—';
  const n = '一二三四五六'[ground - 1] ?? String(ground);
  return `（${n}）${label(LIST_GROUND, String(ground), lang)}`;
}

/** Legal findings (records the law contradicts), by code. */
export const LEGAL_FINDING: Record<string, { zh: string; en: string }> = {
  list_term: { zh: '名单期限不符合法定期限', en: 'List term contradicts the law' },
  court_ground_missing: { zh: '失信被执行人未载明失信情形', en: 'Court listing without its ground' },
  severity_contradicts_penalty: { zh: '失信程度与处罚种类矛盾', en: 'Grade contradicts the penalty types' },
};

export const ROLES: { code: string; zh: string; en: string }[] = [
  { code: 'bidder', zh: '投标人', en: 'Bidder' },
  { code: 'supplier', zh: '供应商', en: 'Supplier' },
  { code: 'tenderer', zh: '招标人', en: 'Tenderer' },
  { code: 'purchaser', zh: '采购人', en: 'Purchaser' },
  { code: 'transferee', zh: '受让人', en: 'Transferee' },
  { code: 'applicant', zh: '申请人', en: 'Applicant' },
  { code: 'borrower', zh: '借款人', en: 'Borrower' },
  { code: 'nominee', zh: '评选对象', en: 'Nominee' },
  { code: 'other', zh: '其他', en: 'Other' },
];

export const RECORD_TYPE: Record<string, { zh: string; en: string }> = {
  licence: { zh: '行政许可', en: 'Licence' },
  penalty: { zh: '行政处罚', en: 'Penalty' },
  list_entry: { zh: '名单', en: 'List entry' },
  tax_credit: { zh: '纳税信用', en: 'Tax credit level' },
  commitment: { zh: '信用承诺', en: 'Commitment' },
  inspection: { zh: '检查结果', en: 'Inspection' },
  public_credit: { zh: '公共信用综合评价', en: 'Public credit evaluation' },
  admin_enforcement: { zh: '行政强制', en: 'Administrative enforcement' },
  admin_reward: { zh: '行政奖励', en: 'Administrative award' },
  admin_confirmation: { zh: '行政确认', en: 'Administrative confirmation' },
  admin_adjudication: { zh: '行政裁决', en: 'Administrative ruling' },
  admin_supervision: { zh: '行政监督检查', en: 'Supervision check' },
};

/** 承诺类型 of a commitment record (district plan task 9). */
export const COMMITMENT_TYPE: Record<string, { zh: string; en: string }> = {
  notify_commit: { zh: '告知承诺', en: 'Notify and commit' },
  gap_acceptance: { zh: '容缺受理型', en: 'Acceptance with gaps' },
  voluntary_disclosure: { zh: '主动公开型', en: 'Voluntary public' },
  industry_self_discipline: { zh: '行业自律型', en: 'Industry self-discipline' },
  approval_substitute: { zh: '审批替代型', en: 'Approval substitute' },
  credit_repair: { zh: '信用修复型', en: 'Credit repair' },
};

export const SUBJECT_KIND: Record<string, { zh: string; en: string }> = {
  legal_person: { zh: '法人', en: 'Legal person' },
  unincorporated_org: { zh: '非法人组织', en: 'Unincorporated organisation' },
  individual_business: { zh: '个体工商户', en: 'Individual business' },
  natural_person: { zh: '自然人', en: 'Natural person' },
  public_body: { zh: '机关事业单位', en: 'Public body' },
};

export function label(
  map: Record<string, { zh: string; en: string }>,
  code: string | null | undefined,
  lang: Lang,
): string {
  if (code === null || code === undefined) return '—';
  const e = map[code];
  return e ? (lang === 'zh' ? e.zh : e.en) : code;
}

/** What caused a tier change (tier history's trigger), in words; `records:<reason>` and `pack:<kind>:<id>` by their prefix. */
export function triggerLabel(trigger: string, lang: Lang): string {
  const [head] = trigger.split(':');
  const known: Record<string, { zh: string; en: string }> = {
    records: { zh: '信用记录变更', en: 'Records changed' },
    pack: { zh: '规则包变更', en: 'Rule pack changed' },
    batch: { zh: '批量分级', en: 'Batch run' },
    daily: { zh: '每日分级', en: 'Daily run' },
    'first-read': { zh: '首次评价', en: 'First evaluation' },
    'demo-load': { zh: '演示数据', en: 'Demo data' },
    upgrade: { zh: '系统升级重新分级', en: 'Re-tiered by an upgrade' },
  };
  // A department decision on industry membership (industry:member / industry:excluded / industry:withdrawn).
  const decision: Record<string, { zh: string; en: string }> = {
    member: { zh: '行业归属认定：纳入', en: 'Industry decision: included' },
    excluded: { zh: '行业归属认定：排除', en: 'Industry decision: excluded' },
    withdrawn: { zh: '行业归属认定：撤回', en: 'Industry decision withdrawn' },
  };
  if (head === 'industry') return label(decision, trigger.slice('industry:'.length), lang);
  const k = known[head];
  return k ? (lang === 'zh' ? k.zh : k.en) : trigger;
}

/** Why a subject is not supervised in an industry (不属于的原因, GET /subjects/{id}/industries `outside`). */
/** Whose records a fact reads (事实范围, 分行业): the fact catalogue's `scope`. */
export const FACT_SCOPE: Record<string, { zh: string; en: string; color: string }> = {
  subject: { zh: '主体', en: 'subject', color: 'default' },
  industry: { zh: '本行业', en: 'own industry', color: 'green' },
  'cross-industry': { zh: '跨行业', en: 'cross-industry', color: 'orange' },
  transaction: { zh: '核查请求', en: 'transaction', color: 'default' },
  tier: { zh: '分级结果', en: 'tier', color: 'blue' },
};

export const OUTSIDE: Record<string, { zh: string; en: string }> = {
  kind: { zh: '主体类型不适用', en: 'Its kind is not rated in this industry' },
  'no-basis': { zh: '无归属依据', en: 'No basis (no record, industry code or decision)' },
  excluded: { zh: '部门排除认定', en: 'Excluded by a department decision' },
};

/** A department's decision on an industry (行业归属认定): put in or taken out. */
export const ASSIGNMENT_EFFECT: Record<string, { zh: string; en: string; color: string }> = {
  member: { zh: '纳入', en: 'Include', color: 'green' },
  excluded: { zh: '排除', en: 'Exclude', color: 'orange' },
};

/** One basis of industry membership (行业归属依据) as officers read it. */
export interface MembershipBasis {
  readonly source: 'every_subject' | 'record' | 'industry_code' | 'assigned';
  readonly since: string | null;
  readonly recordType?: string;
  readonly industryCode?: string;
  readonly reason?: string;
}

/**
 * A basis in words: "依据：行政许可 食药许〔2024〕1号（信用记录，2024-03-01起）", "行业代码 H6110",
 * "部门认定：<理由>", "全部纳税主体" (every subject of the pack's kinds; taxpayers in tax). `decisionNumber`
 * names the record when the page has it.
 */
export function basisLabel(industry: string, b: MembershipBasis, lang: Lang, decisionNumber?: string): string {
  const zh = lang === 'zh';
  const since = b.since ? (zh ? `，${b.since}起` : `, since ${b.since}`) : '';
  switch (b.source) {
    case 'every_subject':
      if (industry === 'tax') return zh ? '全部纳税主体' : 'Every taxpayer';
      return zh ? '本行业全部适用主体' : 'Every subject of the kinds the industry rates';
    case 'record': {
      const what = `${label(RECORD_TYPE, b.recordType, lang)}${decisionNumber ? ` ${decisionNumber}` : ''}`;
      return zh ? `依据：${what}（信用记录${since}）` : `Basis: ${what} (credit record${since})`;
    }
    case 'industry_code':
      return zh ? `行业代码 ${b.industryCode ?? '—'}` : `Industry code ${b.industryCode ?? '—'}`;
    case 'assigned':
      return zh
        ? `部门认定：${b.reason ?? '—'}${b.since ? `（${b.since}起）` : ''}`
        : `Department decision: ${b.reason ?? '—'}${b.since ? ` (since ${b.since})` : ''}`;
  }
}

/** Why not a member, in words; an exclusion with its decision: "部门排除认定：<理由>（2026-11-30起）". */
export function outsideLabel(outside: string | undefined, excludedBy: MembershipBasis | undefined, lang: Lang): string {
  const why = label(OUTSIDE, outside, lang);
  if (outside !== 'excluded' || !excludedBy?.reason) return why;
  const since = excludedBy.since ? (lang === 'zh' ? `（${excludedBy.since}起）` : ` (since ${excludedBy.since})`) : '';
  return `${why}${lang === 'zh' ? '：' : ': '}${excludedBy.reason}${since}`;
}
