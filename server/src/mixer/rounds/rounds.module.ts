import { Module } from '@nestjs/common';
import { AttendeesModule } from '../../attendees/attendees.module';
import { EventsModule } from '../../events/events.module';
import { OrganizersModule } from '../../organizers/organizers.module';
import { AutopilotService } from './autopilot.service';
import { AvoidList } from './avoid-list';
import { PhoneRoundsController } from './phone-rounds.controller';
import { RoundClock } from './round-clock';
import { RoundControl } from './round-control';
import { RoundStates } from './round-states';
import { RoundPlanner } from './round-planner';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';
import { Seating } from './seating';
import { PlanBook } from './plan-book';
import { PlannerController } from '../planner/planner.controller';
import { PlannerQueue } from '../planner/planner-queue';

@Module({
  imports: [AttendeesModule, EventsModule, OrganizersModule],
  controllers: [RoundsController, PhoneRoundsController, PlannerController],
  providers: [
    RoundsService,
    RoundStates,
    RoundPlanner,
    AutopilotService,
    RoundControl,
    RoundClock,
    AvoidList,
    Seating,
    PlanBook,
    PlannerQueue,
  ],
  exports: [RoundsService, RoundStates, AvoidList],
})
export class RoundsModule {}
