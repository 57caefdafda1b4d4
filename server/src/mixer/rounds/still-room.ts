import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '../../outbox/domain-event-bus';
import { RoundsService } from './rounds.service';

/** How long the room must stay as it is (nobody coming, going or dropping) before its next rounds are planned. */
export const STILL_MS = 2000;

/**
 * Plans a room's next rounds once it has been still for STILL_MS: in the lobby, so the first start
 * finds its groups planned like every later one, and after people came or went between rounds.
 * A start in a room that changed since plans that round alone, as it always did.
 */
@Injectable()
export class StillRoom implements OnModuleInit, OnModuleDestroy {
  private readonly waiting = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly bus: DomainEventBus,
    private readonly rounds: RoundsService,
  ) {}

  onModuleInit(): void {
    this.bus.on('presence.counted', ({ eventId }) => this.moved(eventId));
  }

  private moved(eventId: string): void {
    if (this.closed) return;
    clearTimeout(this.waiting.get(eventId));
    const timer = setTimeout(() => {
      this.waiting.delete(eventId);
      this.rounds.planNext(eventId);
    }, STILL_MS);
    timer.unref();
    this.waiting.set(eventId, timer);
  }

  onModuleDestroy(): void {
    this.closed = true;
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }
}
