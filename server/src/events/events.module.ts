import { EventsRepository } from './events.repository';
import { Module } from '@nestjs/common';
import { OrganizersModule } from '../organizers/organizers.module';
import { AttendeeCounter } from './attendee-counter';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { EventRoleGuard } from './event-role.guard';
import { TeamController } from './team.controller';
import { TeamRepository } from './team.repository';
import { TeamService } from './team.service';

@Module({
  imports: [OrganizersModule],
  controllers: [EventsController, TeamController],
  providers: [EventsRepository, EventsService, AttendeeCounter, EventRoleGuard, TeamRepository, TeamService],
  exports: [EventsRepository, EventsService, AttendeeCounter, EventRoleGuard, TeamRepository, TeamService],
})
export class EventsModule {}
