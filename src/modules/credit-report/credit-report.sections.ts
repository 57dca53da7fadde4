/**
 * A public credit report (信用报告) in the sections of 信用中国 (domain.md §5), assembled from the records in
 * force at the as-of date. Pure: the caller passes the subject, the records, the tiers, the dates.
 *
 * Left out: records revoked (撤销), repaired (已修复), ended, or past their publicity / validity end (公示期满)
 * — the records service returns only those in force — and minor penalties not published (令第36号: 轻微失信
 * 原则上不公示). A natural person shows the masked ID number and the first character of the name only.
 */
import { scrubDeep } from '../../common/pii';
import { COMMITMENT_TYPE_NAMES } from '../../rules/facts';
import type { RecordView } from '../records/record.view';
import type { SubjectRef } from '../subjects/subjects.types';
import type { ComputedTier } from '../tiering/tier-computation';
import { suggestionsFor, type Suggestion } from './credit-report.suggestions';

export type SectionKey =
  | 'registration'
  | 'administrative'
  | 'honours'
  | 'serious_dishonesty'
  | 'abnormal_operation'
  | 'commitments'
  | 'evaluations'
  | 'judicial'
  | 'other'
  | 'suggestions';

const TITLES: Record<SectionKey, [string, string]> = {
  registration: ['登记注册基本信息', 'Registration'],
  administrative: [
    '行政管理信息',
    'Administrative management (licences, penalties, inspections; enforcement, awards, confirmations, rulings, supervision checks)',
  ],
  honours: ['诚实守信相关荣誉信息', 'Honours (red list)'],
  serious_dishonesty: ['严重失信主体名单信息', 'Serious-dishonesty list'],
  abnormal_operation: ['经营（活动）异常名录（状态）信息', 'Abnormal-operation list'],
  commitments: ['信用承诺及履行情况信息', 'Credit commitments and their performance'],
  evaluations: [
    '信用评价结果信息',
    'Credit evaluations (public credit comprehensive evaluation, tax credit level, credit tiers per industry)',
  ],
  judicial: ['司法裁判及执行信息', 'Judgments and enforcement'],
  other: ['其他信息', 'Other'],
  suggestions: ['信用提升建议', 'Suggestions for improvement'],
};

const CATEGORY: Record<string, [string, SectionKey]> = {
  licence: ['行政许可', 'administrative'],
  penalty: ['行政处罚', 'administrative'],
  inspection: ['行政检查结果', 'administrative'],
  // The other administrative information (行政管理信息, district plan task 3): shown, never read by the tiers.
  admin_enforcement: ['行政强制', 'administrative'],
  admin_reward: ['行政奖励', 'administrative'],
  admin_confirmation: ['行政确认', 'administrative'],
  admin_adjudication: ['行政裁决', 'administrative'],
  admin_supervision: ['行政监督检查', 'administrative'],
  red_list: ['守信红名单', 'honours'],
  serious_dishonesty: ['严重失信主体名单', 'serious_dishonesty'],
  major_tax_violation: ['重大税收违法失信主体', 'serious_dishonesty'],
  procurement_dishonesty: ['政府采购严重违法失信行为记录名单', 'serious_dishonesty'],
  abnormal_operation: ['经营异常名录', 'abnormal_operation'],
  key_attention: ['重点关注名单', 'other'],
  commitment: ['信用承诺', 'commitments'],
  tax_credit: ['纳税信用级别', 'evaluations'],
  public_credit: ['公共信用综合评价结果', 'evaluations'],
  court_defaulter: ['失信被执行人', 'judicial'],
};

const DETAIL_FIELDS = [
  'violationType',
  'violationFacts',
  'legalBasis',
  'content',
  'authority',
  'project',
  'licenceCode',
  'approvalCategory',
  'penaltyEndDate',
  'confiscationAmount',
  'enforcementMeasure',
  'awardName',
  'awardLevel',
];

export interface ReportItem {
  readonly recordId: string;
  readonly category: string;
  readonly categoryZh: string;
  readonly decisionNumber: string;
  /** Deciding / data-source department (认定部门). */
  readonly department: string;
  readonly decisionDate: string;
  readonly [field: string]: unknown;
}
export interface ReportSection {
  readonly key: SectionKey;
  readonly titleZh: string;
  readonly title: string;
  readonly count: number;
  readonly items: readonly unknown[];
  readonly note?: string;
}
export interface CreditReport {
  readonly titleZh: string;
  readonly title: string;
  readonly subject: Omit<SubjectRef, 'id'> & { id: string };
  readonly asOf: string;
  readonly generatedAt: string;
  readonly packVersions: Readonly<Record<string, string>>;
  readonly scope: string;
  readonly sections: readonly ReportSection[];
}

