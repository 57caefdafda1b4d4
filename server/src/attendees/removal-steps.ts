import { Injectable } from '@nestjs/common';

/** What a later module deletes when an attendee is removed; it runs inside the removal's transaction. */
export type RemovalStep = (attendee: { id: string; eventId: string }) => Promise<void>;

/**
 * Removal must take a person's swaps and matches with it in one transaction, yet attendees may not
 * know the modules after it (connections). So those modules add their step here when they start,
 * and `AttendeesService.remove` runs every step inside its transaction (repositories join it).
 */
@Injectable()
export class RemovalSteps {
  private readonly steps: RemovalStep[] = [];

  add(step: RemovalStep): void {
    this.steps.push(step);
  }

  async run(attendee: { id: string; eventId: string }): Promise<void> {
    for (const step of this.steps) await step(attendee);
  }
}
