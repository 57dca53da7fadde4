import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, OptionalDate, OptionalText, RequiredText } from '../../../common/field-decorators';
import { ENTRY_STATUSES, EXIT_STATUSES, type EntryStatus, type ExitStatus } from '../governance.parameters';

export class OpenEntryDto {
  @ApiProperty({ format: 'uuid', description: 'The subject (信用主体) put under special governance' })
  @IsUUID('all')
  subjectId: string;

  @RequiredText(200, {
    description: 'Responsible department (责任部门): the supervising department that follows the subject to its exit',
    example: '綦江区市场监督管理局',
  })
  department: string;

  @RequiredText(2000, {
    description:
      'Why the credit office enters it (列入理由): the repeated violations and why they are 屡禁不止、屡罚不改',
    example: '近三年因同一违法行为多次受到行政处罚，整改不到位。',
  })
  reason: string;

  @OptionalText(200, { description: 'Violation type concerned (违法行为类型), when there is one' })
  violationType?: string;

  @ApiProperty({
    type: String,
    format: 'date',
    description: 'Date entered in the ledger (列入日期), not in the future',
  })
  @IsCalendarDate()
  openedOn: string;
}

export class DecideProposalDto {
  @ApiProperty({ format: 'uuid', description: 'The proposed subject (建议治理对象)' })
  @IsUUID('all')
  subjectId: string;

  @RequiredText(200, { description: 'The violation type of the proposal (违法行为类型), as the proposal names it' })
  violationType: string;

  @RequiredText(2000, {
    description:
      'The credit office’s reason (信用主管部门意见): for an acceptance the reason entered in the ledger, for a declination why not',
    example: '同一违法行为三年内三次受到处罚，列入专项治理台账。',
  })
  reason: string;

  @OptionalText(200, {
    description: 'Responsible department (责任部门) on acceptance; default: the department of the latest penalty',
  })
  department?: string;
}

export class ExitEntryDto {
  @ApiProperty({
    enum: EXIT_STATUSES,
    description:
      'How the subject exits (退出方式): rectified 整改到位, repaired 信用修复, closed_other 其他情形办结 (e.g. 注销)',
  })
  @IsIn([...EXIT_STATUSES])
  status: ExitStatus;

  @ApiProperty({
    type: String,
    format: 'date',
    description: 'Exit date (退出日期), not before entry nor in the future',
  })
  @IsCalendarDate()
  date: string;

  @RequiredText(2000, {
    description: 'Evidence (佐证材料说明): what shows the rectification, the repair decision, or why it is closed',
    example: '经复查，违法行为已纠正，罚款已缴清。',
  })
  note: string;
}

export class EntryListQuery {
  @ApiPropertyOptional({
    enum: ENTRY_STATUSES,
    description: 'open 治理中, rectified 整改到位, repaired 信用修复, closed_other 其他',
  })
  @IsOptional()
  @IsIn([...ENTRY_STATUSES])
  status?: EntryStatus;

  @OptionalText(200, { description: 'Only entries of this responsible department (责任部门)' })
  department?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AsOfQuery {
  @OptionalDate({ description: 'As of this day (统计日期); default today (China Standard Time)' })
  asOf?: string;
}
