import { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { zodFieldCode, type FieldCode } from '@mingle/shared';
import { ApiError } from './api-error';

/** zod issues → one message per dotted field path. Unknown keys are named as their own fields. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  return describe(error).fields;
}

/**
 * zod issues → per dotted path, the English message and its code: a custom message's key in the
 * shared catalog, or for zod's own issues a generic code with zod's numbers.
 */
export function describe(error: z.ZodError): { fields: Record<string, string>; fieldCodes: Record<string, FieldCode> } {
  const fields: Record<string, string> = {};
  const fieldCodes: Record<string, FieldCode> = {};
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = base ? `${base}.${key}` : key;
        if (path in fields) continue;
        fields[path] = 'Unknown field';
        fieldCodes[path] = { code: 'unknownField' };
      }
    } else {
      const path = base || '_';
      if (path in fields) continue;
      fields[path] = issue.message;
      fieldCodes[path] = zodFieldCode(issue);
    }
  }
  return { fields, fieldCodes };
}

export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { fields, fieldCodes } = describe(result.error);
  const first = Object.entries(fields)[0];
  const message = first ? (first[0] === '_' ? first[1] : `${first[0]}: ${first[1]}`) : 'Invalid request';
  throw new ApiError(400, 'invalid_request', message, { fields, fieldCodes });
}

/** `@Body(new Valid(schema))`: validates with the shared zod schema, 400 with a message per field. */
export class Valid<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}
  transform(value: unknown): z.output<S> {
    return parseOr400(this.schema, value ?? {});
  }
}
