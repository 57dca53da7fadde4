import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { identifierProblem, isPresent, normaliseIdentifier } from '../subject-rules';
import type { SubjectLookupInput } from '../subjects.types';
import { ID_NUMBER_DESCRIPTION, USCC_DESCRIPTION } from './register-subject.dto';
import { Satisfies } from './satisfies.decorator';

/** POST /api/v1/subjects/lookup: exactly one of code or idNumber (an ID number travels only in a body). */
export class LookupSubjectDto implements SubjectLookupInput {
  @ApiPropertyOptional({ description: USCC_DESCRIPTION, example: '91350200776049653A' })
  @Transform(({ value }: { value: unknown }) => normaliseIdentifier(value))
  @Satisfies((v, o) =>
    !isPresent(v) && !isPresent(o.idNumber)
      ? 'or idNumber is required (give exactly one)'
      : identifierProblem('code', undefined, v),
  )
  code?: string;

  @ApiPropertyOptional({ description: ID_NUMBER_DESCRIPTION, example: '11010519491231002X', writeOnly: true })
  @Transform(({ value }: { value: unknown }) => normaliseIdentifier(value))
  @Satisfies((v, o) =>
    isPresent(v) && isPresent(o.code)
      ? 'must not be given together with code (give exactly one)'
      : identifierProblem('idNumber', undefined, v),
  )
  idNumber?: string;
}
