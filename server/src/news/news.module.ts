import { Module } from '@nestjs/common';
import { AttendeesModule } from '../attendees/attendees.module';
import { ConnectionsModule } from '../connections/connections.module';
import { EventsModule } from '../events/events.module';
import { RoundsModule } from '../mixer/rounds/rounds.module';
import { AttendeeNews } from './attendee-news';
import { ConsoleNews } from './console-news';
import { GroupNews } from './group-news';
import { PhoneCounts } from './phone-counts';
import { ScreenNews } from './screen-news';

/**
 * The one way news leaves the server: a mapper per audience listens to the domain events and sends,
 * through the one serializer per audience, only what changed. Listed in the order each hears an event:
 * groups first, since a round start's groups are what every phone waits for.
 */
@Module({
  imports: [AttendeesModule, EventsModule, RoundsModule, ConnectionsModule],
  providers: [GroupNews, PhoneCounts, AttendeeNews, ScreenNews, ConsoleNews],
})
export class NewsModule {}
