import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { FakeApprovalSystemAdapter } from '../../integrations/fake-approval-system.adapter';
import { LandTransferAdapter } from '../../integrations/land-transfer/land-transfer.adapter';
import { ProcurementSystemAdapter } from '../../integrations/procurement/procurement-system.adapter';
import { TenderingPlatformAdapter } from '../../integrations/tendering/tendering-platform.adapter';
import { AuditModule } from '../audit/audit.module';
import { PacksModule } from '../packs/packs.module';
import { CreditStateModule } from '../credit-state/credit-state.module';
import { TieringModule } from '../tiering/tiering.module';
import { ChecksController } from './checks.controller';
import { ChecksService } from './checks.service';
import { FeedbackService } from './feedback.service';
import { FeedbackStore } from './feedback.store';
import { APPROVAL_SYSTEMS, IntegrationsController } from './integrations.controller';

@Module({
  imports: [PacksModule, CreditStateModule, TieringModule, AuditModule],
  controllers: [ChecksController, IntegrationsController],
  providers: [
    ChecksService,
    FeedbackService,
    FeedbackStore,
    {
      provide: APPROVAL_SYSTEMS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => [
        new TenderingPlatformAdapter(),
        new ProcurementSystemAdapter(),
        new LandTransferAdapter(),
        ...(config.fakeApprovalSystem ? [new FakeApprovalSystemAdapter()] : []),
      ],
    },
  ],
  exports: [ChecksService],
})
export class ChecksModule {}
