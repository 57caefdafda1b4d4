import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '../config/config';

@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** 200 when the database answers, 503 otherwise; names the database and realtime kinds. */
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    const kinds = { database: this.config.database.kind, realtime: this.config.redisUrl ? 'redis' : 'memory' };
    try {
      await this.db.query('SELECT 1');
      return { status: 'ok', ...kinds };
    } catch {
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'unavailable', ...kinds };
    }
  }
}
