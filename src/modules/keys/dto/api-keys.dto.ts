import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { NoNul } from '../../../common/field-decorators';
import { SCOPES } from '../../auth/scopes';

/** A new API key's settings (新建API密钥). The rules beyond the types (name form, known scopes, scenario codes) are the CLI's. */
export class CreateApiKeyDto {
  @ApiProperty({
    description:
      'The caller system the key is issued to (调用方名称): 1-100 of a-z, 0-9, ".", "_", "-"; unique among live keys',
    example: 'qijiang-tendering-platform',
    maxLength: 100,
  })
  @IsString()
  @MaxLength(100)
  @NoNul()
  name: string;

  @ApiProperty({
    enum: SCOPES,
    isArray: true,
    description: 'Scopes granted (权限范围); at least one; admin implies every other scope',
    example: ['checks', 'feedback'],
  })
  @IsArray()
  @ArrayMaxSize(SCOPES.length)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  scopes: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Scenarios the key may check (可核查场景), e.g. tendering; `*` = all (alone); none by default',
    example: ['tendering', 'government_procurement'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  scenarios?: string[];

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 1_000_000,
    description:
      "The key's requests a minute (每分钟请求数); null or absent = the server default (RATE_LIMIT_PER_MINUTE)",
    example: 600,
  })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsInt()
  rateLimitPerMinute?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    description:
      'The department (部门) the key acts for (谁认定、谁修复: repair decisions, commitment outcomes); null or absent = not bound',
    example: '綦江区住房和城乡建设委员会',
  })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(200)
  @NoNul()
  department?: string | null;
}

/** One API key as an administrator sees it (API密钥): never the key, never its hash. */
export class ApiKeyDto {
  @ApiProperty({ format: 'uuid', description: 'Key id (密钥编号)' }) id: string;
  @ApiProperty({ example: 'qijiang-tendering-platform', description: 'Caller system (调用方名称)' }) name: string;
  @ApiProperty({
    example: '3f9a1c0b',
    description: 'Public prefix (密钥前缀): the 8 hex characters after cse_, safe to show',
  })
  prefix: string;
  @ApiProperty({ enum: SCOPES, isArray: true, description: 'Scopes granted (权限范围)' }) scopes: string[];
  @ApiProperty({ type: [String], description: 'Scenarios it may check (可核查场景); `*` = all' }) scenarios: string[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Requests a minute (每分钟请求数); null = server default',
    example: 600,
  })
  rateLimitPerMinute: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Department it acts for (所属部门); null = not bound' })
  department: string | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'Created (创建时间)' }) createdAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Last used (最近使用), to the minute; null = never',
  })
  lastUsedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Revoked (吊销时间); null = live (有效)',
  })
  revokedAt: string | null;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto], description: 'Every key, live ones first, then by name and creation' })
  items: ApiKeyDto[];
}

/** A key just issued: the key in full, answered this once and never again (not stored, not logged, not audited). */
export class CreatedApiKeyDto {
  @ApiProperty({
    description: 'The API key (API密钥) in full: shown this once; send it as `Authorization: Bearer <key>`',
    example: 'cse_3f9a1c0b_x5Hq…',
  })
  key: string;
  @ApiProperty({ type: ApiKeyDto }) apiKey: ApiKeyDto;
}
