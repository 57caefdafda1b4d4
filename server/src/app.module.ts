import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from './config/config';
import { EventsModule } from './events/events.module';
import { HealthController } from './health/health.controller';
import { OrganizersModule } from './organizers/organizers.module';
import { AttendeesModule } from './attendees/attendees.module';
import { BroadcastModule } from './realtime/broadcast.module';
import { OutboxModule } from './outbox/outbox.module';
import { RealtimeModule } from './realtime/realtime.module';
import { RoundsModule } from './mixer/rounds/rounds.module';
import { ConnectionsModule } from './connections/connections.module';
import { RateLimitStore } from './common/rate-limit-store';
import { AppLogger } from './common/logging';

const MINUTE = 60_000;

/** Closes the database last, after sockets and timers are gone. */
@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.db.isInitialized) await this.db.destroy();
  }
}

/** The config and the open database are made before Nest starts and shared with every module. */
@Global()
@Module({})
class CoreModule {
  static with(config: Config, db: DataSource): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: CONFIG, useValue: config }, { provide: DataSource, useValue: db }, DatabaseCloser],
      exports: [CONFIG, DataSource],
    };
  }
}

@Module({})
export class AppModule {
  static with(config: Config, db: DataSource, logger: Pino): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.with(config, db),
        // createApp puts the request logger and its context in front of every path; Nest's loggers write through it.
        LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true, forRoutes: [] }),
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'auth', ttl: MINUTE, limit: config.authRateLimit },
            { name: 'join', ttl: MINUTE, limit: config.joinRateLimit },
          ],
          storage: new RateLimitStore(config),
        }),
        BroadcastModule,
        OutboxModule,
        OrganizersModule,
        EventsModule,
        AttendeesModule,
        RoundsModule,
        ConnectionsModule,
        RealtimeModule,
      ],
      controllers: [HealthController],
      providers: [AppLogger],
    };
  }
}
