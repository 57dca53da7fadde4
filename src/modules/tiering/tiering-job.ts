import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import type { JobContext, JobView } from '../jobs/job.types';
import { SubjectsService } from '../subjects/subjects.service';
import { TieringService } from './tiering.service';

/**
 * A batch tiering run (批量分级) as a background job (后台任务, tiering.batch): the same run as
 * POST /api/v1/tiering/runs answers at once (TieringService.runBatch), its progress the subjects done of the
 * subjects there were when it started, per chunk; its summary the run's counts and duration.
 */
@Injectable()
export class TieringJobs implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly tiering: TieringService,
    private readonly subjects: SubjectsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<Record<string, unknown>>({
      kind: 'tiering.batch',
      scope: 'tiers',
      hasResult: false,
      run: (ctx) => this.run(ctx),
    });
  }

  enqueue(caller: string | null): Promise<JobView> {
    return this.jobs.enqueue({ kind: 'tiering.batch', caller });
  }

  private async run(ctx: JobContext): Promise<Record<string, unknown>> {
    await ctx.progress(0, await this.subjects.count());
    const summary = await this.tiering.runBatch('batch', (done) => ctx.progress(done));
    return { ...summary };
  }
}
