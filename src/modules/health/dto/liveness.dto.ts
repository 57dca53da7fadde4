import { ApiProperty } from '@nestjs/swagger';

/** The liveness answer (存活): the process answers; the database is not consulted. */
export class LivenessDto {
  @ApiProperty({ enum: ['ok'], description: 'Always ok while the process answers (存活)' }) status: string;
}
