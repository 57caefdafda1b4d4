import { Controller, HttpStatus, Inject, OnModuleDestroy, Res } from '@nestjs/common';
import type { Health } from '@mingle/shared';
import type { Response } from 'express';
import { CONFIG, type Config } from '../config/config';
import { Store } from '../database/store';
import { Route } from '../common/route';
import { RedisProbe } from '../realtime/redis-check';

const DATABASE_TIMEOUT_MS = 2000;

@Controller()
export class HealthController implements OnModuleDestroy {
  private readonly redis: RedisProbe | null;

  constructor(
    private readonly store: Store,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.redis = config.redisUrl ? new RedisProbe(config.redisUrl) : null;
  }

  /**
   * Readiness: 200 when every dependency this node needs answers (the database, and Redis when
   * configured), 503 otherwise; `checks` says which is down. Names the database and realtime kinds.
   */
  @Route('GET /api/health', 'public')
  async health(@Res({ passthrough: true }) res: Response): Promise<Health> {
    const kinds: Pick<Health, 'database' | 'realtime'> = {
      database: this.config.database.kind,
      realtime: this.config.redisUrl ? 'redis' : 'memory',
    };
    const [database, redis] = await Promise.all([this.databaseUp(), this.redis?.up()]);
    const checks: Health['checks'] = { database: database ? 'up' : 'down' };
    if (this.redis) checks.redis = redis ? 'up' : 'down';
    const ok = database && redis !== false;
    if (!ok) res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'unavailable', ...kinds, checks };
  }

  /** Liveness: the process runs and answers; a dependency outage does not make it restart-worthy. */
  @Route('GET /api/health/live', 'public')
  live() {
    return { status: 'ok' as const };
  }

  onModuleDestroy(): void {
    this.redis?.close();
  }

  private async databaseUp(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), DATABASE_TIMEOUT_MS)));
    const answer = await Promise.race([
      this.store.ping().then(
        () => true,
        () => false,
      ),
      late,
    ]);
    clearTimeout(timer);
    return answer;
  }
}
