import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DRAFT_EXAMPLE } from '../pack-versions.examples';
import { NoNul } from '../../../common/field-decorators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SaveDraftDto {
  @ApiProperty({
    description:
      'The whole pack as JSON (the pack.json format); for the pack `measures`: `{ catalogue, rules }`. Validated on save; an invalid draft is saved with its findings but cannot be published.',
    type: 'object',
    additionalProperties: true,
    example: DRAFT_EXAMPLE,
  })
  @IsObject()
  content: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'Revision the edit is based on (when no If-Match header is sent); 0 when there is no draft yet',
    example: 3,
    minimum: 0,
    maximum: 2147483647,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2147483647) // pack_drafts.revision is an integer
  revision?: number;

  @ApiPropertyOptional({ description: 'Person editing (经办人); default: the calling key', example: '信用科-李四' })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(100)
  @NoNul()
  operator?: string;
}

export class PublishDto {
  @ApiProperty({ description: 'Why this version is published (发布理由)', example: '按2026年第12号文调整A级分数线' })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(2000)
  @NoNul()
  reason: string;

  @ApiPropertyOptional({ description: 'Person publishing (经办人); default: the calling key', example: '信用科-李四' })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(100)
  @NoNul()
  operator?: string;
}

export class RollbackDto extends PublishDto {
  @ApiProperty({
    description: 'Id of the earlier published version to activate again',
    example: '0f9a3c52-1d6e-4c1b-9a57-3e4f0b7c2d11',
  })
  @IsUUID()
  versionId: string;
}
