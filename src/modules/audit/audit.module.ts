import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueries } from './audit.queries';
import { AuditService } from './audit.service';
import { AuditedInterceptor } from './audited.interceptor';

/** The audit trail (审计日志). Other modules import this module and use AuditService only. */
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditQueries, AuditedInterceptor],
  exports: [AuditService, AuditedInterceptor],
})
export class AuditModule {}
