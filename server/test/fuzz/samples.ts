import type { NestExpressApplication } from '@nestjs/platform-express';
import { ModulesContainer } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { z } from 'zod';

/**
 * A valid body for each route that validates one, read from the app: the zod schema in its
 * `@Body(new Valid(schema))`, and a sample that schema accepts. The fuzzer breaks one field of it at
 * a time, so malformed values reach the services and the database, not only the validators.
 */
export function validBodies(app: NestExpressApplication): Map<string, unknown> {
  const bodies = new Map<string, unknown>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller?.prototype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]!;
        const path = ['/api', base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')]
          .join('/')
          .replace(/\/+/g, '/')
          .replace(/(.)\/$/, '$1');
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
          string,
          { pipes?: Array<{ schema?: unknown }> }
        >;
        for (const [key, arg] of Object.entries(args)) {
          const schema = arg.pipes?.find((p) => p.schema instanceof z.ZodType)?.schema as z.ZodType | undefined;
          // RouteParamtypes.BODY is 3: the key is "3:<index>".
          if (!key.startsWith('3:') || !schema) continue;
          const body = repaired(schema, known(sample(schema)));
          const ok = schema.safeParse(body);
          if (ok.success) bodies.set(`${method} ${path}`, body);
          else if (process.env.FUZZ_PROGRESS)
            process.stderr.write(
              `no sample for ${method} ${path}: ${JSON.stringify(body).slice(0, 200)} ${ok.error.message.slice(0, 300)}\n`,
            );
        }
      }
    }
  }
  return bodies;
}

/** Values for fields whose format the schema's definition does not tell (refinements, pipes). */
const KNOWN: Record<string, unknown> = {
  email: 'fuzz@example.com',
  password: 'correct horse battery',
  timeZone: 'UTC',
  phone: '+1 555 0100',
  website: 'https://example.com',
  linkedin: 'https://www.linkedin.com/in/fuzz',
  fields: ['email'],
  interests: ['AI'],
  startsAt: null,
};

/** Fixes a sample where the schema says it is wrong: a known value for the field, else without it. */
function repaired(schema: z.ZodType, body: unknown): unknown {
  let value = body;
  for (let round = 0; round < 6; round++) {
    const result = schema.safeParse(value);
    if (result.success) return value;
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const field = [...path].reverse().find((p): p is string => typeof p === 'string');
      if (!path.length) continue;
      const fieldPath = path.slice(0, path.lastIndexOf(field!) + 1);
      value = field && field in KNOWN && round < 3 ? withLeaf(value, fieldPath, KNOWN[field]) : withoutKey(value, fieldPath);
    }
  }
  return value;
}

/** The known values put in wherever their field appears (interests the fuzzed event really has). */
function known(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(known);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k in KNOWN && k !== 'startsAt' && k !== 'email' ? KNOWN[k] : known(v)]),
  );
}

function withoutKey(value: unknown, path: Array<string | number>): unknown {
  if (path.length === 1 && value && typeof value === 'object' && !Array.isArray(value)) {
    const { [path[0]!]: _, ...rest } = value as Record<string | number, unknown>;
    return rest;
  }
  if (!path.length || !value || typeof value !== 'object') return value;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  copy[path[0]!] = withoutKey(copy[path[0]!], path.slice(1));
  return copy;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;
const checks = (d: Def) => ((d.checks as Array<{ _zod: { def: Record<string, unknown> } }> | undefined) ?? []).map((c) => c._zod.def);

/** The simplest value a schema accepts, as far as its definition tells. */
export function sample(schema: unknown, depth = 0): unknown {
  const d = defOf(schema);
  if (depth > 8) return undefined;
  switch (d.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(d.shape as Record<string, unknown>)
          .map(([k, v]) => [k, sample(v, depth + 1)])
          .filter(([, v]) => v !== undefined),
      );
    case 'string': {
      const format = d.format as string | undefined;
      if (format === 'email') return 'fuzz@example.com';
      if (format === 'uuid' || format === 'guid') return '00000000-0000-4000-8000-000000000000';
      if (format === 'url') return 'https://example.com';
      if (format === 'datetime') return '2030-01-01T10:00:00Z';
      const min = Number(checks(d).find((c) => c.check === 'min_length')?.minimum ?? 1);
      return 'Sample text'.padEnd(min, 'x');
    }
    case 'number': {
      const min = checks(d).find((c) => c.check === 'greater_than');
      const max = checks(d).find((c) => c.check === 'less_than');
      const v = min ? Number(min.value) + (min.inclusive ? 0 : 1) : max ? Math.min(1, Number(max.value)) : 1;
      return v;
    }
    case 'boolean':
      return true;
    case 'literal':
      return (d.values as unknown[])[0];
    case 'enum':
      return Object.values(d.entries as Record<string, unknown>)[0];
    case 'array': {
      const min = Number(checks(d).find((c) => c.check === 'min_length')?.minimum ?? 1);
      return Array.from({ length: Math.max(1, min) }, (_, i) => {
        const v = sample(d.element, depth + 1);
        return typeof v === 'string' ? `${v} ${i}` : v;
      });
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return sample(d.innerType, depth + 1);
    case 'pipe':
      return sample(d.in, depth + 1);
    case 'union':
      return sample((d.options as unknown[])[0], depth + 1);
    case 'record':
      return {};
    default:
      return undefined;
  }
}

/** Paths to every leaf of a JSON value, e.g. ['card', 'email'] or ['interests', 0]. */
export function leaves(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

/** A deep copy with the value at `path` replaced. */
export function withLeaf(value: unknown, path: Array<string | number>, leaf: unknown): unknown {
  if (!path.length) return leaf;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = withLeaf(copy[path[0]!], path.slice(1), leaf);
  return copy;
}
