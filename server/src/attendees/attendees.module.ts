import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { AttendeeGuard } from './attendee.guard';
import { AttendeesService } from './attendees.service';
import { EventAttendeesController } from './event-attendees.controller';
import { JoinController } from './join.controller';
import { PresenceService } from './presence.service';

@Module({
  imports: [EventsModule, OrganizersModule],
  controllers: [JoinController, EventAttendeesController],
  providers: [AttendeesService, PresenceService, AttendeeGuard],
  exports: [AttendeesService, PresenceService, AttendeeGuard],
})
export class AttendeesModule {}
