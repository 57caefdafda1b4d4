import { Module } from '@nestjs/common';
import { AttendeesModule } from '../../attendees/attendees.module';
import { EventsModule } from '../../events/events.module';
import { OrganizersModule } from '../../organizers/organizers.module';
import { AutopilotService } from './autopilot.service';
import { AvoidList } from './avoid-list';
import { KnownPairs } from './known-pairs';
import { SeatingInput } from './seating-input';
import { PhoneRoundsController } from './phone-rounds.controller';
import { RoundClock } from './round-clock';
import { RoundControl } from './round-control';
import { RoundStates } from './round-states';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';
import { Membership } from './membership';
import { PlanBook } from './plan-book';
import { PlannerModule } from '../planner/planner.module';
import { RoundPictures } from './round-picture';
import { RoundsRepository } from './rounds.repository';
import { StillRoom } from './still-room';
import { StagedRounds } from './staged-rounds';

@Module({
  imports: [AttendeesModule, EventsModule, OrganizersModule, PlannerModule],
  controllers: [RoundsController, PhoneRoundsController],
  providers: [
    RoundsRepository,
    RoundPictures,
    RoundsService,
    RoundStates,
    AutopilotService,
    RoundControl,
    RoundClock,
    AvoidList,
    KnownPairs,
    SeatingInput,
    Membership,
    PlanBook,
    StagedRounds,
    StillRoom,
  ],
  exports: [RoundsService, RoundStates, AvoidList, KnownPairs, RoundsRepository],
})
export class RoundsModule {}
