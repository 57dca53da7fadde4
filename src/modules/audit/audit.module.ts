import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueries } from './audit.queries';
import { AuditService } from './audit.service';
import { AuditedInterceptor } from './audited.interceptor';
import { AuditOutboxSweeper } from './audit-outbox.sweeper';

/** The audit trail (审计日志). Other modules import this module and use AuditService only. */
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditQueries, AuditedInterceptor, AuditOutboxSweeper],
  exports: [AuditService, AuditedInterceptor, AuditOutboxSweeper],
})
export class AuditModule {}
