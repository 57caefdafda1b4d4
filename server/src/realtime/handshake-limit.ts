import { Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { HandshakeRefusal } from '@mingle/shared';
import { CONFIG, type Config } from '../config/config';

const MINUTE = 60_000;

type Trust = (address: string, hop: number) => boolean;

/**
 * HANDSHAKE_RATE_LIMIT handshakes per minute per client address; an address over it is refused for
 * a minute. Counted in the throttler's storage, where the HTTP rate limits are counted too.
 */
@Injectable()
export class HandshakeLimit {
  private readonly log = new Logger('HandshakeLimit');

  constructor(
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    private readonly http: HttpAdapterHost,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Counts one handshake; a retry-later refusal when the address is over its budget. */
  async admit(handshake: { address: string; headers: { 'x-forwarded-for'?: string | string[] } }): Promise<HandshakeRefusal | null> {
    const address = clientAddress(handshake.address, handshake.headers['x-forwarded-for'], this.trust());
    let counted: { isBlocked: boolean; timeToBlockExpire: number };
    try {
      counted = await this.storage.increment(`handshake:${address}`, MINUTE, this.config.handshakeRateLimit, MINUTE, 'handshake');
    } catch (error) {
      // A counter we cannot reach must not lock a whole room out: let the handshake through.
      this.log.warn(`handshake limit not checked: ${(error as Error).message}`);
      return null;
    }
    const { isBlocked, timeToBlockExpire } = counted;
    if (!isBlocked) return null;
    return {
      code: 'rate_limited',
      message: 'Too many connections from this network. Trying again shortly.',
      params: { variant: 'connections' },
      retryAfterMs: Math.max(1, timeToBlockExpire) * 1000,
    };
  }

  /** Express's compiled `trust proxy` setting, so sockets see the same client address as HTTP. */
  private trust(): Trust {
    const fn: unknown = this.http.httpAdapter?.getInstance<{ get?(name: string): unknown }>().get?.('trust proxy fn');
    return typeof fn === 'function' ? (fn as Trust) : () => false;
  }
}

/** The client's address as Express's `req.ip` finds it: the first hop, from us outwards, we do not trust. */
export function clientAddress(remote: string, forwardedFor: string | string[] | undefined, trust: Trust): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = [
    remote,
    ...header
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean)
      .reverse(),
  ];
  for (let i = 0; i < hops.length - 1; i++) if (!trust(hops[i]!, i)) return hops[i]!;
  return hops[hops.length - 1]!;
}
