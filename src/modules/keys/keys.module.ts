import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { KeysController } from './keys.controller';
import { KeysService } from './keys.service';

/**
 * API key administration over HTTP (API密钥管理, admin scope): list, create, revoke through the auth
 * module's ApiKeysService (global; its store owns api_keys), audited through AuditService. A folder of
 * its own because the audit module uses the auth module's decorators: auth cannot import audit.
 */
@Module({
  imports: [AuditModule],
  controllers: [KeysController],
  providers: [KeysService],
})
export class KeysModule {}
