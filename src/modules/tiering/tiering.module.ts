import { Module } from '@nestjs/common';
import { PacksModule } from '../packs/packs.module';
import { AuditModule } from '../audit/audit.module';
import { RecordsModule } from '../records/records.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { DailyTiering } from './daily-tiering';
import { ScheduledRunsStore } from './scheduled-runs.store';
import { SubjectSearchController } from './subject-search.controller';
import { TieringController } from './tiering.controller';
import { TieringQueries } from './tiering.queries';
import { TieringService } from './tiering.service';
import { TierStore } from './tier.store';
import { TierBatch } from './tier-batch';
import { TierOverviewController } from './tier-overview.controller';
import { TierOverviewService } from './tier-overview.service';
import { TierTrendStore } from './tier-trend.store';
import { IndustryMembershipController } from './industry-membership.controller';
import { IndustryMembershipService } from './industry-membership.service';
import { TieringUpgrades } from './tiering-upgrades';
import { TieringUpgradesStore } from './tiering-upgrades.store';
import { TieringJobs } from './tiering-job';
import { JobsModule } from '../jobs/jobs.module';

@Module({
  imports: [PacksModule, SubjectsModule, RecordsModule, AuditModule, JobsModule],
  controllers: [TieringController, TierOverviewController, SubjectSearchController, IndustryMembershipController],
  providers: [
    TieringService,
    TieringQueries,
    TierStore,
    TierBatch,
    DailyTiering,
    ScheduledRunsStore,
    TierOverviewService,
    TierTrendStore,
    IndustryMembershipService,
    TieringUpgrades,
    TieringUpgradesStore,
    TieringJobs,
  ],
  exports: [TieringService, TieringQueries],
})
export class TieringModule {}
