import { EventsRepository } from './events.repository';
import { Module } from '@nestjs/common';
import { OrganizersModule } from '../organizers/organizers.module';
import { AttendeeCounter } from './attendee-counter';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

@Module({
  imports: [OrganizersModule],
  controllers: [EventsController],
  providers: [EventsRepository, EventsService, AttendeeCounter],
  exports: [EventsRepository, EventsService],
})
export class EventsModule {}
