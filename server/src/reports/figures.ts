import type { ReportAttendance, ReportInterest, ReportRound, ReportTotals } from '@mingle/shared';
import { companyKey } from '../mixer/engine/model';
import { pairKey, type Evening } from './evening';

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : 0);
const round2 = (x: number) => Math.round(x * 100) / 100;
const normInterest = (s: string) => s.trim().toLowerCase();

export interface Figures {
  attendance: ReportAttendance;
  totals: ReportTotals;
  rounds: ReportRound[];
  interests: ReportInterest[];
}

/**
 * The evening's figures, in one pass over its rows (no query per round or person): attendance,
 * each round's repeat and colleague pairs, shared interests, swaps asked and matches, and the match
 * rate per interest. `now` closes a round that still runs.
 */
export function figuresOf(evening: Evening, now: number): Figures {
  const people = new Map(evening.people.map((p) => [p.id, p]));
  const interestsOf = new Map(evening.people.map((p) => [p.id, new Set(p.interests.map(normInterest).filter(Boolean))]));
  const companyOf = new Map(evening.people.map((p) => [p.id, companyKey(p.company ?? '')]));
  const matched = new Set(evening.matches.map((m) => pairKey(m.a, m.b)));
  const rounds = [...evening.rounds].sort((x, y) => x.number - y.number);

  // Which rounds each pair met in, oldest first, for repeats and for placing each ask in a round.
  const roundsOfPair = new Map<string, number[]>();
  for (const m of [...evening.meetings].sort((x, y) => x.roundNumber - y.roundNumber)) {
    const key = pairKey(m.a, m.b);
    const list = roundsOfPair.get(key);
    if (list) {
      if (list.at(-1) !== m.roundNumber) list.push(m.roundNumber);
    } else roundsOfPair.set(key, [m.roundNumber]);
  }

  const startOf = new Map(rounds.map((r) => [r.number, r.startedAt]));
  const asksIn = new Map<number, number>();
  for (const ask of evening.asks) {
    const met = roundsOfPair.get(pairKey(ask.a, ask.b));
    if (!met) continue;
    // The latest round of theirs that had started when they asked (the first, if the clocks disagree).
    const at = [...met].reverse().find((n) => (startOf.get(n) ?? 0) <= ask.at) ?? met[0]!;
    asksIn.set(at, (asksIn.get(at) ?? 0) + 1);
  }

  const seatsIn = new Map<string, Set<string>>();
  for (const s of evening.seats) {
    const set = seatsIn.get(s.roundId) ?? new Set<string>();
    set.add(s.attendeeId);
    seatsIn.set(s.roundId, set);
  }
  const groupsIn = new Map<string, number>();
  for (const g of evening.groups) groupsIn.set(g.roundId, (groupsIn.get(g.roundId) ?? 0) + 1);

  interface Tally {
    meetings: number;
    repeats: number;
    colleagues: number;
    shared: number;
    matches: number;
  }
  const tallies = new Map<number, Tally>(rounds.map((r) => [r.number, { meetings: 0, repeats: 0, colleagues: 0, shared: 0, matches: 0 }]));
  for (const m of evening.meetings) {
    const t = tallies.get(m.roundNumber);
    if (!t) continue;
    const key = pairKey(m.a, m.b);
    t.meetings++;
    if (roundsOfPair.get(key)![0]! < m.roundNumber) t.repeats++;
    const ca = companyOf.get(m.a);
    if (ca && ca === companyOf.get(m.b)) t.colleagues++;
    t.shared += sharedCount(interestsOf.get(m.a), interestsOf.get(m.b));
    if (matched.has(key)) t.matches++;
  }

  const reportRounds: ReportRound[] = rounds.map((r) => {
    const t = tallies.get(r.number)!;
    return {
      number: r.number,
      startedAt: new Date(r.startedAt).toISOString(),
      endedAt: r.endedAt === null ? null : new Date(r.endedAt).toISOString(),
      minutes: Math.round(((r.endedAt ?? now) - r.startedAt) / 6000) / 10,
      present: seatsIn.get(r.id)?.size ?? 0,
      groups: groupsIn.get(r.id) ?? 0,
      meetings: t.meetings,
      repeatPairs: t.repeats,
      colleaguePairs: t.colleagues,
      meanSharedInterests: t.meetings ? round2(t.shared / t.meetings) : 0,
      swapsAsked: asksIn.get(r.number) ?? 0,
      matches: t.matches,
      matchRate: rate(t.matches, t.meetings),
      ...(r.help && { help: r.help }),
    };
  });
  const helped = rounds.filter((r) => r.help).map((r) => r.help!);

  const pairsMet = roundsOfPair.size;
  const matchesMet = [...roundsOfPair.keys()].filter((k) => matched.has(k)).length;
  const count = (status: string) => evening.people.filter((p) => p.status === status).length;

  return {
    attendance: {
      joined: evening.people.length,
      connected: evening.people.filter((p) => p.connectedAt !== null).length,
      removed: count('removed'),
      left: count('left'),
      erased: count('erased'),
    },
    totals: {
      rounds: rounds.length,
      meetings: evening.meetings.length,
      pairsMet,
      swapsAsked: evening.asks.length,
      matches: evening.matches.length,
      matchRate: rate(matchesMet, pairsMet),
      // asks met so far is already cumulative: the last round's figure is the evening's
      ...(helped.length > 0 && {
        help: { matches: helped.reduce((n, h) => n + h.matches, 0), asksMet: helped.at(-1)!.asksMet, asks: helped.at(-1)!.asks },
      }),
    },
    rounds: reportRounds,
    interests: interestFigures(evening, roundsOfPair, interestsOf, matched, people),
  };
}

function sharedCount(x: Set<string> | undefined, y: Set<string> | undefined): number {
  if (!x || !y) return 0;
  let n = 0;
  for (const i of x) if (y.has(i)) n++;
  return n;
}

/** Per interest: the distinct pairs who met and both chose it, and how many of them matched. */
function interestFigures(
  evening: Evening,
  roundsOfPair: Map<string, number[]>,
  interestsOf: Map<string, Set<string>>,
  matched: Set<string>,
  people: Map<string, Evening['people'][number]>,
): ReportInterest[] {
  // The organizer's spelling first, else the first spelling someone used.
  const spelling = new Map<string, string>();
  for (const i of evening.eventInterests) if (!spelling.has(normInterest(i))) spelling.set(normInterest(i), i.trim());
  for (const p of people.values()) for (const i of p.interests) if (!spelling.has(normInterest(i))) spelling.set(normInterest(i), i.trim());

  const tally = new Map<string, { pairs: number; matches: number }>();
  for (const key of roundsOfPair.keys()) {
    const [a, b] = key.split('|') as [string, string];
    const ia = interestsOf.get(a);
    const ib = interestsOf.get(b);
    if (!ia || !ib) continue;
    for (const i of ia) {
      if (!ib.has(i)) continue;
      const t = tally.get(i) ?? { pairs: 0, matches: 0 };
      t.pairs++;
      if (matched.has(key)) t.matches++;
      tally.set(i, t);
    }
  }
  return [...tally]
    .map(([i, t]) => ({ interest: spelling.get(i) ?? i, pairs: t.pairs, matches: t.matches, matchRate: rate(t.matches, t.pairs) }))
    .sort((x, y) => y.pairs - x.pairs || x.interest.localeCompare(y.interest));
}
