/**
 * The fact vocabulary (事实目录) that rule authors write against.
 *
 * Every fact is derived from a subject's registration data and the credit records in force at one
 * instant T (see derive-facts.ts), so "as of date T" answers are reproducible. Industry-scoped facts
 * (`industry*`) count only records whose `industry` equals the pack's industry.
 *
 * This file is data plus types: the pack schema, the loader (unknown facts, operator/type fit), the
 * docs endpoint and the README table are all generated from it.
 */

export type FactType = 'number' | 'boolean' | 'string';

export interface FactDefinition {
  readonly name: string;
  readonly type: FactType;
  /** null is allowed (for example a tax level that was never assessed). */
  readonly nullable: boolean;
  /** Allowed values of a string fact. */
  readonly values?: readonly string[];
  /** Value used when a golden case or an explain call omits the fact. */
  readonly default: number | boolean | string | null;
  readonly description: string;
  /** 中文说明, shown beside the English one wherever an officer reads it. */
  readonly descriptionZh: string;
  readonly derivedFrom: string;
  /**
   * Whose records the fact reads (分行业): `subject` — the registration only; `industry` — the records of the
   * pack's own industry (a tier pack's default); `cross-industry` — records of every industry, lists and the
   * tax level: a tier pack uses one on purpose, declared in its `crossIndustryFacts` with the reason.
   */
  readonly scope: FactScope;
}

/** `transaction` and `tier`: check facts only (the request's own facts; the party's tiers). */
export const FACT_SCOPES = ['subject', 'industry', 'cross-industry', 'transaction', 'tier'] as const;
export type FactScope = (typeof FACT_SCOPES)[number];

/** `industry…` facts read the pack's industry; subjectKind and yearsSinceRegistration the registration; the rest every industry. */
const scopeOf = (name: string): FactScope => (name.startsWith('industry') ? 'industry' : 'cross-industry');

/** Why `v` is not a value a fact of this definition takes (wrong type, null where never null, outside its values); undefined when it is. */
export function factValueProblem(
  def: Pick<FactDefinition, 'type' | 'nullable' | 'values'>,
  v: unknown,
): string | undefined {
  if (v === null) return def.nullable ? undefined : 'is never null';
  if (typeof v !== def.type) return `must be a ${def.type}`;
  if (typeof v === 'number' && !Number.isFinite(v)) return 'must be a finite number';
  if (typeof v === 'string' && def.values && !def.values.includes(v))
    return `"${v}" is not one of ${def.values.join(', ')}`;
  return undefined;
}

