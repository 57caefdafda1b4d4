import { HttpException } from '@nestjs/common';
import type { ApiErrorBody } from '@mingle/shared';

/** The one error a feature throws for something a user caused: a status, a string code, a message. */
export class ApiError extends HttpException {
  constructor(status: number, code: string, message: string, fields?: Record<string, string>) {
    const body: ApiErrorBody = { statusCode: status, code, message, ...(fields ? { fields } : {}) };
    super(body, status);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
