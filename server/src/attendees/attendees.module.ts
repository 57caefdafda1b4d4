import { AttendeesRepository } from './attendees.repository';
import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { AttendeeGuard } from './attendee.guard';
import { AttendeesService } from './attendees.service';
import { EventAttendeesController } from './event-attendees.controller';
import { JoinController } from './join.controller';
import { PresenceService } from './presence.service';
import { RemovalSteps } from './removal-steps';
import { AttendeeCount } from './attendee-count';

@Module({
  imports: [EventsModule, OrganizersModule],
  controllers: [JoinController, EventAttendeesController],
  providers: [AttendeesRepository, AttendeesService, PresenceService, AttendeeGuard, RemovalSteps, AttendeeCount],
  exports: [AttendeesRepository, AttendeesService, PresenceService, AttendeeGuard, RemovalSteps],
})
export class AttendeesModule {}