/** 张** : a natural person's name shows its first character only. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

/** Minor penalties are in principle not published (令第36号); the import marks them publishedByDefault=false. */
export const published = (r: RecordView): boolean => r.details.publishedByDefault !== false;

function categoryOf(r: RecordView): string {
  return r.type === 'list_entry' ? (r.listType ?? 'other') : r.type;
}

function itemOf(r: RecordView): ReportItem {
  const category = categoryOf(r);
  const optional: Record<string, unknown> = {
    severity: r.severity,
    penaltyTypes: r.penaltyTypes.length ? r.penaltyTypes : null,
    fineAmount: r.fineAmount,
    taxLevel: r.taxLevel,
    taxYear: r.taxYear,
    publicCreditGrade: r.publicCreditGrade,
    validUntil: r.validUntil,
    commitmentStatus: r.commitmentStatus,
    commitmentStatusDate: r.commitmentStatusDate,
    // 承诺类型 (告知承诺, 容缺受理型 …) and its Chinese name: the 信用承诺及履行情况信息 section names the kind of promise.
    commitmentType: r.commitmentType,
    commitmentTypeZh: r.commitmentType ? COMMITMENT_TYPE_NAMES[r.commitmentType] : null,
    inspectionResult: r.inspectionResult,
    publicityEnd: r.publicityEnd,
    // 失信被执行人's ground (失信情形, 法释〔2017〕7号 Art. 1): what the listing is for and whether it has a term.
    listGround: r.listGround,
  };
  const details = Object.fromEntries(
    DETAIL_FIELDS.filter((f) => r.details[f] !== undefined).map((f) => [f, r.details[f]]),
  );
  return scrubDeep({
    recordId: r.id,
    category,
    categoryZh: CATEGORY[category]?.[0] ?? category,
    decisionNumber: r.decisionNumber,
    department: r.source,
    decisionDate: r.decisionDate,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null && v !== undefined)),
    ...(Object.keys(details).length ? { details } : {}),
  });
}

function section(key: SectionKey, items: readonly unknown[], note?: string): ReportSection {
  const [titleZh, title] = TITLES[key];
  return { key, titleZh, title, count: items.length, items, ...(note ? { note } : {}) };
}

export function buildCreditReport(input: {
  subject: SubjectRef;
  records: readonly RecordView[];
  tiers: readonly ComputedTier[];
  asOf: string;
  generatedAt: string;
  packVersions: Readonly<Record<string, string>>;
}): CreditReport {
  const { subject: s, asOf } = input;
  const person = s.kind === 'natural_person';
  const subject = {
    id: s.id,
    kind: s.kind,
    name: person ? maskName(s.name) : s.name,
    code: s.code,
    idMasked: s.idMasked,
    region: s.region,
    registeredOn: s.registeredOn,
    industryCode: s.industryCode,
  };
  const shown = input.records.filter(published);
  const bySection = new Map<SectionKey, ReportItem[]>();
  for (const r of shown) {
    const key = CATEGORY[categoryOf(r)]?.[1] ?? 'other';
    bySection.set(key, [...(bySection.get(key) ?? []), itemOf(r)]);
  }
  const items = (key: SectionKey) => bySection.get(key) ?? [];
  const tiers = input.tiers.map((t) => ({
    category: 'credit_tier',
    categoryZh: '分行业信用等级',
    industry: t.evaluation.industry,
    tier: t.evaluation.tier,
    tierLabel: t.evaluation.tierLabel,
    tierLabelZh: t.evaluation.tierLabelZh,
    score: t.evaluation.score,
    pack: t.evaluation.packId,
    version: t.evaluation.version,
  }));
  const suggestions: Suggestion[] = suggestionsFor(shown, asOf);
  return {
    titleZh: '公共信用信息报告',
    title: 'Public credit report',
    subject,
    asOf,
    generatedAt: input.generatedAt,
    packVersions: input.packVersions,
    scope: `Records in force on ${asOf} (截至 ${asOf} 有效的信用信息). Left out: revoked (已撤销), repaired (已修复), ended and past their publicity or validity end (公示期满), and minor penalties not published (轻微失信信息原则上不公示, 令第36号).`,
    sections: [
      section('registration', [subject]),
      section('administrative', items('administrative')),
      section('honours', items('honours')),
      section('serious_dishonesty', items('serious_dishonesty')),
      section('abnormal_operation', items('abnormal_operation')),
      section('commitments', items('commitments')),
      section(
        'evaluations',
        [...items('evaluations'), ...tiers],
        tiers.length
          ? '分行业信用等级为监管部门内部的分级分类监管依据，不作为公开评价 (the tiers are an internal supervision input, not a public rating)'
          : undefined,
      ),
      section('judicial', items('judicial')),
      section('other', items('other')),
      section('suggestions', suggestions),
    ],
  };
}
