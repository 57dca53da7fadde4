import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY, SCOPES_KEY } from './scopes.decorator';
import type { Scope } from './scopes';

/** Who may call a route: anyone, holders of one of some scopes, or nobody (no declaration). */
export type RouteAccess =
  { readonly public: true } | { readonly scopes: readonly Scope[] } | { readonly undeclared: true };

/** What Reflector reads metadata from: a class or a method (Nest types both as `Function`). */
type Target = Parameters<Reflector['get']>[1];

/** The nearest declaration wins: the handler's, else its controller's. */
export function accessOf(reflector: Reflector, handler: Target, controller: Target): RouteAccess {
  for (const target of [handler, controller]) {
    if (reflector.get<boolean | undefined>(PUBLIC_KEY, target)) return { public: true };
    const scopes = reflector.get<Scope[] | undefined>(SCOPES_KEY, target);
    if (scopes) return { scopes };
  }
  return { undeclared: true };
}

export interface RouteInfo {
  readonly method: string;
  /** Express-style path, e.g. `/api/v1/subjects/:id`. */
  readonly path: string;
  readonly controller: string;
  readonly handler: string;
  readonly access: RouteAccess;
}

function joinPath(...parts: (string | string[] | undefined)[]): string {
  const segs = parts
    .map((p) => (Array.isArray(p) ? p[0] : p) ?? '')
    .join('/')
    .split('/')
    .filter(Boolean);
  return '/' + segs.join('/');
}

/** Every route of a controller instance, with its access declaration. */
export function routesOf(reflector: Reflector, controller: object, methodNames: readonly string[]): RouteInfo[] {
  const cls = controller.constructor;
  const base = reflector.get<string | string[] | undefined>(PATH_METADATA, cls);
  const out: RouteInfo[] = [];
  for (const name of methodNames) {
    const handler = (controller as Record<string, unknown>)[name];
    if (typeof handler !== 'function') continue;
    const method = reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
    if (method === undefined) continue;
    const path = joinPath(base, reflector.get<string | string[] | undefined>(PATH_METADATA, handler));
    out.push({
      method: RequestMethod[method],
      path,
      controller: cls.name,
      handler: name,
      access: accessOf(reflector, handler, cls),
    });
  }
  return out;
}
