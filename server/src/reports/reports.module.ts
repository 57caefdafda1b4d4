import { Module } from '@nestjs/common';
import { AttendeesModule } from '../attendees/attendees.module';
import { ConnectionsModule } from '../connections/connections.module';
import { EventsModule } from '../events/events.module';
import { RoundsModule } from '../mixer/rounds/rounds.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** After "End event" (or while live, "so far"): the evening's report. */
@Module({
  imports: [AttendeesModule, EventsModule, OrganizersModule, RoundsModule, ConnectionsModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
