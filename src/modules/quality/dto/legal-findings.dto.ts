import { ApiProperty } from '@nestjs/swagger';
import { OptionalText } from '../../../common/field-decorators';

export class LegalFindingsQuery {
  @OptionalText(200, {
    description: 'Only this data-source department (数据来源单位), as written in credit records',
    example: '綦江区市场监督管理局',
  })
  department?: string;
}

export class LegalFindingDto {
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty({ description: 'Data-source department (数据来源单位) that must correct the record' })
  department: string;
  @ApiProperty({ description: 'Decision number (决定文书号)' }) decisionNumber: string;
  @ApiProperty({
    enum: ['list_term', 'court_ground_missing', 'severity_contradicts_penalty'],
    description:
      'list_term: a list whose law fixes a term stored open-ended or out of bounds (名单期限); court_ground_missing: 失信被执行人 without its ground (失信情形); severity_contradicts_penalty: grade contradicting the penalty types (令第36号)',
  })
  code: string;
  @ApiProperty({ description: 'The record field to correct (as in POST /api/v1/records)', example: 'listEndDate' })
  field: string;
  @ApiProperty({ description: 'Why, with the legal source' }) reason: string;
}

export class LegalFindingsDto {
  @ApiProperty({ type: [LegalFindingDto] }) items: LegalFindingDto[];
  @ApiProperty({ example: 0 }) total: number;
  @ApiProperty({ description: 'How to correct: re-import the row with the field set (an audited update)' })
  howToFix: string;
}
