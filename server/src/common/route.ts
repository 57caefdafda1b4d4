import { applyDecorators, Body, Param, RequestMapping, RequestMethod, SetMetadata } from '@nestjs/common';
import { routes, type RouteKey, type RouteResponse } from '@mingle/shared';
import type { z } from 'zod';
import { Valid } from './validate';

/**
 * Who may call a route. `event owner`, `event host`, `event viewer`: a member of the team of the
 * event the `:id` names with at least that role (owner > host > viewer; 404 for anyone not on the
 * team, 403 for a lower role); the event is handed to the handler (`@CurrentEvent()`).
 */
export type Access = 'public' | 'organizer' | 'event owner' | 'event host' | 'event viewer' | 'attendee';

export const ACCESS = 'mingle:access';
/** The route's key in the shared map, e.g. "POST /api/events/:id/rounds". */
export const ROUTE_KEY = 'mingle:route';

type Handler<K extends RouteKey> = (...args: never[]) => RouteResponse<K> | Promise<RouteResponse<K>>;

/**
 * `@Route('POST /api/events/:id/rounds', 'event owner')`: serves a route of the shared map with
 * its access rule. The handler must answer the map's response type, or it does not compile.
 */
export function Route<K extends RouteKey>(key: K, access: Access) {
  const [method, path] = key.split(' ') as [keyof typeof RequestMethod, string];
  const decorate = applyDecorators(
    RequestMapping({ method: RequestMethod[method], path: path.replace(/^\/api\//, '') }),
    SetMetadata(ACCESS, access),
    SetMetadata(ROUTE_KEY, key),
  );
  return <H extends Handler<K>>(target: object, name: string | symbol, descriptor: TypedPropertyDescriptor<H>) =>
    decorate(target, name, descriptor);
}

/** The route's body, validated with its schema in the map (400 with a message per field). */
export const BodyOf = <K extends RouteKey>(key: K) => Body(new Valid(schemaOf(key, 'body')));

/** The route's path parameters, validated with its schema in the map. */
export const ParamsOf = <K extends RouteKey>(key: K) => Param(new Valid(schemaOf(key, 'params')));

function schemaOf(key: RouteKey, part: 'body' | 'params'): z.ZodType {
  const schema = (routes[key] as { body?: z.ZodType; params?: z.ZodType })[part];
  if (!schema) throw new Error(`${key} takes no ${part} in the route map`);
  return schema;
}
