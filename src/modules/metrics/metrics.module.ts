import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ChecksModule } from '../checks/checks.module';
import { PacksModule } from '../packs/packs.module';
import { JobsModule } from '../jobs/jobs.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** /metrics for Prometheus: reads the other modules through their services, owns no table. */
@Module({
  imports: [AuditModule, ChecksModule, PacksModule, JobsModule, WebhooksModule],
  controllers: [MetricsController],
  providers: [MetricsService],
})
export class MetricsModule {}
