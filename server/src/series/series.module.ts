import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { AttendeesModule } from '../attendees/attendees.module';
import { EventsModule } from '../events/events.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { Outbox } from '../outbox/outbox';
import { ConnectionsModule } from '../connections/connections.module';
import { EraseService } from '../connections/erase.service';
import { RoundsModule } from '../mixer/rounds/rounds.module';
import { KnownPairs } from '../mixer/rounds/known-pairs';
import { MeSeriesController } from './me-series.controller';
import { Remembering } from './remembering';
import { SeriesController } from './series.controller';
import { SeriesPairs } from './series-pairs';
import { SeriesRepository } from './series.repository';
import { SeriesService } from './series.service';

/** Feeds the mixer the pairs known from the series, erases a person across it, and keeps a duplicated event in its series. */
@Injectable()
class SeriesHooks implements OnModuleInit {
  constructor(
    private readonly known: KnownPairs,
    private readonly erase: EraseService,
    private readonly pairs: SeriesPairs,
    private readonly remembering: Remembering,
    private readonly outbox: Outbox,
    private readonly series: SeriesService,
  ) {}

  onModuleInit(): void {
    this.known.add(async (eventId) => (await this.pairs.ofEvent(eventId)).pairs);
    this.erase.alsoErase((me) => this.remembering.forget(me));
    this.outbox.handle('event.duplicated', ({ eventId, fromEventId, organizerId }) =>
      this.series.copySeries(fromEventId, eventId, organizerId),
    );
  }
}

@Module({
  imports: [AttendeesModule, EventsModule, OrganizersModule, RoundsModule, ConnectionsModule],
  controllers: [SeriesController, MeSeriesController],
  providers: [SeriesRepository, SeriesService, SeriesPairs, Remembering, SeriesHooks],
})
export class SeriesModule {}
