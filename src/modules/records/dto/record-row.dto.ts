import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  PUBLIC_CREDIT_GRADES,
  TAX_CREDIT_LEVELS,
  type PublicCreditGrade,
  type TaxCreditLevel,
} from '../../../rules/shared';
import type { ListKind, PublicitySector, RecordSeverity } from '../../../rules/publicity';
import {
  COMMITMENT_STATUSES,
  COMMITMENT_TYPES,
  INSPECTION_RESULTS,
  LIST_TYPES,
  PENALTY_TYPES,
  RECORD_INDUSTRIES,
  RECORD_SEVERITIES,
  RECORD_TYPES,
  type CommitmentStatus,
  type CommitmentType,
  type InspectionResult,
  type PenaltyType,
  type RecordIndustry,
  type RecordType,
} from '../../../rules/facts';
import {
  IsCalendarDate,
  IsPlainDecimal,
  NoIdNumber,
  OptionalDate,
  OptionalEnum,
  OptionalText,
  RequiredText,
} from '../../../common/field-decorators';
import { RecordDetailFields } from './record-details.fields';

export const PUBLICITY_SECTORS: readonly PublicitySector[] = [
  'food',
  'drug',
  'special_equipment',
  'work_safety',
  'fire',
  'other',
];

/**
 * One credit record (信用记录) as sent by a data officer: one JSON object, or one CSV row whose header
 * uses these same field names. Type-specific rules (a penalty needs severity and penalty types, a tax
 * credit needs level and year, …) are checked after these field rules (record-rules.ts).
 */
export class RecordRowDto extends RecordDetailFields {
  @ApiProperty({
    enum: RECORD_TYPES,
    description:
      'Record type: licence (行政许可), penalty (行政处罚), list_entry (名单列入), tax_credit (纳税信用级别), commitment (信用承诺), inspection (检查结果), public_credit (公共信用综合评价结果); the other administrative information (行政管理信息): admin_enforcement (行政强制), admin_reward (行政奖励), admin_confirmation (行政确认), admin_adjudication (行政裁决), admin_supervision (行政监督检查)',
    example: 'penalty',
  })
  @IsIn([...RECORD_TYPES])
  type: RecordType;

  @RequiredText(200, {
    description: 'Data-source department (数据来源单位), code or name',
    example: '厦门市市场监督管理局',
  })
  @NoIdNumber()
  source: string;

  @RequiredText(128, {
    description:
      'Decision number (行政处罚决定书文号 / 许可文书号 / 列入文号); with source, the idempotency key. Never a resident ID number',
    example: '厦市监处罚〔2025〕123号',
  })
  @NoIdNumber()
  decisionNumber: string;

  @OptionalEnum(RECORD_INDUSTRIES, {
    description: `Industry (行业): ${RECORD_INDUSTRIES.join(', ')}. Default: tax for tax_credit, else general`,
  })
  industry?: RecordIndustry;

  @OptionalEnum(PUBLICITY_SECTORS, {
    description:
      'Publicity sector (公示领域) for the penalty window: food or drug under food_drug; special_equipment or work_safety under general. Derived from industry when absent',
  })
  sector?: PublicitySector;

  @OptionalEnum(RECORD_SEVERITIES, {
    description:
      'Severity (失信程度): minor 轻微, general 一般, serious 严重. Required for negative list entries, and for penalties unless 令第36号 fixes the grade by the penalty types (licence_revocation, employment_restriction or closure → serious; warning or public_criticism alone → minor); a grade contradicting the penalty types is refused',
    example: 'general',
  })
  severity?: RecordSeverity;

  @OptionalEnum(LIST_TYPES, {
    description:
      'List (名单): court_defaulter 失信被执行人, serious_dishonesty 严重失信主体, major_tax_violation 重大税收违法, procurement_dishonesty 政府采购严重违法失信, abnormal_operation 经营异常名录, key_attention 重点关注名单 (no measure of its own), red_list 红名单',
  })
  listType?: ListKind;

  @OptionalEnum(TAX_CREDIT_LEVELS, { description: 'Tax credit level (纳税信用级别) A/B/M/C/D' })
  taxLevel?: TaxCreditLevel;

  @ApiPropertyOptional({ description: 'Tax credit evaluation year (评价年度)', example: 2024 })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  taxYear?: number;

  @OptionalEnum(PUBLIC_CREDIT_GRADES, {
    description:
      'Public credit comprehensive evaluation grade (公共信用综合评价结果) of a public_credit record, A best … D worst, as the credit platform (全国信用信息共享平台, 信用中国（重庆）) delivers it; decisionDate is the rating date and source the platform',
  })
  publicCreditGrade?: PublicCreditGrade;

  @ApiProperty({
    type: String,
    format: 'date',
    description: 'Decision date (决定日期 / 列入日期 / 许可日期 / 发布日期 / 检查日期), not in the future',
    example: '2025-03-10',
  })
  @IsCalendarDate()
  decisionDate: string;

