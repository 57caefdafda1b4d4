import { Injectable } from '@nestjs/common';
import type { Pair } from '../mixer/engine/types';
import { RoundsRepository } from '../mixer/rounds/rounds.repository';
import { SeriesRepository } from './series.repository';

/**
 * Who of this event met at an earlier event of its series: attendee rows linked to the same series
 * person (by token or by email) stand for one person, so meetings of earlier events between two people
 * present now become pairs of their attendee ids here. Nobody who did not choose to be remembered is linked.
 */
@Injectable()
export class SeriesPairs {
  constructor(
    private readonly series: SeriesRepository,
    private readonly rounds: RoundsRepository,
  ) {}

  async ofEvent(eventId: string): Promise<{ returning: number; pairs: Pair[] }> {
    const series = await this.series.seriesOfEvent(eventId);
    if (!series) return { returning: 0, pairs: [] };
    const here = await this.series.linksIn([eventId]);
    if (!here.length) return { returning: 0, pairs: [] };
    const others = await this.series.otherEvents(series.id, eventId);
    const earlier = await this.series.linksIn(others);
    const attendeeHere = new Map(here.map((l) => [l.personId, l.attendeeId]));
    const personOf = new Map(earlier.map((l) => [l.attendeeId, l.personId]));
    const returning = new Set(earlier.filter((l) => attendeeHere.has(l.personId)).map((l) => l.personId)).size;
    const found = new Map<string, Pair>();
    for (const other of others) {
      for (const [a, b] of await this.rounds.history(other)) {
        const x = attendeeHere.get(personOf.get(a) ?? '');
        const y = attendeeHere.get(personOf.get(b) ?? '');
        if (!x || !y || x === y) continue;
        const pair: Pair = x < y ? [x, y] : [y, x];
        found.set(`${pair[0]}|${pair[1]}`, pair);
      }
    }
    return { returning, pairs: [...found.values()] };
  }
}
