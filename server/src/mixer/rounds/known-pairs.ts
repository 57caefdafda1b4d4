import { Injectable } from '@nestjs/common';
import type { Pair } from '../engine/types';

/** Where pairs known from elsewhere come from: people of this event (by attendee id) who met before. */
export type KnownSource = (eventId: string) => Promise<Pair[]>;

/**
 * Pairs who met at an earlier event of the event's series, among people who chose to be remembered.
 * The series module (after rounds) adds its source here when it starts; without it nobody is known.
 */
@Injectable()
export class KnownPairs {
  private readonly sources: KnownSource[] = [];

  add(source: KnownSource): void {
    this.sources.push(source);
  }

  async pairs(eventId: string): Promise<Pair[]> {
    const all = await Promise.all(this.sources.map((source) => source(eventId)));
    return all.flat();
  }
}
