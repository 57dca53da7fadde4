import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INDUSTRIES, TAX_CREDIT_LEVELS } from '../../../rules/shared';
import { MEASURE_EFFECTS, MEASURE_KINDS, VERDICTS } from '../../../rules/measures';
import { LIST_TYPES, RECORD_INDUSTRIES, RECORD_SEVERITIES, RECORD_TYPES } from '../../../rules/facts';
import { ResolvedLegalBasisDto } from '../../packs/dto/evaluation.dto';

/**
 * OpenAPI shape of the check answer (逢办必查), check.types.ts `CheckAnswer`: what approval systems integrate
 * against. Documentation only: the service returns plain objects of this shape.
 */

const VERDICT_DESCRIPTION = 'block 依法不得参与 › restrict 限制 › scrutinise 重点审查 › reward 守信激励 › pass 通过';

/** A record in force that triggered a measure (记录来源), with its publicity window (公示期). */
export class RecordCitationDto {
  @ApiProperty({ format: 'uuid', description: 'Record id (GET /api/v1/records/{id})' }) id: string;
  @ApiProperty({ enum: RECORD_TYPES, description: 'Record type (记录类型)' }) type: string;
  @ApiProperty({ description: 'Data-source department (数据来源单位)' }) source: string;
  @ApiProperty({ description: 'Decision number (决定文书号)' }) decisionNumber: string;
  @ApiProperty({ enum: RECORD_INDUSTRIES, description: 'Industry (行业)' }) industry: string;
  @ApiProperty({ type: String, nullable: true, enum: LIST_TYPES, description: 'List (名单类型) of a list entry' })
  listType: string | null;
  @ApiProperty({ type: String, nullable: true, enum: RECORD_SEVERITIES, description: 'Severity (严重程度)' }) severity:
    string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: TAX_CREDIT_LEVELS,
    description: 'Tax credit level (纳税信用级别)',
  })
  taxLevel: string | null;
  @ApiProperty({ format: 'date', description: 'Decision date (决定日期)' }) decisionDate: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'Earliest end by credit repair (最短公示期满)',
  })
  publicityMinEnd: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'Publicity end (公示截止期), exclusive; null = open-ended',
  })
  publicityEnd: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['NDRC-58', 'NDRC-36'],
    description: 'Publicity rule of the window (适用规章)',
  })
  ruleVersion: string | null;
}

/** A joint reward or punishment measure (联合奖惩措施) that applies to the party. */
export class CheckMeasureDto {
  @ApiProperty({
    description: 'Measure code (措施编码), the one feedback names',
    example: 'memo-restrict-government-project-bids',
  })
  code: string;
  @ApiProperty({ enum: MEASURE_KINDS, description: 'penalty (惩戒) or reward (激励)' }) kind: string;
  @ApiProperty({
    enum: MEASURE_EFFECTS,
    description: 'block 禁止 / restrict 限制 / scrutinise 重点审查 / facilitate 便利',
  })
  effect: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Measure name (措施名称)' }) nameZh: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'Measure description (措施内容)' }) descriptionZh: string;
  @ApiProperty({
    type: ResolvedLegalBasisDto,
    description: 'Legal basis (法律依据): title, document number, article, verification status',
  })
  legalBasis: ResolvedLegalBasisDto;
  @ApiProperty({ type: [String], description: 'Implementing departments (实施部门)' }) departments: string[];
  @ApiProperty({ description: 'The rule that applied it (规则)' }) rule: string;
  @ApiProperty({ description: 'Reason (原因), English' }) reason: string;
  @ApiProperty({ description: 'Reason (原因), Chinese' }) reasonZh: string;
  @ApiProperty({ type: [String], description: 'Facts the rule read (scenario, party role and amount left out)' })
  factsUsed: string[];
  @ApiProperty({ type: [RecordCitationDto], description: 'The records in force behind it (记录来源)' })
  triggeredBy: RecordCitationDto[];
}

/** How the caller named the party: the code, or the masked ID number; never the full ID number. */
export class CheckIdentifierDto {
  @ApiPropertyOptional({ description: 'Unified social credit code (统一社会信用代码), as given' }) code?: string;
  @ApiPropertyOptional({ description: 'Resident ID number, masked (脱敏身份证号)', example: '110105********002X' })
  idNumberMasked?: string;
}

