import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUBJECT_KINDS } from '../../../rules/shared';
import {
  COMMITMENT_STATUSES,
  COMMITMENT_TYPES,
  INSPECTION_RESULTS,
  LIST_TYPES,
  PENALTY_TYPES,
  RECORD_INDUSTRIES,
  RECORD_STATUSES,
  RECORD_TYPES,
} from '../../../rules/facts';
import { PUBLICITY_SECTORS } from './record-row.dto';

/** OpenAPI shapes of the answers (the service returns plain objects of these shapes). */
export class RecordViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ enum: RECORD_TYPES }) type: string;
  @ApiProperty({ description: 'Data-source department (数据来源单位)' }) source: string;
  @ApiProperty({ description: 'Decision number (决定文书号)' }) decisionNumber: string;
  @ApiProperty({ enum: RECORD_INDUSTRIES }) industry: string;
  @ApiProperty({ type: String, nullable: true, enum: PUBLICITY_SECTORS, description: 'Publicity sector (公示领域)' })
  sector: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['minor', 'general', 'serious'] }) severity: string | null;
  @ApiProperty({ type: String, nullable: true, enum: LIST_TYPES, description: 'List (名单类型) of a list entry' })
  listType: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 6,
    description:
      '失信被执行人 ground (失信情形, 法释〔2017〕7号 Art. 1): 1 has no term (court deletes), 2–6 listed 2 years (+1–3); null for other lists or when not recorded',
  })
  listGround: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['A', 'B', 'M', 'C', 'D'] }) taxLevel: string | null;
  @ApiProperty({ nullable: true, type: Number }) taxYear: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['A', 'B', 'C', 'D'],
    description: 'Public credit comprehensive evaluation grade (公共信用综合评价结果) of a public_credit record',
  })
  publicCreditGrade: string | null;
  @ApiProperty({ format: 'date' }) decisionDate: string;
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
    description: 'Publicity / list end (公示截止期), exclusive; null = open-ended',
  })
  publicityEnd: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Licence valid until (有效期至)' })
  validUntil: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['NDRC-58', 'NDRC-36'],
    description: 'Publicity rule the window was computed under (适用规章)',
  })
  ruleVersion: string | null;
  @ApiProperty({ enum: PENALTY_TYPES, isArray: true }) penaltyTypes: string[];
  @ApiProperty({ nullable: true, type: Number, description: '万元' }) fineAmount: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: COMMITMENT_STATUSES,
    description: 'Commitment status (承诺履行状态)',
  })
  commitmentStatus: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) commitmentStatusDate: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: COMMITMENT_TYPES,
    description:
      'Commitment type (承诺类型) of a commitment record: notify_commit 告知承诺, gap_acceptance 容缺受理型, voluntary_disclosure 主动公开型, industry_self_discipline 行业自律型, approval_substitute 审批替代型, credit_repair 信用修复型',
  })
  commitmentType: string | null;
  @ApiProperty({ type: String, nullable: true, enum: INSPECTION_RESULTS, description: 'Inspection result (检查结果)' })
  inspectionResult: string | null;
  @ApiProperty({ enum: RECORD_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revocationReason: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) repairedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) endedAt: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Other "双公示" fields (违法行为类型, 处罚依据, 处罚机关…)',
  })
  details: Record<string, unknown>;
  @ApiProperty({ description: 'SHA-256 of the normalised record' }) contentHash: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({ description: 'In force at the asOf date (today by default) (是否有效)' }) inForce?: boolean;
}

/** 信用修复告知书 data, served with a penalty decision or a dishonesty listing. */
export class RepairNoticeDto {
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty({ description: 'Decision number (决定文书号)' }) decisionNumber: string;
  @ApiProperty({ description: 'The department that recognised the record and repairs it (认定部门, 谁认定、谁修复)' })
  recognisingDepartment: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty({ nullable: true, type: String, enum: ['minor', 'general', 'serious'] }) severity: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['NDRC-58', 'NDRC-36'],
    description: 'Rule version of the windows (令第58号 before 2026-04-01, 令第36号 from then)',
  })
  ruleVersion: string | null;
  @ApiProperty({ description: 'The rule in words' }) ruleText: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Repair may be applied for from this date (最短公示期届满)',
  })
  earliestRepairDate: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Publication stops by itself on this date (最长公示期届满)',
  })
  publicityEnds: string | null;
  @ApiProperty({ type: [String], description: 'How to apply (申请方式)' }) howToApply: string[];
}

export class IngestOneResultDto {
  @ApiProperty({ enum: ['stored', 'unchanged', 'updated'], description: 'stored (201), unchanged or updated (200)' })
  status: string;
  @ApiProperty({ type: RecordViewDto }) record: RecordViewDto;
  @ApiProperty({
    type: RepairNoticeDto,
    nullable: true,
    description:
      'For a penalty or a dishonesty listing: the credit repair notice (信用修复告知书) to serve with the decision; null for other records',
  })
  repairNotice: RepairNoticeDto | null;
}

class FieldErrorDto {
  @ApiProperty({ example: 'subjectCode' }) field: string;
  @ApiProperty({ example: 'check character (position 18) does not match (GB 32100)' }) reason: string;
}

export class RowReportDto {
  @ApiProperty({ description: '1-based row number among the data rows' }) row: number;
  @ApiPropertyOptional({
    description: 'CSV: line of the file the row starts on; .xlsx: the worksheet row (header = 1)',
  })
  line?: number;
  @ApiProperty({ enum: ['stored', 'unchanged', 'updated', 'refused'] }) status: string;
  @ApiPropertyOptional({ format: 'uuid' }) recordId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The subject the record belongs to (主体ID)' })
  subjectId?: string;
  @ApiPropertyOptional() decisionNumber?: string;
  @ApiPropertyOptional({ description: 'Subject code, or an ID number masked (110105********002X)' }) subject?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}

class ImportTotalsDto {
  @ApiProperty() rows: number;
  @ApiProperty() stored: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() updated: number;
  @ApiProperty() refused: number;
}

export class ImportReportDto {
  @ApiProperty({ enum: ['json', 'csv', 'xlsx'] }) format: string;
  @ApiProperty({ type: ImportTotalsDto }) totals: ImportTotalsDto;
  @ApiProperty({ type: [RowReportDto] }) rows: RowReportDto[];
}

class SubjectRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SUBJECT_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty({ type: String, nullable: true, example: '110105********002X' }) idMasked: string | null;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) registeredOn: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'H6110',
    description: 'Registered industry code (国民经济行业分类代码, GB/T 4754-2017); null when unknown',
  })
  industryCode: string | null;
}

export class SubjectRecordsDto {
  @ApiProperty({ type: SubjectRefDto }) subject: SubjectRefDto;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) asOf: string | null;
  @ApiProperty() includeEnded: boolean;
  @ApiProperty({ type: [RecordViewDto] }) records: RecordViewDto[];
}
