import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { MESSAGE_METADATA } from '@nestjs/websockets/constants';
import { ACCESS, type Access } from '../../src/common/route';
import { RealtimeGateway } from '../../src/realtime/realtime.gateway';

/** One HTTP route of the running app, e.g. { method: 'POST', path: '/api/events/:id/state' }. */
export interface AppRoute {
  method: string;
  path: string;
  /** "METHOD /path", the key of expectation tables */
  key: string;
  /** the `:name` parameters in the path */
  params: string[];
}

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every API route the app really serves, read from Express's router after Nest registered its
 * controllers: a new @Get/@Post is fuzzed and must be classified without anyone listing it.
 */
export function apiRoutes(app: NestExpressApplication): AppRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: RouterLayer[] }; _router?: { stack: RouterLayer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes = new Map<string, AppRoute>();
  for (const layer of stack) {
    if (!layer.route) continue;
    for (const path of [layer.route.path].flat()) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (!on || method === '_all') continue;
        const m = method.toUpperCase();
        routes.set(`${m} ${path}`, { method: m, path, key: `${m} ${path}`, params: [...path.matchAll(/:(\w+)/g)].map((p) => p[1]!) });
      }
    }
  }
  if (routes.size === 0) throw new Error('no /api route found in the Express router: has its shape changed?');
  return [...routes.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** One handler of a controller: its "METHOD /api/path" key and the access rule it declares (if any). */
export interface DeclaredRoute {
  key: string;
  handler: string;
  access: Access | undefined;
}

/** Every HTTP handler of every controller in the app, with the access rule its metadata holds. */
export function declaredRoutes(app: NestExpressApplication): DeclaredRoute[] {
  const found: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const base = [Reflect.getMetadata(PATH_METADATA, metatype) as string | string[] | undefined].flat()[0] ?? '';
      const proto = metatype.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const full = ['api', base, [path].flat()[0]].map((part) => String(part).replace(/^\/+|\/+$/g, '')).filter(Boolean);
        found.push({
          key: `${method} /${full.join('/')}`,
          handler: `${metatype.name}.${name}`,
          access: Reflect.getMetadata(ACCESS, handler) as Access | undefined,
        });
      }
    }
  }
  if (found.length === 0) throw new Error('no controller handler found: has Nest moved its metadata?');
  return found;
}

/** Fills a route's `:params` from a function of the parameter's name. */
export const pathOf = (route: AppRoute, value: (param: string) => string) =>
  route.path.replace(/:(\w+)/g, (_, name: string) => value(name));

/** The socket messages the gateway handles (its @SubscribeMessage names). */
export function socketMessages(): string[] {
  const proto = RealtimeGateway.prototype as unknown as Record<string, unknown>;
  const names = Object.getOwnPropertyNames(proto)
    .map((key) =>
      typeof proto[key] === 'function' ? (Reflect.getMetadata(MESSAGE_METADATA, proto[key] as object) as string | undefined) : undefined,
    )
    .filter((name): name is string => typeof name === 'string');
  if (names.length === 0) throw new Error('the gateway handles no message: has Nest moved its metadata?');
  return names;
}
