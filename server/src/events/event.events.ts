import type { MingleEvent } from './event.entity';

/** The event's in-process domain events, added to the one map of domain events (see outbox/domain-events.ts). */
declare module '../outbox/domain-events' {
  interface DomainEvents {
    'event.changed': { event: MingleEvent };
  }
}
