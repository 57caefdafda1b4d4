/** Plan quality statistics. */
import { buildModel, isAvoid, Model, pairKey, sharedCount } from './model';
import type { Pair, Person, PlanStats } from './types';

/** Stats of rounds given as person indices of the model. */
export function indexStats(m: Model, rounds: number[][][], ms = 0): PlanStats {
  const seen = new Map<number, number>();
  let repeatPairs = 0;
  let repeatFreeRounds = 0;
  let leading = true;
  let colleaguePairs = 0;
  let pairs = 0;
  let shared = 0;
  for (const round of rounds) {
    let roundRepeats = 0;
    for (const g of round) {
      for (let x = 0; x < g.length; x++) {
        for (let y = x + 1; y < g.length; y++) {
          const i = g[x];
          const j = g[y];
          const key = pairKey(m.n, i, j);
          const before = m.pairs.count(key) + (seen.get(key) ?? 0);
          if (before > 0) roundRepeats++;
          seen.set(key, (seen.get(key) ?? 0) + 1);
          if (m.company[i] >= 0 && m.company[i] === m.company[j]) colleaguePairs++;
          pairs++;
          shared += sharedCount(m, i, j);
        }
      }
    }
    repeatPairs += roundRepeats;
    if (leading && roundRepeats === 0) repeatFreeRounds++;
    else leading = false;
  }
  return {
    repeatPairs,
    repeatFreeRounds,
    colleaguePairs,
    meanSharedInterests: pairs ? Math.round((shared / pairs) * 1000) / 1000 : 0,
    ms: Math.round(ms),
  };
}

/** Stats of a plan given by ids (rounds of groups). History: one pair per earlier meeting. */
export function planStats(people: Person[], rounds: string[][][], history: Pair[] = [], ms = 0): PlanStats {
  const m = buildModel(people, { groupSize: 2 }, history);
  const idx = rounds.map((r) => r.map((g) => g.map((id) => m.index.get(id)!)));
  return indexStats(m, idx, ms);
}

/** Number of avoid pairs placed in the same group. */
export function avoidViolations(m: Model, groups: number[][]): number {
  let v = 0;
  for (const g of groups)
    for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) if (isAvoid(m, g[x], g[y])) v++;
  return v;
}
