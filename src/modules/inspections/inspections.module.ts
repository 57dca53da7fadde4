import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RecordsModule } from '../records/records.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { DueInspectionsController, DueInspectionsService } from './due-inspections.controller';
import { InspectionPlanListController } from './inspection-plan-list.controller';
import { InspectionPlanListService } from './inspection-plan-list.service';
import { InspectionPlansService } from './inspection-plans.service';
import { InspectionResultsService } from './inspection-results.service';
import { InspectionStatisticsController } from './inspection-statistics.controller';
import { InspectionStatisticsQueries } from './inspection-statistics.queries';
import { InspectionStatisticsService } from './inspection-statistics.service';
import { InspectionsController } from './inspections.controller';
import { InspectionsStore } from './inspections.store';

/** Inspection plans (双随机、一公开): draws from tiers, results filed as credit records. */
@Module({
  imports: [SubjectsModule, RecordsModule, AuditModule],
  controllers: [
    DueInspectionsController,
    InspectionPlanListController,
    InspectionsController,
    InspectionStatisticsController,
  ],
  providers: [
    DueInspectionsService,
    InspectionPlanListService,
    InspectionPlansService,
    InspectionResultsService,
    InspectionStatisticsService,
    InspectionStatisticsQueries,
    InspectionsStore,
  ],
})
export class InspectionsModule {}
