import { ApiProperty } from '@nestjs/swagger';
import { SubjectBriefDto } from '../../subjects/dto/subject-brief.dto';
import { ENTRY_STATUSES } from '../governance.parameters';

export class TriggeringRecordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Decision number (处罚决定书文号)' }) decisionNumber: string;
  @ApiProperty({ format: 'date', description: 'Decision date (处罚决定日期)' }) decisionDate: string;
  @ApiProperty({ description: 'Deciding department (处罚机关)' }) source: string;
}

export class ProposalParametersDto {
  @ApiProperty({ description: 'Penalties for the same violation type that make a proposal (local parameter)' })
  minPenalties: number;
  @ApiProperty({ description: 'Window in months up to asOf (local parameter)' }) windowMonths: number;
  @ApiProperty({ description: 'What the parameters rest on' }) basis: string;
}

export class ProposalDto {
  @ApiProperty({ type: SubjectBriefDto }) subject: SubjectBriefDto;
  @ApiProperty({ description: 'Violation type (违法行为类型) penalised repeatedly' }) violationType: string;
  @ApiProperty({ description: 'Penalties in the window (处罚次数)' }) penalties: number;
  @ApiProperty({ description: 'Department of the latest penalty (建议责任部门)' }) department: string;
  @ApiProperty({ format: 'date', description: 'Latest penalty date' }) lastDate: string;
  @ApiProperty({ type: [TriggeringRecordDto], description: 'The penalties that trigger it (触发记录)' })
  records: TriggeringRecordDto[];
}

export class ProposalListDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: ProposalParametersDto }) parameters: ProposalParametersDto;
  @ApiProperty({ type: [ProposalDto] }) items: ProposalDto[];
}

export class EntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The subject (信用主体), also in `subject`' }) subjectId: string;
  @ApiProperty({ type: SubjectBriefDto }) subject: SubjectBriefDto;
  @ApiProperty({ description: 'Responsible department (责任部门)' }) department: string;
  @ApiProperty({ description: 'Reason entered (列入理由)' }) reason: string;
  @ApiProperty({ enum: ['manual', 'rule'], description: 'manual 信用主管部门列入 / rule 规则建议经确认' })
  source: string;
  @ApiProperty({ type: String, nullable: true, description: 'Violation type (违法行为类型)' })
  violationType: string | null;
  @ApiProperty({ type: [String], description: 'Triggering penalty records (触发记录) of a rule proposal' })
  recordIds: string[];
  @ApiProperty({ format: 'date', description: 'Entered on (列入日期)' }) openedOn: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who entered it (API key name)' }) openedBy: string | null;
  @ApiProperty({
    enum: ENTRY_STATUSES,
    description: 'open 治理中 / rectified 整改到位 / repaired 信用修复 / closed_other 其他',
  })
  status: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Exit date (退出日期)' })
  exitDate: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Evidence note (佐证说明)' }) exitNote: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who decided the exit (API key name)' })
  exitDecidedBy: string | null;
  @ApiProperty({
    description:
      'On a key-attention list (重点关注名单, list_entry key_attention) in force today; no measure rests on that list (none found in its sources)',
  })
  keyAttentionListed: boolean;
}

export class EntryListDto {
  @ApiProperty({ type: [EntryDto] }) items: EntryDto[];
}

export class ExitRateDto {
  @ApiProperty({ description: 'Responsible department (责任部门); "overall" for the total' }) department: string;
  @ApiProperty({ description: 'Entries opened by asOf (治理对象数)' }) entries: number;
  @ApiProperty({ description: 'Still open (治理中)' }) open: number;
  @ApiProperty({ description: 'Rectified (整改到位)' }) rectified: number;
  @ApiProperty({ description: 'Repaired (信用修复)' }) repaired: number;
  @ApiProperty({ description: 'Closed otherwise (其他情形办结), left out of the rate' }) closedOther: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Exit rate (退出率) = (rectified + repaired) / (entries − closedOther); null when nothing to count',
  })
  exitRate: number | null;
}

export class ExitStatisticsDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ description: 'The district target (区规划目标)' }) target: string;
  @ApiProperty({ type: ExitRateDto }) overall: ExitRateDto;
  @ApiProperty({ type: [ExitRateDto] }) departments: ExitRateDto[];
}

export class DefaulterListingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Listing court (纳入法院)' }) source: string;
  @ApiProperty({ description: 'Decision number (决定书文号)' }) decisionNumber: string;
  @ApiProperty({ format: 'date', description: 'Listed on (纳入日期)' }) listedOn: string;
  @ApiProperty({ description: 'No longer in force on asOf (ended, removed, repaired or revoked: 已整改到位)' })
  rectified: boolean;
}

export class PublicBodyDefaulterDto {
  @ApiProperty({ type: SubjectBriefDto }) subject: SubjectBriefDto;
  @ApiProperty({ description: 'Every 失信被执行人 listing ended by asOf (整改到位)' }) rectified: boolean;
  @ApiProperty({ type: [DefaulterListingDto] }) listings: DefaulterListingDto[];
}

export class PublicBodyDefaultersDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ description: 'The district target (区规划目标)' }) target: string;
  @ApiProperty({ description: 'Public bodies ever listed by asOf' }) subjects: number;
  @ApiProperty({ description: 'Of them rectified (整改到位)' }) rectified: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Rectification rate (整改到位率) = rectified / subjects; null when none listed',
  })
  rectificationRate: number | null;
  @ApiProperty({ type: [PublicBodyDefaulterDto] }) items: PublicBodyDefaulterDto[];
}

export class DeclinedDto {
  @ApiProperty({ description: 'The proposal was declined (不予列入); the same penalties do not propose it again' })
  declined: boolean;
  @ApiProperty({ format: 'uuid', description: 'The subject (信用主体)' }) subjectId: string;
  @ApiProperty({ description: 'Violation type (违法行为类型)' }) violationType: string;
  @ApiProperty({ type: [String], description: 'The penalties it was declined on (触发记录)' }) recordIds: string[];
}

export class KeyAttentionListingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Listing department (列入部门)' }) source: string;
  @ApiProperty({ description: 'Decision number (列入决定文号)' }) decisionNumber: string;
  @ApiProperty({ format: 'date', description: 'Listed on (列入日期)' }) listedOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'List end (移出日期), when known' })
  listEnd: string | null;
}

export class KeyAttentionSubjectDto {
  @ApiProperty({ type: SubjectBriefDto }) subject: SubjectBriefDto;
  @ApiProperty({ type: [KeyAttentionListingDto] }) listings: KeyAttentionListingDto[];
  @ApiProperty({ type: [String], description: 'Open governance ledger entries of the subject (治理中的台账条目)' })
  openEntryIds: string[];
}

export class KeyAttentionListDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({
    type: [String],
    description:
      'Measures that rest on the list itself: none (no national text naming a measure for 重点关注名单 was found; the checks have none)',
  })
  measures: string[];
  @ApiProperty({ description: 'Where closer supervision of key-attention subjects is carried instead' }) note: string;
  @ApiProperty({ type: [KeyAttentionSubjectDto] }) items: KeyAttentionSubjectDto[];
}
