import { ApiProperty } from '@nestjs/swagger';
import { SUBJECT_KINDS } from '../../../rules/shared';

/** A subject as a list row shows it (名称、类型、代码): a natural person by the masked ID number only. */
export class SubjectBriefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Name (名称)' }) name: string;
  @ApiProperty({ enum: SUBJECT_KINDS, description: 'Kind of subject (主体类型)', example: 'legal_person' })
  kind: string;
  @ApiProperty({ type: String, nullable: true, description: 'Unified social credit code (统一社会信用代码)' })
  code: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A natural person: the ID number masked (脱敏)' })
  idMasked: string | null;
}
