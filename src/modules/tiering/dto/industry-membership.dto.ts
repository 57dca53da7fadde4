import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ASSIGNMENT_EFFECTS, MEMBERSHIP_SOURCES } from '../../../rules/membership';
import { INDUSTRIES, RECORD_TYPES } from '../../../rules';

/** PUT /subjects/{id}/industries/{industry}: a department's decision (行业归属认定). */
export class AssignIndustryBody {
  @ApiProperty({
    enum: ASSIGNMENT_EFFECTS,
    description:
      'member: the department supervises the subject (纳入本行业监管); excluded: it does not, whatever its records or industry code say (不属于本行业监管对象)',
  })
  @IsIn(ASSIGNMENT_EFFECTS)
  effect: 'member' | 'excluded';

  @ApiProperty({ description: 'Why (认定理由), 1–500 characters', example: '经现场核查，该单位为公众聚集场所' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

/** DELETE /subjects/{id}/industries/{industry}: withdraw the open decision. */
export class EndIndustryBody {
  @ApiProperty({ description: 'Why the decision ends (撤回理由), 1–500 characters', example: '认定有误，予以撤回' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

export class MembershipBasisDto {
  @ApiProperty({
    enum: MEMBERSHIP_SOURCES,
    description:
      'every_subject: the pack supervises every subject of its kinds; record: a record of the industry in force; industry_code: the registered GB/T 4754 code; assigned: a department decision',
  })
  source: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Since (起始日期)' }) since: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'The record (信用记录)' }) recordId?: string;
  @ApiPropertyOptional({ enum: RECORD_TYPES }) recordType?: string;
  @ApiPropertyOptional({ description: 'The GB/T 4754-2017 code (行业代码)' }) industryCode?: string;
  @ApiPropertyOptional({ description: 'The decision (认定编号)' }) assignmentId?: string;
  @ApiPropertyOptional({ description: 'Its reason (认定理由)' }) reason?: string;
}

export class IndustryMembershipDto {
  @ApiProperty({ enum: INDUSTRIES, description: 'Industry (行业)' }) industry: string;
  @ApiProperty({ description: 'Supervised in this industry at asOf (属于本行业监管对象)' }) member: boolean;
  @ApiProperty({ type: [MembershipBasisDto], description: 'Why (归属依据)' }) bases: MembershipBasisDto[];
  @ApiPropertyOptional({
    enum: ['kind', 'no-basis', 'excluded'],
    description: 'Why not: its kind, no basis, or a department excluded it (不属于的原因)',
  })
  outside?: string;
  @ApiPropertyOptional({ type: MembershipBasisDto, description: 'The exclusion in force (排除认定)' })
  excludedBy?: MembershipBasisDto;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Its tier as of asOf (信用等级); null outside the industry',
  })
  tier: string | null;
}

export class IndustryAssignmentDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid', description: 'Subject id (主体ID)' }) subjectId: string;
  @ApiProperty({ enum: INDUSTRIES }) industry: string;
  @ApiProperty({ enum: ASSIGNMENT_EFFECTS }) effect: string;
  @ApiProperty({ format: 'date' }) since: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Until (exclusive); null while open' })
  until: string | null;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'Decided by (API key name)' }) decidedBy: string;
  @ApiProperty({ type: String, nullable: true, description: 'Department (认定部门)' }) department: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true }) endReason: string | null;
  @ApiProperty({ type: String, nullable: true }) endedBy: string | null;
}

/** A subject's industries (行业归属): membership of every pack's industry, and the department decisions. */
export class SubjectIndustriesDto {
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: String, nullable: true, description: 'Registered GB/T 4754-2017 code (行业代码)' })
  industryCode: string | null;
  @ApiProperty({ type: [IndustryMembershipDto] }) industries: IndustryMembershipDto[];
  @ApiProperty({ type: [IndustryAssignmentDto], description: 'Every decision, oldest first (认定记录)' })
  assignments: IndustryAssignmentDto[];
}
