import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ApiError } from '../../common/api-error';
import { Outbox } from '../../outbox/outbox';
import { AutopilotService } from './autopilot.service';
import type { Round } from './round.entity';
import { RoundNews } from './round-news';
import { RoundsService } from './rounds.service';

/**
 * Ending a round, by the timer or the organizer: record it once, move the autopilot on, then tell
 * everyone. The follow-ups of a start and an end are in the outbox with their write, so a node that
 * dies right after the commit leaves them to the next clock tick of any node.
 */
@Injectable()
export class RoundControl implements OnModuleInit {
  constructor(
    private readonly rounds: RoundsService,
    private readonly autopilot: AutopilotService,
    private readonly news: RoundNews,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.outbox.handle('round.started', ({ eventId, roundId }) => this.news.roundStartedAgain(eventId, roundId));
    this.outbox.handle('round.ended', ({ eventId, roundId }) => this.followEnd(eventId, roundId));
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
