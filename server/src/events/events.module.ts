import { EventsRepository } from './events.repository';
import { Module } from '@nestjs/common';
import { OrganizersModule } from '../organizers/organizers.module';
import { AttendeeCounter } from './attendee-counter';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { EventOwnerGuard } from './event-owner.guard';

@Module({
  imports: [OrganizersModule],
  controllers: [EventsController],
  providers: [EventsRepository, EventsService, AttendeeCounter, EventOwnerGuard],
  exports: [EventsRepository, EventsService, AttendeeCounter, EventOwnerGuard],
})
export class EventsModule {}
