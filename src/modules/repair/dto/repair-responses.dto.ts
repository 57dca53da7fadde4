import { ApiProperty } from '@nestjs/swagger';
import { APPLICANT_KINDS, APPLICATION_STATUSES } from './repair-requests.dto';

class ApplicantViewDto {
  @ApiProperty({ enum: APPLICANT_KINDS }) kind: string;
  @ApiProperty({ example: '重庆恒通酒店有限公司' }) name: string;
}

/** A repair application as the API answers it. */
export class RepairApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'Record to repair (信用记录)' }) recordId: string;
  @ApiProperty({ format: 'uuid', description: 'Subject (信用主体)' }) subjectId: string;
  @ApiProperty({ description: 'Decision number of the record (决定文书号)', example: '綦市监罚〔2025〕101号' })
  decisionNumber: string;
  @ApiProperty({
    description: 'Recognising department that decides (认定部门, "谁认定、谁修复")',
    example: '綦江区市场监督管理局',
  })
  department: string;
  @ApiProperty({ enum: APPLICATION_STATUSES, description: 'pending 待审核 / approved 已修复 / rejected 不予修复' })
  status: string;
  @ApiProperty({ type: ApplicantViewDto, description: 'Applicant (申请人)' }) applicant: ApplicantViewDto;
  @ApiProperty({ description: 'Public credit commitment (公开信用承诺)' }) commitment: string;
  @ApiProperty({ description: 'Obligations fulfilled (履行义务情况)' }) reason: string;
  @ApiProperty({ type: [String], description: 'Evidence (证明材料)' }) evidence: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'Earliest repair date (最短公示期届满之日)',
    example: '2025-06-10',
  })
  earliestRepairDate: string | null;
  @ApiProperty({ format: 'date', description: 'Applied on (申请日期), China Standard Time' }) appliedOn: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description:
      "The applicant's repair commitment filed as a credit commitment record (信用修复承诺), when the subject has a unified social credit code",
  })
  commitmentRecordId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Decided on (审核日期)' }) decidedOn:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Deciding department (审核部门)' }) decidedBy:
    string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Approval note or rejection reason (审核意见 / 不予修复理由)',
  })
  decisionReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'API key name (caller system) that applied' }) caller:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'API key name (caller system) that decided' })
  decidedCaller: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class RepairApplicationPageDto {
  @ApiProperty({ type: 'integer', example: 1 }) total: number;
  @ApiProperty({ type: 'integer', example: 50 }) limit: number;
  @ApiProperty({ type: 'integer', example: 0 }) offset: number;
  @ApiProperty({ type: [RepairApplicationDto] }) items: RepairApplicationDto[];
}
