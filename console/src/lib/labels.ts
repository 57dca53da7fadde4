/**
 * Meaning carried by colour, always with text (console conventions): tiers, verdicts, legal-basis status.
 * Colours are Ant Design's Tag presets (success, processing, default, warning, error) or named colours.
 */
export type Lang = 'zh' | 'en';

export const TIERS = ['A', 'B', 'M', 'N', 'C', 'D'] as const;

export const TIER_TAG: Record<string, string> = {
  A: 'success',
  B: 'processing',
  M: 'default',
  N: 'default',
  C: 'warning',
  D: 'error',
};
/** The same meaning in chart colours (Ant Design's palette: green, blue, grey, orange, red). */
export const TIER_CHART: Record<string, string> = {
  A: '#52c41a',
  B: '#1677ff',
  M: '#8c8c8c',
  N: '#bfbfbf',
  C: '#fa8c16',
  D: '#f5222d',
};

/** The industries with a tier pack, and each one's tiers (M 新设立 and N 未评价 only in tax), as the service's search accepts them. */
export const TIER_INDUSTRIES = ['tax', 'construction', 'food_drug', 'fire_safety'] as const;
export function tiersOf(industry: string): Array<(typeof TIERS)[number]> {
  return TIERS.filter((x) => (x !== 'M' && x !== 'N') || industry === 'tax');
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
  tax: { zh: '税务', en: 'Tax' },
  construction: { zh: '建设工程', en: 'Construction' },
  food_drug: { zh: '食品药品', en: 'Food & drug' },
  fire_safety: { zh: '消防安全', en: 'Fire safety' },
  general: { zh: '综合', en: 'General' },
};

export const SCENARIOS: { code: string; zh: string; en: string }[] = [
  { code: 'tendering', zh: '招标投标', en: 'Tendering' },
  { code: 'government_procurement', zh: '政府采购', en: 'Government procurement' },
  { code: 'land_transfer', zh: '国有土地出让', en: 'Land transfer' },
  { code: 'government_funds', zh: '政府性资金', en: 'Government funds' },
  { code: 'awards_honours', zh: '评先评优', en: 'Awards and honours' },
  { code: 'financing', zh: '融资授信', en: 'Financing' },
];

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
  };
  const k = known[head];
  return k ? (lang === 'zh' ? k.zh : k.en) : trigger;
}
