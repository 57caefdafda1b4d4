import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import type { Config } from '../config/config';

/** A count that Redis has not answered by then is counted on this node instead. */
const REDIS_ANSWER_MS = 300;

type Counted = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Where rate-limit counters live: in this process without Redis; in Redis when REDIS_URL is set,
 * so every node counts against one budget. While Redis is away or slow, each node counts on its own
 * (a request never waits on Redis, and never fails for it). Keys are prefixed with the database
 * they serve, so deployments (and test apps) that share one Redis never share counters, while the
 * nodes of one deployment always do.
 */
export class RateLimitStore implements ThrottlerStorage, OnApplicationShutdown {
  private readonly local = new ThrottlerStorageService();
  private readonly redis: ThrottlerStorageRedisService | null = null;
  private readonly client: Redis | null = null;
  private readonly prefix: string;
  private readonly log = new Logger('RateLimits');

  constructor(config: Pick<Config, 'redisUrl' | 'database'>) {
    if (config.redisUrl) {
      this.client = new Redis(config.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        retryStrategy: (attempt) => Math.min(attempt * 200, 1000),
      });
      this.client.on('error', () => undefined);
      this.redis = new ThrottlerStorageRedisService(this.client);
    }
    this.prefix = `mingle:${databaseName(config.database)}`;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<Counted> {
    const prefixed = `${this.prefix}:${key}`;
    if (!this.redis || this.client?.status !== 'ready') return this.local.increment(prefixed, ttl, limit, blockDuration, throttlerName);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_ANSWER_MS} ms`)), REDIS_ANSWER_MS);
    });
    try {
      return await Promise.race([this.redis.increment(prefixed, ttl, limit, blockDuration, throttlerName), late]);
    } catch (error) {
      this.log.warn(`counted on this node: Redis ${(error as Error).message}`);
      return this.local.increment(prefixed, ttl, limit, blockDuration, throttlerName);
    } finally {
      clearTimeout(timer);
    }
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
    this.local.onApplicationShutdown();
  }
}

function databaseName(database: Config['database']): string {
  if (database.kind === 'sqlite') return database.file;
  const url = new URL(database.url);
  return `${url.host}${url.pathname}/${database.schema}`;
}
