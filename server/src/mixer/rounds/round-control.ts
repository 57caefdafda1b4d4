import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ApiError } from '../../common/api-error';
import { Transactions } from '../../database/store';
import { DomainEventBus } from '../../outbox/domain-event-bus';
import { Outbox } from '../../outbox/outbox';
import { AutopilotService } from './autopilot.service';
import type { Round } from './round.entity';
import type { RoundPicture } from './round-picture';
import { RoundStates } from './round-states';
import { RoundsRepository } from './rounds.repository';

/**
 * The one path that ends a round, for the clock, the organizer and the end of the event: record the
 * end once, with its follow-up in the outbox, then move the autopilot on and tell everyone. The
 * follow-ups of a start, an end and an event's end are in the outbox with their write, so a node that
 * dies right after the commit leaves them to the next clock tick of any node.
 */
@Injectable()
export class RoundControl implements OnModuleInit {
  constructor(
    private readonly rounds: RoundsRepository,
    private readonly transactions: Transactions,
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

  /**
   * Exactly one end is recorded, whoever calls first: the timer, another node, or the organizer.
   * True for the one caller that ended it, false for everyone else.
   */
  async end(eventId: string, roundId?: string): Promise<boolean> {
    const running = await this.rounds.running(eventId, roundId);
    if (!running) return false;
    const endedAt = Date.now();
    const followUp = await this.transactions.run(async () =>
      (await this.rounds.end(running.id, endedAt)) ? this.outbox.record('round.ended', { eventId, roundId: running.id }) : null,
    );
    if (!followUp) return false;
    this.outbox.committed('round.ended');
    await this.afterEnd(eventId, { ...running, state: 'ended', endedAt });
    await this.outbox.done(followUp);
    return true;
  }

  /** The organizer's end: there must be a round to end. */
  async endNow(eventId: string): Promise<void> {
    if (!(await this.end(eventId))) throw new ApiError(409, 'no_round', 'No round is running');
  }

  /** Told by the writer from its own picture, or again from the database if the round still runs. */
  private async tellStart({ eventId, roundId, picture }: { eventId: string; roundId: string; picture?: RoundPicture }) {
    const started = picture ?? (await this.states.roundPicture(roundId));
    if (started?.round.state === 'running') await this.bus.publish('round.started', { eventId, roundId, picture: started });
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
