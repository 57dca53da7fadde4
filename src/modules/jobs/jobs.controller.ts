import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FIELD_PROBLEM_DESCRIPTION, PROBLEM_DESCRIPTION } from '../../common/problem';
import { uuidParam } from '../../common/uuid-param';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import { JobDto, JobListDto, JobListQuery, JobResultPageDto, JobResultQuery } from './dto/jobs.dto';
import { JobsService } from './jobs.service';
import type { JobView } from './job.types';

const SCOPE_NOTE =
  'A job is read with the scope of the operation that queued it: `records` for imports, `tiers` for tiering runs (or `admin`).';

@ApiTags('jobs (后台任务)')
@RequireScopes('records', 'tiers')
@Controller('api/v1/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @ApiOperation({
    summary: 'Background jobs (后台任务列表), newest first: large imports, batch tiering runs',
    description: `Only the kinds the key's scopes read. ${SCOPE_NOTE}`,
  })
  @ApiOkResponse({ type: JobListDto })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: kind, state or limit invalid` })
  async list(@Query() q: JobListQuery, @Caller() caller: Caller | undefined): Promise<{ items: JobView[] }> {
    const items = await this.jobs.list({ kind: q.kind, state: q.state, limit: q.limit ?? 50 }, caller!.scopes);
    return { items };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One background job (后台任务): state, progress, result summary or error',
    description: `State queued (排队), running (运行), completed (完成) or failed (失败, with the error as problem details). A job that ended is kept \`JOBS_RETENTION_DAYS\` (14) days with its result (任务保留期), then answers 404 like an unknown job. ${SCOPE_NOTE}`,
  })
  @ApiOkResponse({ type: JobDto })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: id is not a UUID` })
  @ApiNotFoundResponse({ description: `JOB_NOT_FOUND: ${PROBLEM_DESCRIPTION}` })
  get(@Param('id', uuidParam()) id: string, @Caller() caller: Caller | undefined): Promise<JobView> {
    return this.jobs.get(id, caller!.scopes);
  }

  @Get(':id/result')
  @ApiOperation({
    summary: "A page of a job's per-item result (任务结果): an import's per-row report (逐行结果)",
    description: `Items in row order from \`offset\`; empty for kinds that keep no per-item result, and until the job stored them (each part as it is done). ${SCOPE_NOTE}`,
  })
  @ApiOkResponse({ type: JobResultPageDto })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: id is not a UUID, offset or limit invalid` })
  @ApiNotFoundResponse({ description: `JOB_NOT_FOUND: ${PROBLEM_DESCRIPTION}` })
  async result(@Param('id', uuidParam()) id: string, @Query() q: JobResultQuery, @Caller() caller: Caller | undefined) {
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 1000;
    const page = await this.jobs.result<Record<string, unknown>>(id, caller!.scopes, offset, limit);
    return { job: page.job, total: page.total, offset, limit, items: page.items };
  }
}
