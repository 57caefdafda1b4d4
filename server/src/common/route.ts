import { applyDecorators, Body, Param, RequestMapping, RequestMethod, SetMetadata } from '@nestjs/common';
import { routes, type RouteKey, type RouteResponse } from '@mingle/shared';
import type { z } from 'zod';
import { Valid } from './validate';

/**
 * Who may call a route. `event owner`: the organizer whose event the `:id` names (404 for anyone
 * else's); the event is handed to the handler (`@CurrentEvent()`).
 */
export type Access = 'public' | 'organizer' | 'event owner' | 'attendee';

export const ACCESS = 'mingle:access';

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
