import { HttpException, Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { InjectThrottlerStorage, normalizeIp, type ThrottlerStorage } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { TOO_MANY_WRONG_CODES, tooManyWrongCodesMessage, type ApiErrorBody } from '@mingle/shared';
import { ApiError } from '../common/api-error';
import { CONFIG, type Config } from '../config/config';

const HOUR = 3_600_000;
const NAME = 'wrong-code';

/**
 * Wrong join codes (preview and join) are limited per address: WRONG_CODE_LIMIT per hour, apart from
 * the join rate limit, so guessing codes takes years while a venue sharing one address gets in (see
 * the README). Only look-ups of a well-formed code that no event has count; right codes never do.
 * Counters live in the throttler's storage, so on several nodes with Redis they hold together.
 */
@Injectable()
export class WrongCodeBudget implements NestInterceptor {
  constructor(
    @InjectThrottlerStorage() private readonly store: ThrottlerStorage,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const keys = keysFor(normalizeIp(http.getRequest<Request>().ip ?? ''));
    const res = http.getResponse<Response>();
    await this.refuseWhenSpent(keys.spent, res);
    return next
      .handle()
      .pipe(catchError((error: unknown) => from(this.countIfWrong(keys, error)).pipe(mergeMap(() => throwError(() => error)))));
  }

  /**
   * The storage only increments, so "is the budget spent?" is a look at a separate marker key that
   * is blocked once the failures reach the limit: with an unreachable limit the increment only reads.
   */
  private async refuseWhenSpent(spentKey: string, res: Response): Promise<void> {
    const spent = await this.store.increment(spentKey, 1000, Number.MAX_SAFE_INTEGER, HOUR, NAME);
    if (!spent.isBlocked) return;
    const retryAfter = Math.max(1, spent.timeToBlockExpire);
    res.setHeader('Retry-After', String(retryAfter));
    const body: ApiErrorBody & { retryAfter: number } = {
      statusCode: 429,
      code: TOO_MANY_WRONG_CODES,
      message: tooManyWrongCodesMessage(retryAfter),
      params: { retryAfter },
      retryAfter,
    };
    throw new HttpException(body, 429);
  }

  private async countIfWrong(keys: { failures: string; spent: string }, error: unknown): Promise<void> {
    if (!(error instanceof ApiError) || error.code !== 'unknown_code') return;
    const limit = this.config.wrongCodeLimit;
    const failures = await this.store.increment(keys.failures, HOUR, limit, HOUR, NAME);
    // Limit 0: this one hit blocks the marker for what is left of the failures' hour.
    if (failures.totalHits >= limit) await this.store.increment(keys.spent, 1000, 0, Math.max(1, failures.timeToExpire) * 1000, NAME);
  }
}

function keysFor(address: string): { failures: string; spent: string } {
  const hash = (kind: string) => createHash('sha256').update(`${NAME}-${kind}-${address}`).digest('hex');
  return { failures: hash('failures'), spent: hash('spent') };
}
