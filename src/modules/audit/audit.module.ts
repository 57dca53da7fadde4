import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueries } from './audit.queries';
import { AuditService } from './audit.service';

/** The audit trail (审计日志). Other modules import this module and use AuditService only. */
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditQueries],
  exports: [AuditService],
})
export class AuditModule {}
