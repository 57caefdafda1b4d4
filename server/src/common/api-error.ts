import { HttpException } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@mingle/shared';

/** The one error a feature throws for something a user caused: a status, a code of the contract, a message. */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string,
    fields?: Record<string, string>,
  ) {
    const body: ApiErrorBody = { statusCode: status, code, message, ...(fields ? { fields } : {}) };
    super(body, status);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