export class CheckPartyTierDto {
  @ApiProperty({ enum: INDUSTRIES, description: 'Industry (行业)' }) industry: string;
  @ApiProperty({ description: 'Credit tier (信用等级)' }) tier: string;
  @ApiProperty({ description: 'Score (信用分)' }) score: number;
  @ApiProperty({ description: 'Rule pack id' }) pack: string;
  @ApiProperty({ description: 'Rule pack version' }) version: string;
}

export class CheckPartyResultDto {
  @ApiProperty({ type: 'integer', description: 'Index of the party in the request (当事人序号), from 0' })
  index: number;
  @ApiProperty({ description: 'Role in the transaction (角色), as given', example: 'bidder' }) role: string;
  @ApiProperty({ type: CheckIdentifierDto }) identifier: CheckIdentifierDto;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The subject (信用主体); null when the service does not know it',
  })
  subjectId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Registered name (名称); null for an unknown subject' })
  name: string | null;
  @ApiProperty({ enum: VERDICTS, description: `Verdict (核查结论): ${VERDICT_DESCRIPTION}` }) verdict: string;
  @ApiProperty({ description: 'One sentence an approver reads, Chinese and English (结论说明)' }) statement: string;
  @ApiProperty({ type: [CheckMeasureDto], description: 'Measures that apply (适用的联合奖惩措施)' })
  measures: CheckMeasureDto[];
  @ApiProperty({ type: 'integer', description: 'Records in force (有效信用记录数)' }) recordsInForce: number;
  @ApiProperty({ type: [CheckPartyTierDto], description: 'Tiers used (信用等级)' }) tiers: CheckPartyTierDto[];
}

export class CheckTransactionViewDto {
  @ApiProperty({ description: 'Business reference (业务编号); a personal ID number in it is masked' })
  reference: string;
  @ApiPropertyOptional({ description: 'Kind of transaction (业务类型), as given' }) kind?: string;
  @ApiPropertyOptional({ description: 'Amount (金额, 元), as given' }) amount?: number;
}

/** The receipt of the check's audit entry (审计回执). */
export class AuditReceiptDto {
  @ApiProperty({ format: 'uuid', description: 'Audit entry id (= checkId)' }) entryId: string;
  @ApiProperty({ type: 'integer', description: 'Position in the hash chain (序号)' }) seq: number;
  @ApiProperty({ description: 'Hash of the entry (摘要), hex' }) hash: string;
  @ApiProperty({ enum: ['sm3', 'sha256'], description: 'Hash algorithm (SM3 where available)' }) algorithm: string;
}

export class CheckAnswerDto {
  @ApiProperty({ format: 'uuid', description: 'Check id (核查编号)' }) checkId: string;
  @ApiProperty({ format: 'date-time', description: 'When it was checked (核查时间)' }) checkedAt: string;
  @ApiProperty({ format: 'date', description: 'Records in force on this date (China Standard Time)' }) asOf: string;
  @ApiProperty({ description: 'Calling system (调用方), the API key name' }) caller: string;
  @ApiProperty({ description: 'Scenario (应用场景): tendering, government_procurement, …', example: 'tendering' })
  scenario: string;
  @ApiProperty({ type: CheckTransactionViewDto, description: 'The transaction (业务)' })
  transaction: CheckTransactionViewDto;
  @ApiProperty({
    enum: VERDICTS,
    description: `Verdict of the check (核查结论), the worst over all parties: ${VERDICT_DESCRIPTION}`,
  })
  verdict: string;
  @ApiProperty({ type: [CheckPartyResultDto], description: 'Per party, in request order (当事人核查结果)' })
  parties: CheckPartyResultDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Rule-pack versions used (规则包版本), pack id → version',
    example: { tax: '1.0.0', measures: '1.0.0' },
  })
  packVersions: Record<string, string>;
  @ApiProperty({ type: AuditReceiptDto, description: 'Receipt of the audit entry (审计回执)' }) audit: AuditReceiptDto;
  @ApiProperty({
    description: 'true: the first answer, returned again (Idempotency-Key retry or GET); nothing was written',
  })
  replayed: boolean;
}
