/** How evenly a plan spreads givers over askers: every ask met once before anyone meets a second giver. */
import type { Pair, Person } from './types';

export interface AskSpread {
  /** Asks (person x topic) somebody else in the room gives: the asks the room allows to meet. */
  asks: number;
  /** Of those, asks met by a groupmate who gives the topic at least once (history counted). */
  met: number;
  /**
   * Meetings of an ask with a giver beyond its first (in a later round than the first) while another
   * ask of the same topic is never met: each is a giver the spread rule would have sent elsewhere.
   */
  seconds: number;
}

const norm = (s: string) => s.trim().toLowerCase();

/** The spread of gives over asks in `rounds` (groups of ids), after `history`. */
export function askSpread(people: Person[], rounds: string[][][], history: Pair[] = []): AskSpread {
  const gives = new Map(people.map((p) => [p.id, new Set((p.gives ?? []).map(norm))]));
  const asksOf = (id: string, by: Iterable<string>) => {
    const out: string[] = [];
    for (const p of people) if (p.id === id) for (const t of new Set((p.asks ?? []).map(norm))) if (t) out.push(t);
    return out.filter((t) => [...by].some((g) => g !== id && gives.get(g)!.has(t)));
  };
  const everyone = people.map((p) => p.id);
  // times[id][topic]: rounds in which the ask met a giver, history counting as one
  const times = new Map<string, Map<string, number>>();
  for (const p of people) times.set(p.id, new Map(asksOf(p.id, everyone).map((t) => [t, 0])));
  for (const [a, b] of history)
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const mine = times.get(x);
      if (!mine || !gives.has(y)) continue;
      for (const t of mine.keys()) if (gives.get(y)!.has(t)) mine.set(t, 1);
    }
  for (const round of rounds)
    for (const g of round)
      for (const x of g) {
        const mine = times.get(x);
        if (!mine) continue;
        for (const t of mine.keys()) if (g.some((y) => y !== x && gives.get(y)?.has(t))) mine.set(t, mine.get(t)! + 1);
      }
  let asks = 0;
  let met = 0;
  const unmet = new Set<string>();
  for (const mine of times.values())
    for (const [t, k] of mine) {
      asks++;
      if (k > 0) met++;
      else unmet.add(t);
    }
  let seconds = 0;
  for (const mine of times.values()) for (const [t, k] of mine) if (unmet.has(t) && k > 1) seconds += k - 1;
  return { asks, met, seconds };
}
