import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Clock } from '../../common/clock';
import { FIELD_PROBLEM_DESCRIPTION, ValidationFailed } from '../../common/problem';
import { AsOfQuery, DistributionQuery, HistoryQuery, TieringRunBody } from './dto/tiering.dto';
import { SubjectTiersDto, TierDistributionDto, TierHistoryDto, TieringRunSummaryDto } from './dto/tier-responses.dto';
import { TieringQueries } from './tiering.queries';
import { TieringService } from './tiering.service';
import { TierStore } from './tier.store';
import { RequireScopes } from '../auth/scopes.decorator';
import { uuidParam } from '../../common/uuid-param';
import { Caller } from '../auth/caller';
import { JobDto } from '../jobs/dto/jobs.dto';
import { TieringJobs } from './tiering-job';

const uuid = uuidParam();

@ApiTags('tiering (信用分级)')
@RequireScopes('tiers')
@Controller('api/v1')
export class TieringController {
  constructor(
    private readonly queries: TieringQueries,
    private readonly tiering: TieringService,
    private readonly store: TierStore,
    private readonly clock: Clock,
    private readonly jobs: TieringJobs,
  ) {}

  @Get('subjects/:id/tiers')
  @ApiParam({ name: 'id', description: 'Subject id (主体ID)', example: '3f1c2a9e-8d6b-4c55-9a51-2f7e0c1d9b10' })
  @ApiOperation({
    summary: "A subject's credit tier per industry (分行业信用等级), with the explanation and the inspection policy",
    description:
      'Each tier carries the score, the rules that fired (reason, 原因, and legal basis, 法律依据), the facts used, the pack ' +
      'version and the inspection policy that follows (抽查比例、检查频次). With `asOf` the tiers are computed live for that date.',
  })
  @ApiOkResponse({ type: SubjectTiersDto, description: 'Tiers per industry (分行业信用等级)' })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: id is not a UUID, asOf not a date` })
  @ApiNotFoundResponse({ description: 'SUBJECT_NOT_FOUND' })
  tiers(@Param('id', uuid) id: string, @Query() q: AsOfQuery) {
    return this.queries.tiersOf(id, q.asOf);
  }

  @Get('subjects/:id/tiers/history')
  @ApiOperation({ summary: 'Tier history (信用等级变更记录): every change, newest first, never overwritten' })
  @ApiOkResponse({ type: TierHistoryDto, description: 'The changes, newest first' })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: id is not a UUID, industry or limit invalid` })
  @ApiNotFoundResponse({ description: 'SUBJECT_NOT_FOUND' })
  history(@Param('id', uuid) id: string, @Query() q: HistoryQuery) {
    return this.queries.history(id, q.industry, q.limit ?? 100);
  }

  @Post('tiering/runs')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Batch tiering (批量分级): recompute and store every subject's current tiers; answers with counts and duration",
    description:
      "Stored tiers are today's (they drive inspection plans): `asOf`, when given, must be today. Tiers of another date are computed live by GET /api/v1/subjects/{id}/tiers?asOf=. Runs after the record-change recomputes already queued. " +
      'No body (or `{}`) runs every subject; a body that is not a JSON object (`null`, an array, a string, a number) is a 400 naming `body` and runs nothing. ' +
      '`changed` counts tiers whose tier, score, fired rules or pack version moved (one history row each); `refreshed` counts stored tiers whose facts alone were brought up to date.',
  })
  @ApiHeader({
    name: 'Prefer',
    required: false,
    description:
      '`respond-async`: run it as a background job (后台任务, tiering.batch) and answer 202 at once with the job (Location: /api/v1/jobs/{id}, progress per chunk of subjects there)',
  })
  @ApiOkResponse({ type: TieringRunSummaryDto, description: 'Counts and duration of the run (批量分级结果)' })
  @ApiAcceptedResponse({
    type: JobDto,
    description: 'With Prefer: respond-async, the queued job (后台任务); Location: /api/v1/jobs/{id}',
    headers: { Location: { description: 'The job', schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({
    description: `${FIELD_PROBLEM_DESCRIPTION}: asOf is not today, or the body is not a JSON object`,
  })
  async run(
    @Body() body: TieringRunBody,
    @Headers('prefer') prefer: string | undefined,
    @Caller() caller: Caller | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const today = this.clock.today();
    if (body.asOf !== undefined && body.asOf !== today) {
      throw new ValidationFailed([
        {
          field: 'asOf',
          reason: `stored tiers are today's (${today}); for another date read GET /api/v1/subjects/{id}/tiers?asOf= (computed live)`,
        },
      ]);
    }
    if (/(^|[\s,])respond-async($|[\s,;])/i.test(prefer ?? '')) {
      const job = await this.jobs.enqueue(caller?.name ?? null);
      void reply.status(202).header('location', `/api/v1/jobs/${job.id}`).header('preference-applied', 'respond-async');
      return job;
    }
    return this.tiering.runBatch('batch');
  }

  @Get('tiering/distribution')
  @ApiOperation({ summary: 'Tier distribution per industry (分行业信用等级分布), optionally for one region' })
  @ApiOkResponse({ type: TierDistributionDto, description: 'Subjects per industry and tier' })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: region is not 2 to 6 digits` })
  async distribution(@Query() q: DistributionQuery) {
    return { region: q.region ?? null, items: await this.store.distribution(q.region) };
  }
}
