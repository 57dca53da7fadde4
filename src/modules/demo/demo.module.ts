import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RecordsModule } from '../records/records.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { TieringModule } from '../tiering/tiering.module';
import { DemoService } from './demo.service';

@Module({
  imports: [SubjectsModule, RecordsModule, TieringModule, AuditModule],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
