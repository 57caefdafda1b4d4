import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { bearerToken } from '../attendees/attendee.guard';

/**
 * Swap requests are limited per attendee, not per address: a whole venue often shares one
 * Wi-Fi address, and one person hammering "swap" must not slow everyone else down.
 */
@Injectable()
export class SwapThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: { headers?: { authorization?: string }; ip?: string }): Promise<string> {
    const token = bearerToken(req.headers?.authorization);
    return token ? createHash('sha256').update(token).digest('hex') : String(req.ip);
  }
}
