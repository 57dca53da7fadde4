import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsUscc } from '../../../common/identifiers/decorators';
import { SUBJECT_KINDS, SubjectKind } from '../../../rules/shared';
import { nameProblem, normaliseIdentifier, regionProblem, trimmed } from '../subject-rules';
import type { SubjectSearchQuery } from '../subjects.types';
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX } from '../subjects.service';
import { KIND_DESCRIPTION, USCC_DESCRIPTION } from './register-subject.dto';
import { Satisfies } from './satisfies.decorator';

/** GET /api/v1/subjects query. No ID numbers here: a natural person is found with POST /lookup. */
export class SearchSubjectsQuery implements SubjectSearchQuery {
  @ApiPropertyOptional({ description: `Exact match. ${USCC_DESCRIPTION}`, example: '91350200776049653A' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => normaliseIdentifier(value))
  @IsUscc()
  code?: string;

  @ApiPropertyOptional({
    description:
      'Case-insensitive substring of the name (名称). A value that looks like an ID number is refused (400): use POST /api/v1/subjects/lookup.',
    example: '科技',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => trimmed(value))
  @Satisfies((v) => nameProblem(v))
  name?: string;

  @ApiPropertyOptional({ enum: SUBJECT_KINDS, description: KIND_DESCRIPTION })
  @IsOptional()
  @IsIn(SUBJECT_KINDS)
  kind?: SubjectKind;

  @ApiPropertyOptional({ description: 'Administrative division code (行政区划代码), 6 digits', example: '350200' })
  @IsOptional()
  @Satisfies((v) => regionProblem(v))
  region?: string;

  @ApiPropertyOptional({
    description: 'Page size',
    minimum: 1,
    maximum: SEARCH_LIMIT_MAX,
    default: SEARCH_LIMIT_DEFAULT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEARCH_LIMIT_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque: the nextCursor of the previous page, passed back unchanged' })
  @IsOptional()
  @IsUUID('all', { message: 'cursor is not a cursor this service issued' })
  cursor?: string;
}
