import { Init1764100000000 } from './1764100000000-init';
import { Attendees1764200000000 } from './1764200000000-attendees';
import { Rounds1764300000000 } from './1764300000000-rounds';
import { Connections1764400000000 } from './1764400000000-connections';
import { SignupSlot1764510000000 } from './1764510000000-signup-slot';
import { AttendeeConnected1764560000000 } from './1764560000000-attendee-connected';
import { Outbox1764600000000 } from './1764600000000-outbox';
import { ReportIndexes1764710000000 } from './1764710000000-report-indexes';
import { GivesAsks1764740000000 } from './1764740000000-gives-asks';
import { ScreenModeration1764720000000 } from './1764720000000-screen-moderation';
import { Team1764760000000 } from './1764760000000-team';
import { Series1764900000000 } from './1764900000000-series';
import { EventLanguage1764910000000 } from './1764910000000-event-language';
import { PlanStats1764920000000 } from './1764920000000-plan-stats';
import { OrganizerLanguage1764930000000 } from './1764930000000-organizer-language';
import { StagedRounds1764940000000 } from './1764940000000-staged-rounds';

/** Every migration, oldest first. Applied at start. */
export const migrations = [
  Init1764100000000,
  Attendees1764200000000,
  Rounds1764300000000,
  Connections1764400000000,
  SignupSlot1764510000000,
  AttendeeConnected1764560000000,
  Outbox1764600000000,
  ReportIndexes1764710000000,
  GivesAsks1764740000000,
  ScreenModeration1764720000000,
  Team1764760000000,
  Series1764900000000,
  EventLanguage1764910000000,
  PlanStats1764920000000,
  OrganizerLanguage1764930000000,
  StagedRounds1764940000000,
];
