import { HttpException } from '@nestjs/common';
import { fieldCodeOf, type ApiErrorBody, type ErrorCode, type ErrorParams, type FieldCode } from '@mingle/shared';

/** What an error says besides its English message: parameters, and per-field messages (English, with codes). */
export interface ApiErrorDetails {
  params?: ErrorParams;
  fields?: Record<string, string>;
  /** per path, the field message's key; by default looked up from `fields` in the shared catalog */
  fieldCodes?: Record<string, FieldCode>;
}

/**
 * The one error a feature throws for something a user caused: a status, a code of the contract, an
 * English message, and the message's variable parts in `params` so clients can say it in their language.
 */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string,
    details: ApiErrorDetails = {},
  ) {
    const { params, fields } = details;
    const fieldCodes = details.fieldCodes ?? (fields ? codesOf(fields) : undefined);
    const body: ApiErrorBody = {
      statusCode: status,
      code,
      message,
      ...(params ? { params } : {}),
      ...(fields ? { fields } : {}),
      ...(fieldCodes ? { fieldCodes } : {}),
    };
    super(body, status);
  }

  get params(): ErrorParams | undefined {
    return (this.getResponse() as ApiErrorBody).params;
  }
}

/** The catalog's key for each English field message it knows. */
function codesOf(fields: Record<string, string>): Record<string, FieldCode> {
  const out: Record<string, FieldCode> = {};
  for (const [path, message] of Object.entries(fields)) {
    const code = fieldCodeOf(message);
    if (code) out[path] = code;
  }
  return out;
}

/** `what` is a thing of the API in English ("Event"); its key picks the client's message (`not_found_event`). */
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`, { params: { variant: what.toLowerCase() } });
