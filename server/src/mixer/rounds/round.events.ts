import type { Round } from './round.entity';
import type { RoundPicture } from './round-picture';

/** The round's domain events, added to the one map of domain events (see outbox/domain-events.ts). */
declare module '../../outbox/domain-events' {
  interface DomainEvents {
    /** a round was written; `picture` in process only: its people hear their groups without a read back */
    'round.started': { eventId: string; roundId: string; picture?: RoundPicture };
    /** a round's end was recorded: the autopilot moves on, everyone hears it; `round` in process only */
    'round.ended': { eventId: string; roundId: string; round?: Round };
    'round.extended': { eventId: string; round: Round };
  }
}