  @OptionalDate({
    description:
      'List entry: end date given by the source (列入期限届满日), exclusive. Required for procurement_dishonesty (1–3 years after decisionDate, 政府采购法 Art. 77) and major_tax_violation (fixed publication period, 国家税务总局令第54号); court_defaulter grounds 2–6 default to 2 years (at most 5 with an extension); absent for ground 1',
  })
  listEndDate?: string;

  @ApiPropertyOptional({
    description:
      'court_defaulter only, required there: the ground of 法释〔2017〕7号 Art. 1 (失信情形): 1 有履行能力而拒不履行 (no term: ends when the court deletes it), 2 伪造证据、暴力威胁等妨碍抗拒执行, 3 虚假诉讼、虚假仲裁或隐匿转移财产规避执行, 4 违反财产报告制度, 5 违反限制消费令, 6 无正当理由拒不履行执行和解协议 (2–6: listed 2 years, extendable 1–3 years)',
    minimum: 1,
    maximum: 6,
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(6)
  listGround?: number;

  @OptionalDate({
    description: 'Licence: valid until (有效期至), exclusive; absent = no expiry',
    example: '2029-12-31',
  })
  validUntil?: string;

  @ApiPropertyOptional({
    enum: PENALTY_TYPES,
    isArray: true,
    description: 'Penalty types (处罚类别, 行政处罚法 Art. 9). Required for penalties. In CSV: separated by ";" or "|"',
    example: ['fine', 'confiscation'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PENALTY_TYPES.length)
  @ArrayUnique()
  @IsIn([...PENALTY_TYPES], { each: true })
  penaltyTypes?: PenaltyType[];

  @ApiPropertyOptional({
    description: 'Fine in 万元 (罚款金额, 10,000 yuan), up to 4 decimals. Required when penaltyTypes has fine',
    example: 5,
  })
  @IsOptional()
  @IsPlainDecimal(4)
  @Min(0)
  @Max(9_999_999_999)
  fineAmount?: number;

  @OptionalEnum(COMMITMENT_STATUSES, {
    description: 'Commitment status (承诺履行状态): pending 履行中, fulfilled 已履行, breached 未履行/违诺',
  })
  commitmentStatus?: CommitmentStatus;

  @OptionalDate({ description: 'Date the commitment was fulfilled or breached (履约/违诺日期)' })
  commitmentStatusDate?: string;

  @OptionalEnum(COMMITMENT_TYPES, {
    description:
      "Commitment type (承诺类型) of a commitment record: notify_commit 告知承诺 (the default), gap_acceptance 容缺受理型, voluntary_disclosure 主动公开型, industry_self_discipline 行业自律型, approval_substitute 审批替代型, credit_repair 信用修复型. A breach leads to what its type's basis says (GET /api/v1/commitment-types). In CSV (column 承诺类型) the Chinese names are read too",
  })
  commitmentType?: CommitmentType;

  @OptionalEnum(INSPECTION_RESULTS, {
    description: 'Inspection result (检查结果): passed 未发现问题, failed 发现问题/不合格',
  })
  inspectionResult?: InspectionResult;

  @OptionalDate({ description: 'Revocation date (撤销日期): the decision was revoked; stops counting from this date' })
  revokedAt?: string;

  @OptionalText(500, { description: 'Reason of the revocation (撤销原因)' })
  revocationReason?: string;

  @OptionalDate({
    description: 'Credit repair date (信用修复日期): publication ended early; stops counting from this date',
  })
  repairedAt?: string;

  @OptionalDate({
    description:
      'End date (移出日期 / 注销日期): removed from a list, licence cancelled; stops counting from this date',
  })
  endedAt?: string;
}

/** Every field a row may carry (the CSV header vocabulary). Kept in step with the class by a unit test. */
export const RECORD_ROW_FIELDS = [
  'subjectName',
  'subjectCode',
  'subjectIdNumber',
  'subjectKind',
  'subjectRegisteredOn',
  'subjectRegion',
  'subjectIndustryCode',
  'legalRepresentative',
  'violationType',
  'violationFacts',
  'legalBasis',
  'content',
  'authority',
  'authorityUscc',
  'sourceUscc',
  'confiscationAmount',
  'penaltyEndDate',
  'project',
  'licenceCode',
  'approvalCategory',
  'validFrom',
  'enforcementMeasure',
  'awardName',
  'awardLevel',
  'remarks',
  'type',
  'source',
  'decisionNumber',
  'industry',
  'sector',
  'severity',
  'listType',
  'taxLevel',
  'taxYear',
  'publicCreditGrade',
  'decisionDate',
  'listEndDate',
  'listGround',
  'validUntil',
  'penaltyTypes',
  'fineAmount',
  'commitmentStatus',
  'commitmentStatusDate',
  'commitmentType',
  'inspectionResult',
  'revokedAt',
  'revocationReason',
  'repairedAt',
  'endedAt',
] as const;
export type RecordRowField = (typeof RECORD_ROW_FIELDS)[number];
export const NUMERIC_ROW_FIELDS: readonly RecordRowField[] = [
  'taxYear',
  'fineAmount',
  'confiscationAmount',
  'listGround',
];
export const LIST_ROW_FIELDS: readonly RecordRowField[] = ['penaltyTypes'];
