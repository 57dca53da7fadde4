import { Module } from '@nestjs/common';
import { PacksModule } from '../packs/packs.module';
import { RecordsModule } from '../records/records.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { DailyTiering } from './daily-tiering';
import { ScheduledRunsStore } from './scheduled-runs.store';
import { SubjectSearchController } from './subject-search.controller';
import { TieringController } from './tiering.controller';
import { TieringQueries } from './tiering.queries';
import { TieringService } from './tiering.service';
import { TierStore } from './tier.store';
import { TierOverviewController } from './tier-overview.controller';
import { TierOverviewService } from './tier-overview.service';
import { TierTrendStore } from './tier-trend.store';

@Module({
  imports: [PacksModule, SubjectsModule, RecordsModule],
  controllers: [TieringController, TierOverviewController, SubjectSearchController],
  providers: [
    TieringService,
    TieringQueries,
    TierStore,
    DailyTiering,
    ScheduledRunsStore,
    TierOverviewService,
    TierTrendStore,
  ],
  exports: [TieringService, TieringQueries],
})
export class TieringModule {}
