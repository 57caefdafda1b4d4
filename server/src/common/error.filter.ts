import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody, ErrorCode } from '@mingle/shared';
import { isServiceUnavailable } from '../database/unavailable';

const CODES: Record<number, ErrorCode> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'too_large',
  429: 'rate_limited',
};

/** Every error leaves as an ApiErrorBody; anything unexpected is a logged 500 without details. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('Error');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(error);
    if (body.statusCode === 503) this.log.warn(`unavailable: ${(error as Error)?.message}`);
    else if (body.statusCode >= 500) this.log.error(error instanceof Error ? error.stack : String(error));
    res.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ApiErrorBody {
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      if (typeof response === 'object' && response && 'code' in response) return response as ApiErrorBody;
      const message = status === 429 ? 'Too many attempts. Wait a minute and try again.' : status === 404 ? 'Not found' : error.message;
      return { statusCode: status, code: CODES[status] ?? 'error', message };
    }
    const parserError = error as { type?: string; status?: number; limit?: number };
    if (parserError?.type === 'entity.parse.failed')
      return { statusCode: 400, code: 'invalid_json', message: 'The request body is not valid JSON' };
    if (parserError?.type === 'entity.too.large')
      return {
        statusCode: 413,
        code: 'too_large',
        message: `The request body is too large${sizeLimit(parserError.limit)}`,
        ...(typeof parserError.limit === 'number' ? { params: { variant: 'limit', maxKB: Math.round(parserError.limit / 1024) } } : {}),
      };
    if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500)
      return { statusCode: parserError.status, code: CODES[parserError.status] ?? 'error', message: 'Bad request' };
    if (isServiceUnavailable(error))
      return { statusCode: 503, code: 'unavailable', message: 'The server cannot reach its database right now. Try again in a moment.' };
    return { statusCode: 500, code: 'internal', message: 'Something went wrong on our side' };
  }
}

/** " (at most 100 KB)" for body-parser's limit in bytes. */
function sizeLimit(bytes: number | undefined): string {
  if (typeof bytes !== 'number') return '';
  return bytes >= 1024 * 1024 ? ` (at most ${Math.round(bytes / (1024 * 1024))} MB)` : ` (at most ${Math.round(bytes / 1024)} KB)`;
}
