import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ApiError } from '../../common/api-error';
import { DomainEventBus } from '../../outbox/domain-event-bus';
import { Outbox } from '../../outbox/outbox';
import { AutopilotService } from './autopilot.service';
import type { Round } from './round.entity';
import { RoundStates } from './round-states';
import { RoundsService } from './rounds.service';

/**
 * Ending a round, by the timer, the organizer or the event's end: record it once, move the autopilot
 * on, then tell everyone. The follow-ups of a start, an end and an event's end are in the outbox with
 * their write, so a node that dies right after the commit leaves them to the next clock tick of any node.
 */
@Injectable()
export class RoundControl implements OnModuleInit {
  constructor(
    private readonly rounds: RoundsService,
    private readonly autopilot: AutopilotService,
    private readonly states: RoundStates,
    private readonly outbox: Outbox,
    private readonly bus: DomainEventBus,
  ) {}

  onModuleInit(): void {
    this.outbox.handle('round.started', (started) => this.tellStart(started));
    this.outbox.handle('round.ended', ({ eventId, roundId }) => this.followEnd(eventId, roundId));
    // An ended event keeps no autopilot and no running round.
    this.outbox.handle('event.ended', async ({ eventId }) => {
      await this.autopilot.stop(eventId);
      await this.end(eventId);
    });
  }

  async end(eventId: string, roundId?: string): Promise<boolean> {
    const ended = await this.rounds.end(eventId, roundId);
    if (!ended) return false;
    this.outbox.committed('round.ended');
    await this.afterEnd(eventId, ended.round);
    await this.outbox.done(ended.followUp);
    return true;
  }

  async endNow(eventId: string): Promise<void> {
    if (!(await this.end(eventId))) throw new ApiError(409, 'no_round', 'No round is running');
  }

  /** Told by the writer from its own picture, or again from the database if the round still runs. */
  private async tellStart({
    eventId,
    roundId,
    picture,
  }: {
    eventId: string;
    roundId: string;
    picture?: Awaited<ReturnType<RoundStates['roundPicture']>>;
  }) {
    const started = picture ?? (await this.states.roundPicture(roundId));
    if (started) await this.bus.publish('round.started', { eventId, roundId, picture: started });
  }

  private async afterEnd(eventId: string, round: Round): Promise<void> {
    await this.autopilot.roundEnded(eventId, round.endedAt!);
    await this.bus.publish('round.ended', { eventId, roundId: round.id, round });
  }

  /** Again, from the database: the autopilot moves on only from the latest round, then the news. */
  private async followEnd(eventId: string, roundId: string): Promise<void> {
    const latest = await this.rounds.latest(eventId);
    if (latest?.id !== roundId || latest.state !== 'ended') return;
    await this.afterEnd(eventId, latest);
  }
}
