import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { RecordIngest } from './record-ingest';
import { RecordIntakeQueries } from './record-intake.queries';
import { RecordLegalQueries } from './record-legal.queries';
import { ImportTemplateController } from './import-template.controller';
import { RecordsController } from './records.controller';
import { RecordsService } from './records.service';
import { RecordsStore } from './records.store';
import { ImportJobs } from './import-job';
import { JobsModule } from '../jobs/jobs.module';

/** Credit records (信用记录). Other modules import this module and use RecordsService, and RecordIntakeQueries for what imports leave (data quality). */
@Module({
  imports: [SubjectsModule, AuditModule, JobsModule],
  // The template's static path is registered before records/:id.
  controllers: [ImportTemplateController, RecordsController],
  providers: [RecordsService, ImportJobs, RecordIngest, RecordsStore, RecordIntakeQueries, RecordLegalQueries],
  exports: [RecordsService, RecordIntakeQueries, RecordLegalQueries],
})
export class RecordsModule {}
