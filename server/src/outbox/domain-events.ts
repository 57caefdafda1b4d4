/**
 * What happened, in the event's own words: the follow-ups that must happen after a write are keyed
 * by these names, written with the write (the outbox) and carried out at least once.
 */
export interface DomainEvents {
  /** a round was written: its people must hear their groups, the screen its board */
  'round.started': { eventId: string; roundId: string };
  /** a round's end was recorded: the autopilot moves on, everyone hears it */
  'round.ended': { eventId: string; roundId: string };
}

export type DomainEventName = keyof DomainEvents;
