/** Plan quality statistics. */
import { buildModel, helpMatch, isAvoid, Model, pairKey, pairsOf, popcount, sharedCount } from './model';
import type { ColleagueNote, HelpStats, Pair, Person, PlanStats } from './types';

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
  const note = m.separate && colleaguePairs > 0 && rounds.length > 0 ? colleagueNote(m, colleaguePairs, rounds[0].length) : undefined;
  return {
    repeatPairs,
    repeatFreeRounds,
    colleaguePairs,
    ...(note ? { colleagueNote: note } : {}),
    meanSharedInterests: pairs ? Math.round((shared / pairs) * 1000) / 1000 : 0,
    ...(m.useHelp ? { help: helpStats(m, rounds) } : {}),
    ms: Math.round(ms),
  };
}

/** Help matches of the rounds, and the asks met at least once (history and the rounds counted). */
export function helpStats(m: Model, rounds: number[][][]): HelpStats {
  const w = m.hWords;
  const open = m.open.slice();
  let matches = 0;
  for (const round of rounds)
    for (const g of round)
      for (let x = 0; x < g.length; x++)
        for (let y = x + 1; y < g.length; y++) {
          const i = g[x];
          const j = g[y];
          if (!helpMatch(m, i, j)) continue;
          matches++;
          for (let k = 0; k < w; k++) {
            open[i * w + k] &= ~m.gives[j * w + k];
            open[j * w + k] &= ~m.gives[i * w + k];
          }
        }
  let asks = 0;
  let stillOpen = 0;
  for (let q = 0; q < m.asks.length; q++) {
    asks += popcount(m.asks[q]);
    stillOpen += popcount(open[q]);
  }
  return { matches, asksMet: asks - stillOpen, asks };
}

/**
 * Why colleagues share groups, when a company has more people than there are groups:
 * "2 colleague pairs: SunGrid has 5 people for 4 groups", as data the console words. Undefined when no company is too large.
 */
export function colleagueNote(m: Model, colleaguePairs: number, groups: number): ColleagueNote | undefined {
  const counts = new Map<number, number>();
  for (let i = 0; i < m.n; i++) if (m.company[i] >= 0) counts.set(m.company[i], (counts.get(m.company[i]) ?? 0) + 1);
  const large = [...counts].filter(([, c]) => c > groups).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  if (!large.length) return undefined;
  return {
    pairs: colleaguePairs,
    groups,
    companies: large.slice(0, 3).map(([id, people]) => ({ name: m.companyNames[id], people })),
    more: Math.max(0, large.length - 3),
  };
}

/** Unavoidable colleague pairs in one round of `groups` groups: each company spread as evenly as it goes. */
export function minColleaguePairs(m: Model, groups: number): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < m.n; i++) if (m.company[i] >= 0) counts.set(m.company[i], (counts.get(m.company[i]) ?? 0) + 1);
  let pairs = 0;
  for (const c of counts.values()) {
    const q = Math.floor(c / groups);
    const r = c % groups;
    pairs += (r * ((q + 1) * q)) / 2 + ((groups - r) * (q * (q - 1))) / 2;
  }
  return pairs;
}

/**
 * Stats of a plan given by ids (rounds of groups). History: one pair per earlier meeting.
 * With `separateColleagues` the stats say why colleagues share a group (colleagueNote).
 */
export function planStats(people: Person[], rounds: string[][][], history: Pair[] = [], ms = 0, separateColleagues = false): PlanStats {
  const m = buildModel(people, { groupSize: 2, separateColleagues }, history);
  // every ask counts, also where nobody present gives it (the model leaves the help term idle then)
  if (!m.useHelp && people.some((p) => p.asks?.length)) m.useHelp = true;
  const idx = rounds.map((r) => r.map((g) => g.map((id) => m.index.get(id)!)));
  return indexStats(m, idx, ms);
}

/** Each round's stats as if it were planned alone after `history` and the rounds before it. */
export function statsOfEachRound(people: Person[], rounds: string[][][], history: Pair[], separateColleagues = false): PlanStats[] {
  const before = [...history];
  return rounds.map((groups) => {
    const stats = planStats(people, [groups], before, 0, separateColleagues);
    before.push(...pairsOf(groups));
    return stats;
  });
}

/** Number of avoid pairs placed in the same group. */
export function avoidViolations(m: Model, groups: number[][]): number {
  let v = 0;
  for (const g of groups) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) if (isAvoid(m, g[x], g[y])) v++;
  return v;
}
