/**
 * Credit records (信用记录) as the rules core sees them: plain data, no NestJS, no TypeORM.
 *
 * A record is "in force" at an instant T (a 'YYYY-MM-DD' date) while
 *   decisionDate ≤ T < end            (end: the publicity or list end; a licence's validity end; null = open)
 *   and it was not revoked, repaired or ended on or before T.
 * The dates are kept (not only the current status), so an "as of T" answer before a repair still counts
 * the record: time is an input and answers are reproducible.
 */
import type { Industry, PublicCreditGrade, SubjectKind, TaxCreditLevel } from '../shared/facts.catalogue';
import type { ListKind, RecordSeverity } from '../publicity/publicity';
import type { CommitmentType } from './commitment-types';

export const RECORD_TYPES = [
  'licence',
  'penalty',
  'list_entry',
  'tax_credit',
  'commitment',
  'inspection',
  'public_credit',
  // The five other kinds of administrative management information (行政管理信息, issue 18 item 3; admin-info.ts).
  'admin_enforcement',
  'admin_reward',
  'admin_confirmation',
  'admin_adjudication',
  'admin_supervision',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Industry a record belongs to: a pack industry, or 'general' (counted only by the non-industry facts). */
export { RECORD_INDUSTRIES } from '../shared/industries';
export type RecordIndustry = Industry | 'general';

export const RECORD_SEVERITIES: readonly RecordSeverity[] = ['minor', 'general', 'serious'];

export const LIST_TYPES: readonly ListKind[] = [
  'court_defaulter',
  'serious_dishonesty',
  'major_tax_violation',
  'procurement_dishonesty',
  'abnormal_operation',
  'key_attention',
  'red_list',
];

/** Penalty categories of 行政处罚法 (2021) Art. 9. */
export const PENALTY_TYPES = [
  'warning', // 警告
  'public_criticism', // 通报批评
  'fine', // 罚款
  'confiscation', // 没收违法所得、没收非法财物
  'licence_suspension', // 暂扣许可证件
  'qualification_downgrade', // 降低资质等级
  'licence_revocation', // 吊销许可证件
  'production_restriction', // 限制开展生产经营活动
  'suspension', // 责令停产停业
  'closure', // 责令关闭
  'employment_restriction', // 限制从业
  'detention', // 行政拘留
  'other', // 法律、行政法规规定的其他行政处罚
] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];

/** Penalty types counted by `licenceRevocationsLast36Months`. */
export const LICENCE_IMPAIRING_PENALTIES: readonly PenaltyType[] = [
  'licence_suspension',
  'qualification_downgrade',
  'licence_revocation',
];

export const RECORD_STATUSES = ['active', 'revoked', 'repaired', 'ended'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const COMMITMENT_STATUSES = ['pending', 'fulfilled', 'breached'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const INSPECTION_RESULTS = ['passed', 'failed'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

export interface FactRecord {
  /** The record's id, when the caller has one: lets a check cite the records behind a measure (fact-sources.ts). */
  readonly id?: string;
  readonly type: RecordType;
  readonly industry: RecordIndustry;
  /** Penalties and negative list entries: 轻微 / 一般 / 严重. */
  readonly severity?: RecordSeverity | null;
  readonly listType?: ListKind | null;
  /** 失信被执行人: the ground of 法释〔2017〕7号 Art. 1 (1–6). */
  readonly listGround?: number | null;
  readonly taxLevel?: TaxCreditLevel | null;
  /** Evaluation year of a tax credit level (the decision date is its publication date). */
  readonly taxYear?: number | null;
  /** 公共信用综合评价 grade of a public_credit record (the decision date is the rating date). */
  readonly publicCreditGrade?: PublicCreditGrade | null;
  /** 'YYYY-MM-DD': decision, listing, licence, evaluation publication, commitment or inspection date. */
  readonly decisionDate: string;
  /** Publicity end (公示截止期) or list end, exclusive; null = open-ended. Not used for licences. */
  readonly publicityEnd?: string | null;
  /** A licence's validity end (有效期至), exclusive; null = no expiry. */
  readonly validUntil?: string | null;
  /** Current status; the dates below decide as-of answers. */
  readonly status: RecordStatus;
  readonly revokedAt?: string | null;
  readonly repairedAt?: string | null;
  readonly endedAt?: string | null;
  readonly penaltyTypes?: readonly PenaltyType[];
  /** Fine in 万元 (10,000 yuan). */
  readonly fineAmount?: number | null;
  readonly commitmentStatus?: CommitmentStatus | null;
  /** 承诺类型 of a commitment record (commitment-types.ts); every type's breach counts in the commitment facts. */
  readonly commitmentType?: CommitmentType | null;
  /** Date the commitment was breached or fulfilled (the decision date when missing). */
  readonly commitmentStatusDate?: string | null;
  readonly inspectionResult?: InspectionResult | null;
}

/** What deriveFacts needs of the subject itself. */
export interface FactSubject {
  readonly kind: SubjectKind;
  /** Registration (establishment) date 'YYYY-MM-DD', or null when unknown. */
  readonly registeredOn: string | null;
}
