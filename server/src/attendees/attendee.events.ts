import type { Presence } from '@mingle/shared';
import type { Attendee } from './attendee.entity';

/** The attendees' in-process domain events, added to the one map of domain events (see outbox/domain-events.ts). */
declare module '../outbox/domain-events' {
  interface DomainEvents {
    /** their profile or status changed: their own phones see it */
    'attendee.updated': { attendee: Attendee };
    /** the organizer renamed them, or hid them from the screen or showed them again */
    'attendee.moderated': { eventId: string; attendee: Attendee };
    /** who is here was counted again (coalesced); `changed` are the attendees the console must reload */
    'presence.counted': { eventId: string; presence: Presence; online: Set<string>; changed: Attendee[] };
  }
}
