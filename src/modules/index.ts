import { AuthModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { PacksModule } from './packs/packs.module';
import { SubjectsModule } from './subjects/subjects.module';
import { RecordsModule } from './records/records.module';
import { TieringModule } from './tiering/tiering.module';
import { DemoModule } from './demo/demo.module';
import { AuditModule } from './audit/audit.module';
import { AuditService } from './audit/audit.service';
import { ChecksModule } from './checks/checks.module';
import { SimulationModule } from './simulation/simulation.module';
import { InspectionsModule } from './inspections/inspections.module';
import { RepairModule } from './repair/repair.module';
import { QualityModule } from './quality/quality.module';
import { CreditReportModule } from './credit-report/credit-report.module';
import { KeysModule } from './keys/keys.module';
import { MetricsModule } from './metrics/metrics.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { JobsModule } from './jobs/jobs.module';
import { GovernanceModule } from './governance/governance.module';

/** Every feature module, registered once here. */
export const FEATURE_MODULES = [
  AuthModule.register({ module: AuditModule, provider: AuditService }),
  HealthModule,
  PacksModule,
  SubjectsModule,
  RecordsModule,
  TieringModule,
  DemoModule,
  AuditModule,
  ChecksModule,
  SimulationModule,
  InspectionsModule,
  RepairModule,
  QualityModule,
  CreditReportModule,
  KeysModule,
  MetricsModule,
  WebhooksModule,
  JobsModule,
  GovernanceModule,
];
