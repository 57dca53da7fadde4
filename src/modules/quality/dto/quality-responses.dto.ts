import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RateDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share, 0–1 rounded to 4 decimals; null when there is nothing to measure (never a made-up 100 %)',
    example: 0.8,
  })
  rate: number | null;

  @ApiProperty({ example: 8 }) count: number;
  @ApiProperty({ example: 10, description: 'Of how many' }) of: number;
}

export class TimelyDto extends RateDto {
  @ApiProperty({ example: 1, description: 'Accepted records received late (不及时)' }) late: number;
}

export class ReportedDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      '上报率 (reported rate): received ÷ declared over the declared months; null without a declaration; may exceed 1',
    example: 0.5,
  })
  rate: number | null;

  @ApiProperty({ description: 'Rows received (accepted + refused) in the declared months (whole months)', example: 10 })
  received: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Count declared in the ledger (应上报数)', example: 20 })
  declared: number | null;
  @ApiProperty({ type: [String], description: 'Declared months (YYYY-MM)', example: ['2026-10'] }) periods: string[];
  @ApiProperty({ type: [String], description: 'Months of the range without a declaration (未申报台账)', example: [] })
  undeclaredPeriods: string[];
}

export class DepartmentQualityDto {
  @ApiProperty({ description: 'Data-source department (数据来源单位)', example: '綦江区市场监督管理局' })
  department: string;
  @ApiProperty({ description: 'Rows received (上报数): accepted + refused', example: 10 }) received: number;
  @ApiProperty({ description: 'Accepted (入库)', example: 8 }) accepted: number;
  @ApiProperty({ description: 'Refused (退回), outstanding', example: 2 }) refused: number;
  @ApiProperty({ type: ReportedDto, description: '上报率 (reported)' }) reported: ReportedDto;
  @ApiProperty({ type: RateDto, description: '合规率 (compliant): accepted ÷ received' }) compliant: RateDto;
  @ApiProperty({ type: TimelyDto, description: '及时率 (timely): received within N working days ÷ accepted' })
  timely: TimelyDto;
}

export class CodeIssueDto {
  @ApiProperty({ description: 'Unified social credit code (统一社会信用代码)', example: '91500110MA8EEY8N48' })
  code: string;
  @ApiProperty({
    type: [String],
    enum: ['check_character', 'code_under_several_names', 'name_under_several_codes'],
    description:
      'check_character 校验位错误 (refused), code_under_several_names 一码多名, name_under_several_codes 一名多码',
  })
  reasons: string[];

  @ApiProperty({ type: [String], description: 'Names seen with the code' }) names: string[];
  @ApiProperty({ type: [String], description: 'Other codes seen under one of these names' }) sharedNameWith: string[];
}

export class CodeQualityDto {
  @ApiProperty({ description: 'Distinct codes seen', example: 5000 }) codes: number;
  @ApiProperty({ description: 'Codes with an issue (重错码数)', example: 1 }) offending: number;
  @ApiProperty({ type: Number, nullable: true, description: '重错率 per 10,000 (万分率)', example: 2 }) per10k:
    number | null;
  @ApiProperty({ description: 'Target of the plan: under 1 per 10,000 (万分之一以内)', example: 1 })
  targetPer10k: number;
  @ApiProperty({ type: Boolean, nullable: true }) withinTarget: boolean | null;
  @ApiProperty({ type: [CodeIssueDto] }) items: CodeIssueDto[];
}

export class QualityStatisticsDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
  @ApiProperty({ format: 'date-time', description: 'Generated at (生成时间)' }) generatedAt: string;
  @ApiProperty({
    description:
      'Record types counted (licence 行政许可, penalty 行政处罚), N of 及时率 and its status as a local parameter, the working calendar',
  })
  parameters: Record<string, unknown>;

  @ApiProperty({ description: 'How each rate is defined (口径说明)' }) definitions: Record<string, string>;
  @ApiProperty({ type: DepartmentQualityDto, description: 'All departments together (合计)' })
  totals: DepartmentQualityDto;
  @ApiProperty({ type: [DepartmentQualityDto], description: 'Per department (分部门)' })
  departments: DepartmentQualityDto[];
  @ApiProperty({ type: CodeQualityDto, description: 'Duplicate and wrong codes (重错码)' }) codes: CodeQualityDto;
}

export class RowErrorDto {
  @ApiProperty({ example: 'subjectCode' }) field: string;
  @ApiProperty({ example: 'check character is wrong' }) reason: string;
}

/** A refused row (不合规, kind refused) or an accepted record received late (不及时, kind late): the fields of its kind only. */
export class FailureDto {
  @ApiProperty({ enum: ['refused', 'late'], description: 'refused 不合规 (退回) or late 不及时' }) kind: string;
  @ApiProperty({ description: 'Department (数据来源单位)' }) department: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Decision number (决定书文号)' }) decisionNumber:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'licence / penalty' }) recordType: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) decisionDate: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'refused: the id of the kept refusal' }) id?: string;
  @ApiPropertyOptional({ description: 'refused: the row number in its import (1 for a single POST)' }) row?: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'refused: the line in a CSV import (null for JSON)',
  })
  line?: number | null;
  @ApiPropertyOptional({ type: [RowErrorDto], description: 'refused: the row errors (field + reason)' })
  errors?: RowErrorDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'refused: the code as sent (an organisation)' })
  subjectCode?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'refused: a natural person, masked ID number only (110105********002X)',
  })
  subjectMasked?: string | null;
  @ApiPropertyOptional({ description: 'refused: the code failed its GB 32100 check character' })
  codeCheckFailed?: boolean;
  @ApiPropertyOptional({ format: 'date-time', description: 'refused: when' }) rejectedAt?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'late: the record id' }) recordId?: string;
  @ApiPropertyOptional({ format: 'date', description: 'late: received on (接收日期, China Standard Time)' })
  receivedOn?: string;
  @ApiPropertyOptional({ format: 'date', description: 'late: last timely day (截止日期)' }) deadline?: string;
  @ApiPropertyOptional({ description: 'late: working days taken' }) workingDays?: number;
  @ApiPropertyOptional({ description: 'late: working days allowed (N)' }) allowedWorkingDays?: number;
}

export class FailuresPageDto {
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({ type: [FailureDto] }) items: FailureDto[];
}

export class LedgerDto {
  @ApiProperty({ description: 'Department (数据来源单位)' }) department: string;
  @ApiProperty({ description: 'Month (YYYY-MM)', example: '2026-10' }) period: string;
  @ApiProperty({ description: 'Declared count (应上报数)', example: 120 }) declared: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Caller system that declared it' }) declaredBy:
    string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class LedgerListDto {
  @ApiProperty({ type: [LedgerDto] }) items: LedgerDto[];
}
