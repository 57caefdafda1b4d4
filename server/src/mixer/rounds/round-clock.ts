import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AutopilotService } from './autopilot.service';
import { RoundsRepository } from './rounds.repository';
import { RoundControl } from './round-control';
import { Outbox } from '../../outbox/outbox';

export const CLOCK_TICK_MS = 250;

/**
 * Ends rounds at their end time, starts autopilot rounds and carries out follow-ups that a node
 * left behind (the outbox), on every node. It reads the due work
 * from the database, so it survives restarts; conditional writes make each transition happen once.
 */
@Injectable()
export class RoundClock implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  private readonly log = new Logger('RoundClock');

  constructor(
    private readonly rounds: RoundsRepository,
    private readonly autopilot: AutopilotService,
    private readonly control: RoundControl,
    private readonly outbox: Outbox,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), CLOCK_TICK_MS);
    this.timer.unref();
  }

  async tick(now = Date.now()): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (const round of await this.rounds.due(now)) await this.control.end(round.eventId, round.id);
      for (const a of await this.rounds.dueAutopilots(now)) await this.autopilot.tick(a.eventId, now);
      await this.outbox.carryOutDue(now);
    } catch (error) {
      this.log.warn(`tick failed: ${(error as Error).message}`);
    } finally {
      this.busy = false;
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
