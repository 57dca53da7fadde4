import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { RouteInfo, routesOf } from './route-access';

/** Every Nest route with its access declaration; at boot, each undeclared route is logged as an error. */
@Injectable()
export class AuthRoutes implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  list(): RouteInfo[] {
    return this.discovery.getControllers().flatMap((w) => {
      const instance = w.instance as object | undefined;
      if (!instance) return [];
      const names = this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object);
      return routesOf(this.reflector, instance, names);
    });
  }

  onApplicationBootstrap(): void {
    for (const r of this.list()) {
      if ('undeclared' in r.access) {
        this.logger.error(
          `${r.method} ${r.path} (${r.controller}.${r.handler}) has neither @RequireScopes nor @Public: it is refused to every caller`,
        );
      }
    }
  }
}
