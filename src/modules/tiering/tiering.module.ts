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

@Module({
  imports: [PacksModule, SubjectsModule, RecordsModule],
  controllers: [TieringController, SubjectSearchController],
  providers: [TieringService, TieringQueries, TierStore, DailyTiering, ScheduledRunsStore],
  exports: [TieringService, TieringQueries],
})
export class TieringModule {}
