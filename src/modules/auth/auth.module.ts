import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { AuditService } from '../audit/audit.service';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysService } from './api-keys.service';
import { AUTH_AUDIT_SINK, AuthRefusals } from './auth-refusals';
import { AuthRoutes } from './auth-routes';
import { MeController } from './me.controller';

/**
 * Callers and API keys (调用方与权限): the global default-deny guard, key lookup, refusals logged and
 * audited (AuditService, kind `auth.refused`).
 * Other modules use @RequireScopes / @Public / @Caller and assertScenarioAllowed, not this module.
 */
@Module({
  imports: [DiscoveryModule, AuditModule],
  controllers: [MeController],
  providers: [
    ApiKeysService,
    AuthRefusals,
    AuthRoutes,
    { provide: AUTH_AUDIT_SINK, useExisting: AuditService },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [ApiKeysService, AuthRoutes],
})
export class AuthModule {}
