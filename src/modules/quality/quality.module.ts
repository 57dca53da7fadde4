import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { loadQualityConfig, QUALITY_CONFIG } from './quality.config';
import { QualityController } from './quality.controller';
import { QualityService } from './quality.service';
import { QualityStore } from './quality.store';

/** Data quality of "双公示" (上报率、合规率、及时率, 重错码): reads what record imports keep (records/ingest-quality.ts). */
@Module({
  imports: [AuditModule],
  controllers: [QualityController],
  providers: [QualityService, QualityStore, { provide: QUALITY_CONFIG, useFactory: () => loadQualityConfig() }],
})
export class QualityModule {}
