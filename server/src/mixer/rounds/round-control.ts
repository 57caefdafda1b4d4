import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ApiError } from '../../common/api-error';
import { Transactions } from '../../database/store';
import { Outbox } from '../../outbox/outbox';
import { AutopilotService } from './autopilot.service';
import type { Round } from './round.entity';
import { RoundNews } from './round-news';
import { RoundsRepository } from './rounds.repository';

/**
 * The one path that ends a round, for the clock, the organizer and the end of the event: record the
 * end once, with its follow-up in the outbox, then move the autopilot on and tell everyone. The
 * follow-ups of a start and an end are in the outbox with their write, so a node that dies right
 * after the commit leaves them to the next clock tick of any node.
 */
@Injectable()
export class RoundControl implements OnModuleInit {
  constructor(
    private readonly rounds: RoundsRepository,
    private readonly transactions: Transactions,
    private readonly autopilot: AutopilotService,
    private readonly news: RoundNews,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.outbox.handle('round.started', ({ eventId, roundId }) => this.news.roundStartedAgain(eventId, roundId));
    this.outbox.handle('round.ended', ({ eventId, roundId }) => this.followEnd(eventId, roundId));
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

  private async afterEnd(eventId: string, round: Round): Promise<void> {
    await this.autopilot.roundEnded(eventId, round.endedAt!);
    await this.news.roundEnded(eventId, round);
  }

  /** Again, from the database: the autopilot moves on only from the latest round, then the news. */
  private async followEnd(eventId: string, roundId: string): Promise<void> {
    const latest = await this.rounds.latest(eventId);
    if (latest?.id !== roundId || latest.state !== 'ended') return;
    await this.afterEnd(eventId, latest);
  }
}
