import { DynamicModule, InjectionToken, Module, Type } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysService } from './api-keys.service';
import { AUTH_AUDIT_SINK, AuthRefusals } from './auth-refusals';
import { AuthRoutes } from './auth-routes';
import { MeController } from './me.controller';

/** Where refusals are audited: a module and the RefusalAuditSink it exports (AuditModule's AuditService). */
export interface AuthAuditSink {
  readonly module: Type;
  readonly provider: InjectionToken;
}

/**
 * Callers and API keys (调用方与权限): the global default-deny guard, key lookup, refusals logged and
 * audited (kind `auth.refused`) through the sink the composition root wires (modules/index.ts: AuditService),
 * so that this folder imports nothing of the audit module, which uses its @RequireScopes.
 * Other modules use @RequireScopes / @Public / @Caller and assertScenarioAllowed, not this module.
 */
@Module({})
export class AuthModule {
  static register(sink: AuthAuditSink): DynamicModule {
    return {
      module: AuthModule,
      // Global: the key administration routes (src/modules/keys) must reach the guard's own ApiKeysService,
      // so that a key revoked over HTTP is refused at once (its cache entry dropped).
      global: true,
      imports: [DiscoveryModule, sink.module],
      controllers: [MeController],
      providers: [
        ApiKeysService,
        AuthRefusals,
        AuthRoutes,
        { provide: AUTH_AUDIT_SINK, useExisting: sink.provider },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
      ],
      exports: [ApiKeysService, AuthRoutes],
    };
  }
}
