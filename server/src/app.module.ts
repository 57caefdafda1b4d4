import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { CONFIG, type Config } from './config/config';
import { DatabaseModule, type OpenDatabase } from './database/database.module';
import { EventsModule } from './events/events.module';
import { HealthController } from './health/health.controller';
import { OrganizersModule } from './organizers/organizers.module';
import { AttendeesModule } from './attendees/attendees.module';
import { BroadcastModule } from './broadcast/broadcast.module';
import { OutboxModule } from './outbox/outbox.module';
import { RealtimeModule } from './realtime/realtime.module';
import { RoundsModule } from './mixer/rounds/rounds.module';
import { ConnectionsModule } from './connections/connections.module';
import { NewsModule } from './news/news.module';
import { ReportsModule } from './reports/reports.module';
import { SeriesModule } from './series/series.module';
import { RateLimitStore } from './common/rate-limit-store';
import { AppLogger } from './common/logging';
import { AccessGuard } from './access/access.guard';
import { LiveActions } from './access/live-actions';

const MINUTE = 60_000;

/** The config is read before Nest starts and shared with every module. */
@Global()
@Module({})
class ConfigModule {
  static with(config: Config): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] };
  }
}

@Module({})
export class AppModule {
  static with(config: Config, db: OpenDatabase, logger: Pino): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.with(config),
        DatabaseModule.with(db),
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
        SeriesModule,
        ReportsModule,
        NewsModule,
        RealtimeModule,
      ],
      controllers: [HealthController],
      providers: [AppLogger, { provide: APP_GUARD, useClass: AccessGuard }, { provide: APP_INTERCEPTOR, useClass: LiveActions }],
    };
  }
}
