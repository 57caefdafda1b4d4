import { Injectable } from '@nestjs/common';
import type { Pair } from '../engine/types';
import { AvoidList } from './avoid-list';
import { KnownPairs } from './known-pairs';
import { RoundsRepository } from './rounds.repository';

/** What the engine weighs about a room besides its people and settings. */
export interface Seating {
  /** This event's meetings, one entry per meeting, oldest first. */
  history: Pair[];
  /** Pairs never to group. */
  avoid: Pair[];
  /** Pairs who met at an earlier event of the series (weighed below this event's repeats and colleagues). */
  known: Pair[];
}

/**
 * The one builder of the engine's input for every seating path: a round planned alone, a booked plan,
 * planning ahead, a late joiner and a repaired group all read the room here.
 */
@Injectable()
export class SeatingInput {
  constructor(
    private readonly rounds: RoundsRepository,
    private readonly avoid: AvoidList,
    private readonly known: KnownPairs,
  ) {}

  /** The whole room. */
  async ofRoom(eventId: string): Promise<Seating> {
    const [history, pairs] = await Promise.all([this.rounds.history(eventId), this.pairs(eventId)]);
    return { history, ...pairs };
  }

  /** The room's pairs to keep apart (avoid) or to weigh (known), without its meetings: what a staged round's start checks. */
  async pairs(eventId: string): Promise<Omit<Seating, 'history'>> {
    const [avoid, known] = await Promise.all([this.avoid.pairs(eventId), this.known.pairs(eventId)]);
    return { avoid, known };
  }

  /** What concerns one person being seated into a running round. */
  async ofPerson(eventId: string, attendeeId: string): Promise<Seating> {
    const mine = ([a, b]: Pair) => a === attendeeId || b === attendeeId;
    const [history, avoid, known] = await Promise.all([
      this.rounds.historyOf(eventId, attendeeId),
      this.avoid.pairs(eventId),
      this.known.pairs(eventId),
    ]);
    return { history, avoid: avoid.filter(mine), known: known.filter(mine) };
  }
}
