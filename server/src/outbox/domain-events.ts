import type { Presence } from '@mingle/shared';
import type { MingleEvent } from '../events/event.entity';
import type { Attendee } from '../attendees/attendee.entity';
import type { Round } from '../mixer/rounds/round.entity';
import type { RoundPicture } from '../mixer/rounds/round-picture';

/** How someone's place in a running round changed. */
export type GroupChange = 'arrival' | 'leaving' | 'placement';

/**
 * What happened, in the event's own words. Services publish these after their commit (the news
 * mappers turn them into socket messages); the follow-ups that must happen are recorded under the
 * same names in the write's transaction (the outbox) and carried out at least once.
 *
 * Payloads carry what the mappers need so that telling reads little; fields marked "in process" are
 * never written to the outbox (a follow-up rebuilds them from the database).
 */
export interface DomainEvents {
  /** a round was written; `picture` in process only: its people hear their groups without a read back */
  'round.started': { eventId: string; roundId: string; picture?: RoundPicture };
  /** a round's end was recorded: the autopilot moves on, everyone hears it; `round` in process only */
  'round.ended': { eventId: string; roundId: string; round?: Round };
  'round.extended': { eventId: string; round: Round };
  /** someone arrived at, left, or was placed into a group of the running round; `seatedIds`: who sits there now, when known */
  'group.changed': { eventId: string; roundId: string; groupId: string; attendeeId: string; change: GroupChange; seatedIds?: string[] };

  /** their phone connected for the first time: placed in a running round */
  'attendee.joined': { eventId: string; attendeeId: string };
  /** back from a break: placed in a running round */
  'attendee.back': { eventId: string; attendeeId: string };
  /** on a break: unseated */
  'attendee.away': { eventId: string; attendeeId: string };
  /** left the event: unseated */
  'attendee.left': { eventId: string; attendeeId: string };
  /** removed by the organizer: their sockets dropped, unseated */
  'attendee.removed': { eventId: string; attendeeId: string };
  /** erased their own data: their sockets dropped, unseated */
  'attendee.erased': { eventId: string; attendeeId: string };
  /** their profile or status changed: their own phones see it */
  'attendee.updated': { attendee: Attendee };
  /** who is here was counted again (coalesced); `changed` are the attendees the console must reload */
  'presence.counted': { eventId: string; presence: Presence; online: Set<string>; changed: Attendee[] };

  /** two people asked each other: a match */
  'match.made': { eventId: string; a: string; b: string };
  /** `sharer` stopped sharing their card with `viewer` */
  'match.changed': { eventId: string; viewer: string; sharer: string };

  'event.changed': { event: MingleEvent };
  /** the event ended: its autopilot stops and a running round ends */
  'event.ended': { eventId: string };
  'event.deleted': { eventId: string };
  'screens.revoked': { eventId: string };
  /** the autopilot started, paused, resumed, stopped or moved its next round */
  'autopilot.changed': { eventId: string };
  'session.ended': { sessionId: string; reason: 'logged_out' | 'session_expired' };
}

export type DomainEventName = keyof DomainEvents;
