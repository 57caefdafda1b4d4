import type { Attendee } from '../attendees/attendee.entity';
import type { MeetingSpot } from '../mixer/rounds/rounds.repository';

/**
 * The connections' in-process domain events, added to the one map of domain events (see
 * outbox/domain-events.ts). Both people and their encounters travel along, so each side's view is made without a read back.
 */
declare module '../outbox/domain-events' {
  interface DomainEvents {
    /** someone asked to swap or withdrew an ask: the event's swap counts changed (counts only, never who) */
    'swaps.changed': { eventId: string };
    /** two people asked each other: a match */
    'match.made': { eventId: string; a: Attendee; b: Attendee; meetings: MeetingSpot[] };
    /** `sharer` stopped sharing their card with `viewer` */
    'match.changed': { eventId: string; viewer: Attendee; sharer: Attendee; meetings: MeetingSpot[] };
  }
}
