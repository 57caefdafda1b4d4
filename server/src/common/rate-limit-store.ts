import type { OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Config } from '../config/config';

/**
 * Where rate-limit counters live: in this process without Redis; in Redis when REDIS_URL is set,
 * so every node counts against one budget. Keys are prefixed with the database they serve, so
 * deployments (and test apps) that share one Redis never share counters, while the nodes of one
 * deployment always do.
 */
export class RateLimitStore implements ThrottlerStorage, OnApplicationShutdown {
  private readonly inner: ThrottlerStorageService | ThrottlerStorageRedisService;
  private readonly prefix: string;

  constructor(config: Pick<Config, 'redisUrl' | 'database'>) {
    this.inner = config.redisUrl ? new ThrottlerStorageRedisService(config.redisUrl) : new ThrottlerStorageService();
    this.prefix = `mingle:${databaseName(config.database)}`;
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): ReturnType<ThrottlerStorage['increment']> {
    return this.inner.increment(`${this.prefix}:${key}`, ttl, limit, blockDuration, throttlerName);
  }

  onApplicationShutdown(): void {
    if (this.inner instanceof ThrottlerStorageRedisService) this.inner.onModuleDestroy();
    else this.inner.onApplicationShutdown();
  }
}

function databaseName(database: Config['database']): string {
  if (database.kind === 'sqlite') return database.file;
  const url = new URL(database.url);
  return `${url.host}${url.pathname}/${database.schema}`;
}
