import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemResponse } from '../subjects/dto/problem.response';
import { SUBJECT_EXAMPLE, SubjectPageResponse } from '../subjects/dto/subject.response';
import type { SubjectPage } from '../subjects/subjects.types';
import { RequireScopes } from '../auth/scopes.decorator';
import { SubjectSearchQuery } from './dto/subject-search.query';
import { TieringQueries } from './tiering.queries';

/**
 * GET /api/v1/subjects (检索信用主体). Served here, not by the subjects module, because its industry and tier
 * filters read the stored tiers this module owns, and this module already depends on subjects (never the reverse).
 */
@ApiTags('subjects (信用主体)')
@RequireScopes('subjects')
@Controller('api/v1/subjects')
export class SubjectSearchController {
  constructor(private readonly queries: TieringQueries) {}

  @Get()
  @ApiOperation({
    summary: 'Search subjects (检索信用主体), by name, code, kind, region, industry and credit tier',
    description:
      'Filters combine with AND; keyset pagination (pass `nextCursor` back as `cursor`). `industry` (行业) keeps the subjects holding a ' +
      'stored current tier (当前信用等级) in that industry; `tier` (信用等级) narrows to one tier and requires `industry`. Tiers are those ' +
      'last stored by tiering (分级: batch run, record changes, first read), not computed live. ' +
      'Example: `/api/v1/subjects?name=科技&region=350200&industry=food_drug&tier=C&limit=20`.',
  })
  @ApiOkResponse({ type: SubjectPageResponse, example: { items: [SUBJECT_EXAMPLE], nextCursor: SUBJECT_EXAMPLE.id } })
  @ApiBadRequestResponse({
    type: ProblemResponse,
    description:
      "Validation failed: `errors[].field` names each bad field (problem details), e.g. `tier` without `industry`, or a tier the industry's pack does not define",
  })
  search(@Query() query: SubjectSearchQuery): Promise<SubjectPage> {
    return this.queries.searchSubjects(query);
  }
}
