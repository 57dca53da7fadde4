import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RecordsModule } from '../records/records.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { loadQualityConfig, QUALITY_CONFIG } from '../../config/quality.config';
import { QualityController } from './quality.controller';
import { QualityService } from './quality.service';
import { LegalFindingsService } from './legal-findings.service';
import { QualityStore } from './quality.store';

/** Data quality of "双公示" (上报率、合规率、及时率, 重错码): reads what record imports keep through RecordIntakeQueries (records), organisations' names through SubjectsService. */
@Module({
  imports: [AuditModule, RecordsModule, SubjectsModule],
  controllers: [QualityController],
  providers: [
    QualityService,
    LegalFindingsService,
    QualityStore,
    { provide: QUALITY_CONFIG, useFactory: () => loadQualityConfig() },
  ],
})
export class QualityModule {}
