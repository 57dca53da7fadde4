import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { GovernanceController } from './governance.controller';
import { GovernanceService } from './governance.service';
import { GovernanceStore } from './governance.store';

/** Special governance (专项治理, district plan tasks 13–14): the governance ledger and the public-body defaulter view. */
@Module({
  imports: [AuditModule],
  controllers: [GovernanceController],
  providers: [GovernanceService, GovernanceStore],
})
export class GovernanceModule {}
