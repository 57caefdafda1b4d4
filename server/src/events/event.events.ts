import type { MingleEvent } from './event.entity';

/** The event's in-process domain events, added to the one map of domain events (see outbox/domain-events.ts). */
declare module '../outbox/domain-events' {
  interface DomainEvents {
    'event.changed': { event: MingleEvent };
    /** the organizer's own words that keep names off the screen changed: flags and the board change */
    'event.blocked-words-changed': { eventId: string };
  }
}
