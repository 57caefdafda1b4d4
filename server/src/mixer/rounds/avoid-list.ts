import { Injectable } from '@nestjs/common';
import type { Pair } from '../engine/types';

/** Where pairs never to group again come from, for one event. */
export type AvoidSource = (eventId: string) => Promise<Pair[]>;

/**
 * Pairs never to group again: anyone's private "we already know each other" or "don't group me with
 * them". Those live in modules after rounds (connections), so they add their source here when they start.
 */
@Injectable()
export class AvoidList {
  private readonly sources: AvoidSource[] = [];

  add(source: AvoidSource): void {
    this.sources.push(source);
  }

  async pairs(eventId: string): Promise<Pair[]> {
    const all = await Promise.all(this.sources.map((source) => source(eventId)));
    return all.flat();
  }
}
