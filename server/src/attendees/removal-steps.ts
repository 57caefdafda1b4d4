import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a later module deletes when an attendee is removed, inside the removal's own transaction. */
export type RemovalStep = (tx: EntityManager, attendee: { id: string; eventId: string }) => Promise<void>;

/**
 * Removal must take a person's swaps and matches with it in one transaction, yet attendees may not
 * know the modules after it (connections). So those modules add their step here when they start,
 * and `AttendeesService.remove` runs every step with its transaction.
 */
@Injectable()
export class RemovalSteps {
  private readonly steps: RemovalStep[] = [];

  add(step: RemovalStep): void {
    this.steps.push(step);
  }

  async run(tx: EntityManager, attendee: { id: string; eventId: string }): Promise<void> {
    for (const step of this.steps) await step(tx, attendee);
  }
}
