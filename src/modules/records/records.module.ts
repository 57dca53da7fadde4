import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { RecordIngest } from './record-ingest';
import { RecordIntakeQueries } from './record-intake.queries';
import { ImportTemplateController } from './import-template.controller';
import { RecordsController } from './records.controller';
import { RecordsService } from './records.service';
import { RecordsStore } from './records.store';

/** Credit records (信用记录). Other modules import this module and use RecordsService, and RecordIntakeQueries for what imports leave (data quality). */
@Module({
  imports: [SubjectsModule, AuditModule],
  // The template's static path is registered before records/:id.
  controllers: [ImportTemplateController, RecordsController],
  providers: [RecordsService, RecordIngest, RecordsStore, RecordIntakeQueries],
  exports: [RecordsService, RecordIntakeQueries],
})
export class RecordsModule {}
