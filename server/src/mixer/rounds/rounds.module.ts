import { Module } from '@nestjs/common';
import { AttendeesModule } from '../../attendees/attendees.module';
import { EventsModule } from '../../events/events.module';
import { OrganizersModule } from '../../organizers/organizers.module';
import { AutopilotService } from './autopilot.service';
import { AvoidList } from './avoid-list';
import { PhoneRoundsController } from './phone-rounds.controller';
import { RoundClock } from './round-clock';
import { RoundControl } from './round-control';
import { RoundNews } from './round-news';
import { RoundPlanner } from './round-planner';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';
import { SeatingListener } from './seating.listener';
import { PlanBook } from './plan-book';
import { PlannerController } from '../planner/planner.controller';
import { PlannerQueue } from '../planner/planner-queue';

@Module({
  imports: [AttendeesModule, EventsModule, OrganizersModule],
  controllers: [RoundsController, PhoneRoundsController, PlannerController],
  providers: [
    RoundsService,
    RoundNews,
    RoundPlanner,
    AutopilotService,
    RoundControl,
    RoundClock,
    AvoidList,
    SeatingListener,
    PlanBook,
    PlannerQueue,
  ],
  exports: [RoundsService, RoundNews, AvoidList],
})
export class RoundsModule {}
