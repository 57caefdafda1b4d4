import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { AttendeeGuard } from './attendee.guard';
import { AttendeesService } from './attendees.service';
import { EventAttendeesController } from './event-attendees.controller';
import { JoinController } from './join.controller';
import { PresenceService } from './presence.service';
import { AttendeeActivity } from './attendee-activity';

@Module({
  imports: [EventsModule, OrganizersModule],
  controllers: [JoinController, EventAttendeesController],
  providers: [AttendeesService, PresenceService, AttendeeGuard, AttendeeActivity],
  exports: [AttendeesService, PresenceService, AttendeeGuard, AttendeeActivity],
})
export class AttendeesModule {}
