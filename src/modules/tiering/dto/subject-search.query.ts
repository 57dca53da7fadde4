import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INDUSTRIES } from '../../../rules/shared';
import { SearchSubjectsQuery } from '../../subjects/dto/search-subjects.query';
import { Satisfies } from '../../subjects/dto/satisfies.decorator';

/**
 * Every tier id some bundled pack defines, best to worst: AAA (property only), AA (transport, property), A to D; M and
 * N only in tax (M 新设立企业, N 未评价); E below D in real_estate; BL (诚信黑名单) below C in property.
 */
export const TIER_IDS = ['AAA', 'AA', 'A', 'B', 'M', 'N', 'C', 'D', 'E', 'BL'] as const;

/**
 * GET /api/v1/subjects query: the subjects module's filters, plus the stored tiers (当前信用等级) owned by
 * the tiering module. `tier` needs `industry` (a tier means something only within one industry's pack).
 */
export class SubjectSearchQuery extends SearchSubjectsQuery {
  @ApiPropertyOptional({
    enum: INDUSTRIES,
    description:
      'Industry (行业): only subjects holding a stored current tier (当前信用等级) in this industry. Alone, any tier of it; with `tier`, that tier.',
    example: 'food_drug',
  })
  @IsOptional()
  @IsIn(INDUSTRIES, { message: `industry must be one of ${INDUSTRIES.join(', ')}` })
  industry?: string;

  @ApiPropertyOptional({
    enum: TIER_IDS,
    description:
      "Credit tier (信用等级) in `industry`: A (best, e.g. 信用良好) to D (worst, e.g. 信用差); AA above A in transport and property, AAA above AA in property (信用优秀); M only in tax (M级, 新设立企业); E below D in real_estate; BL (诚信黑名单) in property; as last stored by tiering (分级). Requires `industry`; the tier must be one that industry's pack defines.",
    example: 'A',
  })
  @IsOptional()
  @IsIn(TIER_IDS, { message: `tier must be one of ${TIER_IDS.join(', ')}` })
  @Satisfies((_v, o) =>
    o.industry === undefined ? 'requires industry (a tier is defined per industry: 分行业信用等级)' : null,
  )
  tier?: string;
}
