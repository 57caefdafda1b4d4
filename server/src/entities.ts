import { OutboxEntry } from './outbox/outbox.entity';
import { Organizer } from './organizers/organizer.entity';
import { Session } from './organizers/session.entity';
import { MingleEvent } from './events/event.entity';
import { EventMember, LiveActionRecord, TeamInvite } from './events/team.entities';
import { Attendee } from './attendees/attendee.entity';
import { Match, Note, OptOut, ShareChoice, SwapRequest } from './connections/connection.entities';
import { Series, SeriesAttendee, SeriesEvent, SeriesPerson } from './series/series.entities';
import { Autopilot, Group, GroupMember, Meeting, Round, RoundPlan } from './mixer/rounds/round.entity';

export const entities = [
  Organizer,
  Session,
  MingleEvent,
  Attendee,
  Round,
  Group,
  GroupMember,
  Meeting,
  Autopilot,
  RoundPlan,
  SwapRequest,
  Match,
  OptOut,
  ShareChoice,
  Note,
  OutboxEntry,
  EventMember,
  TeamInvite,
  LiveActionRecord,
  Series,
  SeriesEvent,
  SeriesPerson,
  SeriesAttendee,
];
