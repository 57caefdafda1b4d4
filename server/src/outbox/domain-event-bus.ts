import { Injectable, Logger } from '@nestjs/common';
import type { DomainEventName, DomainEvents } from './domain-events';

type Listener<N extends DomainEventName> = (payload: DomainEvents[N]) => void | Promise<void>;

/**
 * Domain events in process, after their commit: services publish what happened, the news mappers
 * listen. What must happen whatever becomes of this process is not a listener but an outbox handler.
 */
@Injectable()
export class DomainEventBus {
  private readonly listeners = new Map<DomainEventName, Array<Listener<DomainEventName>>>();
  private readonly log = new Logger('DomainEvents');

  on<N extends DomainEventName>(name: N, listener: Listener<N>): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener as Listener<DomainEventName>]);
  }

  /** Every listener hears it; one that fails is logged and never fails the write that was already committed. */
  async publish<N extends DomainEventName>(name: N, payload: DomainEvents[N]): Promise<void> {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        await listener(payload);
      } catch (error) {
        this.log.warn(`${name} listener failed: ${(error as Error).message}`);
      }
    }
  }
}
