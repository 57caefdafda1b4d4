import { Injectable } from '@nestjs/common';
import { ApiError } from '../../common/api-error';
import { AutopilotService } from './autopilot.service';
import { RoundNews } from './round-news';
import { RoundsService } from './rounds.service';

/** Ending a round, by the timer or the organizer: record it once, move the autopilot on, then tell everyone. */
@Injectable()
export class RoundControl {
  constructor(
    private readonly rounds: RoundsService,
    private readonly autopilot: AutopilotService,
    private readonly news: RoundNews,
  ) {}

  async end(eventId: string, roundId?: string): Promise<boolean> {
    const ended = await this.rounds.end(eventId, roundId);
    if (!ended) return false;
    await this.autopilot.roundEnded(eventId, ended.endedAt!);
    await this.news.roundEnded(eventId, ended);
    return true;
  }

  async endNow(eventId: string): Promise<void> {
    if (!(await this.end(eventId))) throw new ApiError(409, 'no_round', 'No round is running');
  }
}
