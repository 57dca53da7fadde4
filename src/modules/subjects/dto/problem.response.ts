import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorResponse {
  @ApiProperty({ example: 'code' }) field: string;
  @ApiProperty({ example: 'check character (position 18) does not match (GB 32100)' }) reason: string;
}

/** RFC 9457 problem details (application/problem+json), as the global filter writes them. */
export class ProblemResponse {
  @ApiProperty({ example: 'https://credit-engine.local/problems/validation-failed' }) type: string;
  @ApiProperty({ example: 'Request validation failed (请求参数校验失败)' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional({ example: 'code: check character (position 18) does not match (GB 32100)' }) detail?: string;
  @ApiPropertyOptional({ example: '/api/v1/subjects' }) instance?: string;
  @ApiProperty({ description: 'Stable error code', example: 'VALIDATION_FAILED' }) code: string;
  @ApiPropertyOptional({ type: [FieldErrorResponse] }) errors?: FieldErrorResponse[];
  @ApiPropertyOptional({ description: 'SUBJECT_EXISTS only: the id of the subject already registered', format: 'uuid' })
  subjectId?: string;
  @ApiPropertyOptional() requestId?: string;
}
