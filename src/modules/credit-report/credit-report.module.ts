import { Module } from '@nestjs/common';
import { PacksModule } from '../packs/packs.module';
import { RecordsModule } from '../records/records.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { TieringModule } from '../tiering/tiering.module';
import { CreditReportController } from './credit-report.controller';
import { CreditReportService } from './credit-report.service';

/** Public credit reports (信用报告) in the sections of 信用中国. */
@Module({
  imports: [SubjectsModule, RecordsModule, TieringModule, PacksModule],
  controllers: [CreditReportController],
  providers: [CreditReportService],
})
export class CreditReportModule {}
