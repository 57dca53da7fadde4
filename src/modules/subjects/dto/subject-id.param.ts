import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SubjectIdParam {
  @ApiProperty({
    description: 'Subject id (主体标识), a UUID',
    format: 'uuid',
    example: '7d0c3f9e-2b1a-4c5d-9e8f-0a1b2c3d4e5f',
  })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}
