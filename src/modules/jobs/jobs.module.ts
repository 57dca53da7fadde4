import { Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';
import { JobsRetention } from './jobs-retention';
import { JobsService } from './jobs.service';
import { JobsStore } from './jobs.store';

/**
 * Durable background jobs (后台任务). A module that owns a kind of job imports this one, registers its handler
 * with JobsService at init (JobHandler) and enqueues jobs; this module imports no feature module.
 */
@Module({
  controllers: [JobsController],
  providers: [JobsService, JobsStore, JobsRetention],
  exports: [JobsService, JobsRetention],
})
export class JobsModule {}
