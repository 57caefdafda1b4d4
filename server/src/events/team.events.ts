import type { LiveAction } from '@mingle/shared';

/** The team's in-process domain events, added to the one map of domain events (see outbox/domain-events.ts). */
declare module '../outbox/domain-events' {
  interface DomainEvents {
    /** someone's role in the event changed, or they left its team */
    'team.changed': { eventId: string; organizerId: string };
    'action.recorded': { eventId: string; action: LiveAction };
  }
}
