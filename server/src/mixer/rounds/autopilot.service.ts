import { Injectable, Logger } from '@nestjs/common';
import type { AutopilotBody } from '@mingle/shared';
import { ApiError } from '../../common/api-error';
import type { Autopilot } from './round.entity';
import { DomainEventBus } from '../../outbox/domain-event-bus';
import { RoundsService } from './rounds.service';
import { RoundsRepository } from './rounds.repository';

const MINUTE = 60_000;
/** When an autopilot round cannot start (too few people), it tries again after this. */
const RETRY_MS = 30_000;

/** N rounds of L minutes with B-minute breaks, each starting by itself; pausable. All state is in the database. */
@Injectable()
export class AutopilotService {
  private readonly log = new Logger('Autopilot');

  constructor(
    private readonly repository: RoundsRepository,
    private readonly rounds: RoundsService,
    private readonly bus: DomainEventBus,
  ) {}

  async start(eventId: string, body: AutopilotBody): Promise<void> {
    const running = !!(await this.repository.running(eventId));
    // The first round starts now, here (the clock never sees it due), or when the current one ends.
    await this.repository.saveAutopilot({
      eventId,
      state: 'running',
      roundsLeft: running ? body.rounds : body.rounds - 1,
      roundMinutes: body.roundMinutes,
      breakMinutes: body.breakMinutes,
      nextRoundAt: null,
      pausedLeftMs: null,
    });
    if (!running) await this.startRound(eventId, body.roundMinutes, body.rounds, Date.now());
    await this.bus.publish('autopilot.changed', { eventId });
  }

  async pause(eventId: string): Promise<void> {
    const a = await this.own(eventId);
    if (a.state !== 'running') throw new ApiError(409, 'not_running', 'The autopilot is not running');
    const pausedLeftMs = a.nextRoundAt === null ? null : Math.max(0, a.nextRoundAt - Date.now());
    await this.repository.moveAutopilot({ eventId, state: 'running' }, { state: 'paused', nextRoundAt: null, pausedLeftMs });
    await this.bus.publish('autopilot.changed', { eventId });
  }

  async resume(eventId: string): Promise<void> {
    const a = await this.own(eventId);
    if (a.state !== 'paused') throw new ApiError(409, 'not_paused', 'The autopilot is not paused');
    const running = await this.repository.running(eventId);
    const nextRoundAt = running ? null : Date.now() + (a.pausedLeftMs ?? 0);
    await this.repository.moveAutopilot({ eventId, state: 'paused' }, { state: 'running', nextRoundAt, pausedLeftMs: null });
    await this.bus.publish('autopilot.changed', { eventId });
  }

  async stop(eventId: string): Promise<void> {
    await this.repository.dropAutopilot(eventId);
    await this.bus.publish('autopilot.changed', { eventId });
  }

  /** After a round ends: the next one starts after the break, if rounds are left. */
  async roundEnded(eventId: string, endedAt: number): Promise<void> {
    const a = await this.repository.autopilot(eventId);
    if (!a) return;
    if (a.roundsLeft <= 0) {
      await this.repository.dropAutopilot(eventId);
    } else if (a.state === 'running') {
      await this.repository.moveAutopilot({ eventId, state: 'running' }, { nextRoundAt: endedAt + a.breakMinutes * MINUTE });
    } else {
      await this.repository.moveAutopilot({ eventId, state: 'paused' }, { pausedLeftMs: a.breakMinutes * MINUTE });
    }
  }

  /** Starts the due round; the conditional write makes sure one node or timer does it, once. */
  async tick(eventId: string, now: number): Promise<void> {
    const a = await this.repository.autopilot(eventId);
    if (a?.state !== 'running' || a.nextRoundAt === null || a.nextRoundAt > now || a.roundsLeft <= 0) return;
    const claimed = await this.repository.moveAutopilot(
      { eventId, state: 'running', nextRoundAt: a.nextRoundAt },
      { nextRoundAt: null, roundsLeft: a.roundsLeft - 1 },
    );
    if (claimed) await this.startRound(eventId, a.roundMinutes, a.roundsLeft, now);
  }

  /** A claimed round: started, or given back (with its count) to be tried again later. */
  private async startRound(eventId: string, minutes: number, roundsLeft: number, now: number): Promise<void> {
    try {
      await this.rounds.start(eventId, minutes);
    } catch (error) {
      this.log.warn(`autopilot could not start a round for ${eventId}: ${(error as Error).message}`);
      await this.repository.moveAutopilot({ eventId, state: 'running', nextRoundAt: null }, { nextRoundAt: now + RETRY_MS, roundsLeft });
      await this.bus.publish('autopilot.changed', { eventId });
    }
  }

  private async own(eventId: string): Promise<Autopilot> {
    const a = await this.repository.autopilot(eventId);
    if (!a) throw new ApiError(409, 'not_running', 'The autopilot is off', { params: { variant: 'off' } });
    return a;
  }
}