export const SUBJECT_KINDS = [
  'legal_person',
  'unincorporated_org',
  'individual_business',
  'natural_person',
  'public_body',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** The industries with a tier pack: declared once, in industries.ts. */
export { INDUSTRIES, type Industry } from './industries';

export const TAX_CREDIT_LEVELS = ['A', 'B', 'M', 'C', 'D'] as const;
export type TaxCreditLevel = (typeof TAX_CREDIT_LEVELS)[number];
/**
 * Grades of the public credit comprehensive evaluation (公共信用综合评价) as the credit platform delivers them, best →
 * worst. The national scale was not read (GB/T 45255-2025 公共信用综合评价规范: title only): A–D is a local assumption
 * the deploying office confirms against its platform (docs/records-import.md).
 */
export const PUBLIC_CREDIT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type PublicCreditGrade = (typeof PUBLIC_CREDIT_GRADES)[number];

const n = (name: string, description: string, descriptionZh: string, derivedFrom: string): FactDefinition => ({
  name,
  type: 'number',
  nullable: false,
  default: 0,
  description,
  descriptionZh,
  derivedFrom,
  scope: scopeOf(name),
});
const b = (name: string, description: string, descriptionZh: string, derivedFrom: string): FactDefinition => ({
  name,
  type: 'boolean',
  nullable: false,
  default: false,
  description,
  descriptionZh,
  derivedFrom,
  scope: scopeOf(name),
});

export const FACT_CATALOGUE: readonly FactDefinition[] = [
  {
    name: 'subjectKind',
    type: 'string',
    nullable: false,
    values: SUBJECT_KINDS,
    default: 'legal_person',
    description:
      'Kind of subject: legal person, unincorporated organisation, individual business, natural person, public body',
    descriptionZh: '主体类型：法人、非法人组织、个体工商户、自然人、机关事业单位',
    derivedFrom: 'subject registration',
    scope: 'subject',
  },
  {
    name: 'yearsSinceRegistration',
    type: 'number',
    nullable: true,
    default: 5,
    description: 'Whole years from the registration (establishment) date to T; null when unknown',
    descriptionZh: '成立（登记）年限（整年）',
    derivedFrom: 'subject registration date',
    scope: 'subject',
  },
  n(
    'penaltiesLast12Months',
    'Administrative penalties in force, decided in the 12 months before T, records of every industry',
    '近12个月有效行政处罚数（所有行业）',
    'penalty records',
  ),
  n(
    'penaltiesLast36Months',
    'Administrative penalties in force, decided in the 36 months before T, records of every industry',
    '近36个月有效行政处罚数（所有行业）',
    'penalty records',
  ),
  n(
    'generalPenaltiesLast36Months',
    'Penalties of general (一般) severity in force, decided in the 36 months before T, records of every industry',
    '近36个月一般失信行政处罚数（所有行业）',
    'penalty records, severity general',
  ),
  n(
    'seriousPenaltiesLast36Months',
    'Penalties of serious (严重) severity in force, decided in the 36 months before T, records of every industry',
    '近36个月严重失信行政处罚数（所有行业）',
    'penalty records, severity serious',
  ),
  n(
    'licenceRevocationsLast36Months',
    'Penalties in force, decided in the 36 months before T, that suspended or revoked a licence or downgraded a qualification, records of every industry',
    '近36个月暂扣/吊销许可证件、降低资质等级处罚数（所有行业）',
    'penalty records, penalty types',
  ),
  n(
    'maxFineLast36Months',
    'Largest fine (万元, 10,000 yuan) among penalties in force decided in the 36 months before T, records of every industry',
    '近36个月最高罚款金额（万元）（所有行业）',
    'penalty records, fine amount',
  ),
  n(
    'seriousPenaltiesLast12Months',
    'Penalties of serious (严重) severity in force, decided in the 12 months before T, records of every industry',
    '近12个月严重失信行政处罚数（所有行业）',
    'penalty records, severity',
  ),
  n(
    'fineTotalLast12Months',
    'Sum of the fines (万元) of the penalties in force decided in the 12 months before T, records of every industry',
    '近12个月有效行政处罚罚款金额累计（万元）（所有行业）',
    'penalty records, fine amount',
  ),
  n(
    'industryPenaltiesLast12Months',
    "Penalties in force in the pack's industry, decided in the 12 months before T",
    '本行业近12个月有效行政处罚数',
    'penalty records of the industry',
  ),
  n(
    'industryPenaltiesLast36Months',
    "Penalties in force in the pack's industry, decided in the 36 months before T",
    '本行业近36个月有效行政处罚数',
    'penalty records of the industry',
  ),
  n(
    'industryGeneralPenaltiesLast36Months',
    "Penalties of general (一般) severity in force in the pack's industry, decided in the 36 months before T",
    '本行业近36个月一般失信行政处罚数',
    'penalty records of the industry, severity general',
  ),
  n(
    'industrySeriousPenaltiesLast36Months',
    "Serious penalties in force in the pack's industry, decided in the 36 months before T",
    '本行业近36个月严重失信行政处罚数',
    'penalty records of the industry, severity serious',
  ),
  n(
    'industryLicenceRevocationsLast36Months',
    "Penalties in force in the pack's industry, decided in the 36 months before T, that suspended or revoked a licence or downgraded a qualification",
    '本行业近36个月暂扣/吊销许可证件、降低资质等级处罚数',
    'penalty records of the industry, penalty types',
  ),
  n(
    'industryMaxFineLast36Months',
    "Largest fine (万元) among penalties in force in the pack's industry decided in the 36 months before T",
    '本行业近36个月最高罚款金额（万元）',
    'penalty records of the industry, fine amount',
  ),
  n(
    'industrySeriousPenaltiesLast12Months',
    "Serious penalties in force in the pack's industry, decided in the 12 months before T (an evaluation year's look-back)",
    '本行业近12个月严重失信行政处罚数',
    'penalty records of the industry, severity',
  ),
  n(
    'industryFineTotalLast12Months',
    "Sum of the fines (万元) of the penalties in force in the pack's industry decided in the 12 months before T (被行政处罚金额累计)",
    '本行业近12个月有效行政处罚罚款金额累计（万元）',
    'penalty records of the industry, fine amount',
  ),
  b(
    'seriousDishonestyListed',
    'On a serious-dishonesty list (严重失信主体名单) in force at T',
    '列入严重失信主体名单',
    'list entries: serious_dishonesty',
  ),
  b(
    'courtDefaulterListed',
    'On the dishonest judgment debtors list (失信被执行人) in force at T',
    '列为失信被执行人',
    'list entries: court_defaulter',
  ),
  b(
    'majorTaxViolationListed',
    'On the major tax-violation list (重大税收违法失信主体) in force at T',
    '列入重大税收违法失信主体名单',
    'list entries: major_tax_violation',
  ),
  b(
    'procurementDishonestyListed',
    'On the government-procurement serious violation record list (政府采购严重违法失信行为记录名单) in force at T',
    '列入政府采购严重违法失信行为记录名单',
    'list entries: procurement_dishonesty',
  ),
  b(
    'abnormalOperationListed',
    'On the abnormal-operation list (经营异常名录) in force at T',
    '列入经营异常名录',
    'list entries: abnormal_operation',
  ),
  b(
    'keyAttentionListed',
    'On a key-attention list (重点关注名单) in force at T; no measure rests on it (none found in its sources)',
    '列入重点关注名单（未发现以其为依据的惩戒措施）',
    'list entries: key_attention',
  ),
  b(
    'redListed',
    'On a red list of trustworthy subjects (守信红名单) in force at T',
    '列入守信红名单',
    'list entries: red_list',
  ),
  {
    name: 'taxCreditLevel',
    type: 'string',
    nullable: true,
    values: TAX_CREDIT_LEVELS,
    default: null,
    description:
      'Tax credit level (纳税信用级别) of the latest evaluation year published by T; null when never assessed',
    descriptionZh: '最近一个评价年度的纳税信用级别（A/B/M/C/D）',
    derivedFrom: 'tax_credit records',
    scope: 'cross-industry',
  },
  {
    name: 'publicCreditGrade',
    type: 'string',
    nullable: true,
    values: PUBLIC_CREDIT_GRADES,
    default: null,
    description:
      'Grade of the latest public credit comprehensive evaluation (公共信用综合评价) rated by T and in force, as the national or municipal credit platform delivers it (A best … D worst); null when never rated',
    descriptionZh:
      '最近一次公共信用综合评价结果（全国信用信息共享平台、信用中国（重庆）等推送，A最好…D最差），未评价为空',
    derivedFrom: 'public_credit records',
    scope: 'cross-industry',
  },
  n(
    'consecutiveTaxALevelYears',
    'Consecutive evaluation years at tax level A, counting back from the latest',
    '连续评为A级的年度数',
    'tax_credit records',
  ),
  n(
    'commitmentsBreachedLast36Months',
    'Credit commitments (信用承诺) breached in the 36 months before T, still in force, records of every industry',
    '近36个月违背信用承诺次数（所有行业）',
    'commitment records, breached',
  ),
  n(
    'industryCommitmentsBreachedLast36Months',
    "Credit commitments made in the pack's industry and breached in the 36 months before T, still in force",
    '本行业近36个月违背信用承诺次数',
    'commitment records of the industry, breached',
  ),
  n(
    'commitmentsBreachedUnrepaired',
    'Credit commitments (信用承诺) breached by T and not repaired, whenever breached (国办发〔2020〕42号: excluded from notify-and-commit until repaired), records of every industry',
    '违背信用承诺且尚未修复的次数（不限时间）（所有行业）',
    'commitment records, breached',
  ),
  n(
    'commitmentsFulfilled',
    'Credit commitments recorded as fulfilled by T, records of every industry',
    '已履行信用承诺数（所有行业）',
    'commitment records, fulfilled',
  ),
  n(
    'inspectionsLast12Months',
    'Inspections carried out in the 12 months before T, records of every industry',
    '近12个月检查次数（所有行业）',
    'inspection records',
  ),
  n(
    'industryInspectionsLast12Months',
    "Inspections carried out in the pack's industry in the 12 months before T",
    '本行业近12个月检查次数',
    'inspection records of the industry',
  ),
  n(
    'inspectionFailuresLast12Months',
    'Inspections failed in the 12 months before T, still in force, records of every industry',
    '近12个月检查不合格次数（所有行业）',
    'inspection records, result failed',
  ),
  n(
    'industryInspectionFailuresLast12Months',
    "Inspections failed in the pack's industry in the 12 months before T",
    '本行业近12个月检查不合格次数',
    'inspection records of the industry, result failed',
  ),
  n(
    'validLicences',
    'Administrative licences valid at T, records of every industry',
    '有效行政许可数（所有行业）',
    'licence records',
  ),
  n(
    'industryValidLicences',
    "Administrative licences of the pack's industry valid at T: qualifications, food or drug licences…",
    '本行业有效行政许可数（资质、食品药品许可等）',
    'licence records of the industry',
  ),
  {
    ...n(
      'recordsInForce',
      'Credit records of any type in force at T; 0 = a subject without history; default 1, records of every industry',
      '在有效期内的各类信用记录数（0 表示无信用记录）（所有行业）',
      'records of every type',
    ),
    default: 1,
  },
  {
    ...n(
      'industryRecordsInForce',
      "Credit records of any type in force at T in the pack's industry; 0 = no history in it; default 1",
      '本行业在有效期内的各类信用记录数（0 表示本行业无信用记录）',
      'records of every type of the industry',
    ),
    default: 1,
  },
];

export const FACTS_BY_NAME: ReadonlyMap<string, FactDefinition> = new Map(FACT_CATALOGUE.map((f) => [f.name, f]));

/** A complete fact set: every catalogue fact has a value (null only where nullable). */
export type FactValue = number | boolean | string | null;
export type Facts = Readonly<Record<string, FactValue>>;

/** Fill in catalogue defaults for facts a caller left out (golden cases, explain calls). */
export function withDefaults(partial: Readonly<Record<string, FactValue>>): Facts {
  const out: Record<string, FactValue> = {};
  for (const f of FACT_CATALOGUE) out[f.name] = f.name in partial ? partial[f.name] : f.default;
  return out;
}
