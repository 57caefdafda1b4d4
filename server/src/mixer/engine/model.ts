/** Integer-indexed view of the input: interest bitsets, company ids, pair penalties. */
import { PairTable } from './pair-table';
import type { EngineSettings, Mode, Pair, Person } from './types';

/**
 * Weights of the schedule search (golfer.ts): avoid and repeat are its hard tier, colleague and
 * interests its soft tier (see golferProblem for how the soft tier keeps colleague first).
 */
export const W = {
  AVOID: 1e12,
  REPEAT: 1e6,
  /** Extra per earlier meeting of the same pair (fewer meetings preferred). */
  REPEAT_COUNT: 1e5,
  /** Extra for recency in [0,1] (longer ago preferred); below REPEAT_COUNT. */
  RECENCY: 9e4,
  COLLEAGUE: 1e3,
  INTEREST: 10,
} as const;

/**
 * The rules, in order: avoid pairs, repeat pairs, colleague pairs, then (refinements) the number of
 * earlier meetings of repeated pairs, then interests (shared interests per pair: the more the better in
 * 'similar' mode, the fewer in 'diverse' mode), then how recently repeated pairs met.
 *
 * The one-round cost is a weighted sum whose weights dominate for every swap of two people: a swap
 * changes at most `span` pairs, so a weight larger than span x the largest change of every lower tier
 * per pair means a swap is better exactly when its change of (avoid, repeat, colleague, ...) is
 * lexicographically smaller. Local search therefore never trades a higher rule for a lower one.
 * Small rooms (see exact.ts) compare the tiers as tuples.
 */
export interface Weights {
  AVOID: number;
  REPEAT: number;
  COLLEAGUE: number;
  /** Per earlier meeting beyond the first of a repeated pair (capped at EXTRA_CAP). */
  EXTRA: number;
  /** A pair who met at an earlier event of the series (below this event's repeats and colleagues). */
  KNOWN: number;
  /** Per shared interest of a pair. */
  INTEREST: number;
}
/** Recency of a repeated pair in whole units 0..RECENCY_STEPS (1 = met in the latest round). */
export const RECENCY_STEPS = 15;
export const EXTRA_CAP = 15;
const SHARED_CAP = 16;

/**
 * The help term, in shared-interest units (it sits in the interest tier, beside interests): a pair
 * where one gives what the other asks for and that ask was not met yet (OPEN) counts more than a
 * shared interest; an ask met earlier in the evening counts much less (MET), so every ask meets one
 * giver before anyone meets a second; a reciprocal pair gets BOTH on top.
 */
export const HELP = { OPEN: 4, MET: 1, BOTH: 2, CROWD: 5 } as const;
/**
 * The range of help values of one pair: two givers of a topic someone still asks for cost CROWD
 * together (more than one OPEN), so a group seats one giver with several askers rather than two
 * givers with two, and the asks are spread before anyone meets a second giver.
 */
export const HELP_MAX = 2 * HELP.OPEN + HELP.BOTH + HELP.CROWD;

export function weightsFor(groupSize: number, maxShared: number, maxExtra: number, maxHelp = 0, anyKnown = false): Weights {
  // a swap changes the pairs of two people in two groups; groups may reach about 2 x groupSize
  const span = 4 * Math.max(1, 2 * groupSize - 1);
  const INTEREST = span * RECENCY_STEPS + 1;
  const KNOWN = INTEREST * (span * (Math.min(SHARED_CAP, Math.max(1, maxShared)) + maxHelp) + 1);
  // without series pairs the known tier is empty and the weights are what they always were
  const EXTRA = anyKnown ? KNOWN * (span + 1) : KNOWN;
  const COLLEAGUE = EXTRA * (span * Math.min(EXTRA_CAP, Math.max(0, maxExtra)) + 1);
  const REPEAT = COLLEAGUE * (span + 1);
  const AVOID = REPEAT * (span + 1);
  return { AVOID, REPEAT, COLLEAGUE, EXTRA, KNOWN, INTEREST };
}

export function recencyUnits(rec: number): number {
  return Math.round(Math.max(0, Math.min(1, rec)) * RECENCY_STEPS);
}

/** Cost of one more meeting of a pair that already met `prior` times, the last at recency `rec` (1 = latest). */
export function repeatCost(w: Weights, prior: number, rec: number): number {
  return prior <= 0 ? 0 : w.REPEAT + w.EXTRA * Math.min(EXTRA_CAP, prior - 1) + recencyUnits(rec);
}

export function isAvoid(m: Model, i: number, j: number): boolean {
  return m.avoidCount > 0 && m.avoidKeys.has(pairKey(m.n, i, j));
}

export interface Model {
  n: number;
  ids: string[];
  index: Map<string, number>;
  mode: Mode;
  separate: boolean;
  /** Somebody has an interest: interest terms are active. */
  useInterests: boolean;
  words: number;
  /** n * words interest bitset. */
  bits: Uint32Array;
  numTags: number;
  /** person -> tags (CSR). */
  pTagStart: Int32Array;
  pTags: Int32Array;
  /** tag -> people (CSR). */
  tStart: Int32Array;
  tPeople: Int32Array;
  /** Company id per person, -1 = none. */
  company: Int32Array;
  /** Pair key -> history meeting count, last recency, and cost (avoid + repeat penalty) of meeting once more. */
  pairs: PairTable;
  /** Number of distinct avoid pairs among the people present, and their pair keys. */
  avoidCount: number;
  avoidKeys: Set<number>;
  /** Pair keys of pairs who met at an earlier event of the series (see Weights.KNOWN). */
  knownKeys: Set<number>;
  /** Tier weights of the one-round cost. */
  w: Weights;
  /** Company name as first written, per company id. */
  companyNames: string[];
  /** Per person 256-bit signature of the partners in `pairs` (fast negative lookups). */
  sig: Uint32Array;
  /** Somebody gives what somebody asks for: the help term is active. */
  useHelp: boolean;
  /** Words per person of the help bitsets. */
  hWords: number;
  /** n * hWords bitsets of help topics: what each gives, asks for, and asks not yet met in history. */
  gives: Uint32Array;
  asks: Uint32Array;
  open: Uint32Array;
  /** 1 for a person who gives some topic (a fast test: pairs of non-givers have no help value). */
  giver: Uint8Array;
  /** hWords bitset: topics somebody still asks for (the union of `open`). */
  wanted: Uint32Array;
  /** Help topic -> people who give it (CSR), for search moves that seat an asker with a giver. */
  giverStart: Int32Array;
  givers: Int32Array;
}

/** Bit (0..255) of person j in partner signatures. */
export function sigBit(j: number): number {
  return Math.imul(j, 0x9e3779b1) >>> 24;
}

/** Cost stored for the pair (avoid + repeat), 0 if none. */
export function pairCost(m: Model, i: number, j: number): number {
  const h = sigBit(j);
  if ((m.sig[i * 8 + (h >>> 5)] & (1 << (h & 31))) === 0) return 0;
  return m.pairs.cost(i < j ? i * m.n + j : j * m.n + i);
}

/** Groups of person indices as the people's ids. */
export function idsOf(m: Model, groups: number[][]): string[][] {
  return groups.map((g) => g.map((i) => m.ids[i]));
}

/** Every pair of people who share a group. */
export function pairsOf<T>(groups: T[][]): Array<[T, T]> {
  const pairs: Array<[T, T]> = [];
  for (const g of groups) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) pairs.push([g[x]!, g[y]!]);
  return pairs;
}

export function pairKey(n: number, i: number, j: number): number {
  return i < j ? i * n + j : j * n + i;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function sharedCount(m: Model, i: number, j: number): number {
  const w = m.words;
  const b = m.bits;
  let s = 0;
  for (let k = 0, a = i * w, c = j * w; k < w; k++) s += popcount(b[a + k] & b[c + k]);
  return s;
}

/** Help value of one direction: giver g meets asker a (HELP.OPEN, HELP.MET or 0). */
function helpWay(m: Model, g: number, a: number): number {
  let any = 0;
  let open = 0;
  for (let k = 0, x = g * m.hWords, y = a * m.hWords; k < m.hWords; k++) {
    const both = m.gives[x + k] & m.asks[y + k];
    any |= both;
    open |= both & m.open[y + k];
  }
  return open !== 0 ? HELP.OPEN : any !== 0 ? HELP.MET : 0;
}

/** Help value of a pair, 0..HELP_MAX: gives meeting asks both ways, a reciprocal pair most. */
export function helpValue(m: Model, i: number, j: number): number {
  // nobody gives anything: no way either side helps, no two givers crowd
  if (!m.useHelp || (m.giver[i] | m.giver[j]) === 0) return 0;
  const a = helpWay(m, i, j);
  const b = helpWay(m, j, i);
  let crowd = 0;
  for (let k = 0, x = i * m.hWords, y = j * m.hWords; k < m.hWords; k++) crowd |= m.gives[x + k] & m.gives[y + k] & m.wanted[k];
  return a + b + (a > 0 && b > 0 ? HELP.BOTH : 0) - (crowd !== 0 ? HELP.CROWD : 0);
}

/**
 * Help value of one meeting in a planned schedule, -CROWD..2 x MET + BOTH: every give meeting an ask
 * counts as an ask met before (MET), a reciprocal pair gets BOTH on top, two givers of a wanted topic
 * cost CROWD. The first meeting of an open ask adds OPEN - MET once per ask over the whole schedule
 * (see spreadTerm in schedule.ts), so the schedule counts what live rounds count one after another.
 */
export function helpMeetingValue(m: Model, i: number, j: number): number {
  if (!m.useHelp || (m.giver[i] | m.giver[j]) === 0) return 0;
  const a = helpWay(m, i, j) > 0 ? HELP.MET : 0;
  const b = helpWay(m, j, i) > 0 ? HELP.MET : 0;
  let crowd = 0;
  for (let k = 0, x = i * m.hWords, y = j * m.hWords; k < m.hWords; k++) crowd |= m.gives[x + k] & m.gives[y + k] & m.wanted[k];
  return a + b + (a > 0 && b > 0 ? HELP.BOTH : 0) - (crowd !== 0 ? HELP.CROWD : 0);
}

/** Recomputes the topics somebody still asks for (after asks were met). */
export function refreshWanted(m: Model): void {
  m.wanted.fill(0);
  for (let i = 0; i < m.n; i++) for (let k = 0; k < m.hWords; k++) m.wanted[k] |= m.open[i * m.hWords + k];
}

/** One person's gives meet another's asks on some topic (either way). */
export function helpMatch(m: Model, i: number, j: number): boolean {
  return m.useHelp && (helpWay(m, i, j) > 0 || helpWay(m, j, i) > 0);
}

/** Marks the asks of a and b that the other gives as met (a meeting happened). */
export function meetHelp(m: Model, a: number, b: number): void {
  const w = m.hWords;
  for (let k = 0; k < w; k++) {
    m.open[a * w + k] &= ~m.gives[b * w + k];
    m.open[b * w + k] &= ~m.gives[a * w + k];
  }
}

const norm = (s: string) => s.trim().toLowerCase();
/** Company names are the same company whatever their case and spacing ("Sun Grid", " sungrid"). */
export const companyKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Builds the model. Pairs naming people not present are ignored. Throws on duplicate ids. */
export function buildModel(
  people: Person[],
  settings: EngineSettings,
  history: Pair[] = [],
  avoid: Pair[] = [],
  known: Pair[] = [],
): Model {
  const n = people.length;
  const ids = people.map((p) => p.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new Error(`duplicate person id: ${id}`);
    index.set(id, i);
  });

  const tagIds = new Map<string, number>();
  const personTags: number[][] = people.map((p) => {
    const set = new Set<number>();
    for (const raw of p.interests ?? []) {
      const t = norm(String(raw));
      if (!t) continue;
      let id = tagIds.get(t);
      if (id === undefined) tagIds.set(t, (id = tagIds.size));
      set.add(id);
    }
    return [...set];
  });
  const numTags = tagIds.size;
  const words = Math.max(1, Math.ceil(numTags / 32));
  const bits = new Uint32Array(n * words);
  const pTagStart = new Int32Array(n + 1);
  const tCount = new Int32Array(numTags + 1);
  for (let i = 0; i < n; i++) {
    pTagStart[i + 1] = pTagStart[i] + personTags[i].length;
    for (const t of personTags[i]) {
      bits[i * words + (t >>> 5)] |= 1 << (t & 31);
      tCount[t]++;
    }
  }
  const pTags = new Int32Array(pTagStart[n]);
  const tStart = new Int32Array(numTags + 1);
  for (let t = 0; t < numTags; t++) tStart[t + 1] = tStart[t] + tCount[t];
  const tPeople = new Int32Array(tStart[numTags]);
  const fill = tStart.slice(0, numTags);
  for (let i = 0; i < n; i++) {
    let k = pTagStart[i];
    for (const t of personTags[i]) {
      pTags[k++] = t;
      tPeople[fill[t]++] = i;
    }
  }

  const companyIds = new Map<string, number>();
  const companyNames: string[] = [];
  const company = new Int32Array(n).fill(-1);
  people.forEach((p, i) => {
    const c = companyKey(p.company ?? '');
    if (!c) return;
    let id = companyIds.get(c);
    if (id === undefined) {
      companyIds.set(c, (id = companyIds.size));
      companyNames.push((p.company ?? '').trim().replace(/\s+/g, ' '));
    }
    company[i] = id;
  });

  if (n > 46340) throw new Error('too many people');
  const pairs = new PairTable(history.length + avoid.length + known.length);
  const h = history.length;
  for (let t = 0; t < h; t++) {
    const i = index.get(history[t][0]);
    const j = index.get(history[t][1]);
    if (i === undefined || j === undefined || i === j) continue;
    pairs.addMeeting(pairKey(n, i, j), (t + 1) / h);
  }
  let maxExtra = 0;
  pairs.forEach((_key, count) => (maxExtra = Math.max(maxExtra, count - 1)));
  let maxShared = 0;
  for (let i = 0; i < n; i++) maxShared = Math.max(maxShared, pTagStart[i + 1] - pTagStart[i]);
  const help = helpBits(people, n, index, history);
  const knownKeys = new Set<number>();
  for (const [a, b] of known) {
    const i = index.get(a);
    const j = index.get(b);
    if (i !== undefined && j !== undefined && i !== j) knownKeys.add(pairKey(n, i, j));
  }
  const w = weightsFor(settings.groupSize, maxShared, maxExtra, help.useHelp ? HELP_MAX : 0, knownKeys.size > 0);
  pairs.forEach((key, count, rec) => pairs.addCost(key, repeatCost(w, count, rec)));
  for (const key of knownKeys) pairs.addCost(key, w.KNOWN);
  let avoidCount = 0;
  const avoidKeys = new Set<number>();
  for (const [a, b] of avoid) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    const key = pairKey(n, i, j);
    if (avoidKeys.has(key)) continue;
    avoidKeys.add(key);
    pairs.addCost(key, w.AVOID);
    avoidCount++;
  }

  const sig = new Uint32Array(n * 8);
  pairs.forEach((key) => {
    const i = Math.floor(key / n);
    const j = key - i * n;
    const hj = sigBit(j);
    const hi = sigBit(i);
    sig[i * 8 + (hj >>> 5)] |= 1 << (hj & 31);
    sig[j * 8 + (hi >>> 5)] |= 1 << (hi & 31);
  });

  return {
    sig,
    n,
    ids,
    index,
    mode: settings.mode ?? 'similar',
    separate: !!settings.separateColleagues,
    useInterests: numTags > 0,
    words,
    bits,
    numTags,
    pTagStart,
    pTags,
    tStart,
    tPeople,
    company,
    pairs,
    avoidCount,
    avoidKeys,
    knownKeys,
    w,
    companyNames,
    ...help,
  };
}

type HelpBits = Pick<Model, 'useHelp' | 'hWords' | 'gives' | 'asks' | 'open' | 'wanted' | 'giver' | 'giverStart' | 'givers'>;

/** Gives and asks as bitsets over the topics named, and the asks history has not met yet. */
function helpBits(people: Person[], n: number, index: Map<string, number>, history: Pair[]): HelpBits {
  const topics = new Map<string, number>();
  const idsOf = (list: string[] | undefined) => {
    const out = new Set<number>();
    for (const raw of list ?? []) {
      const t = norm(String(raw));
      if (!t) continue;
      let id = topics.get(t);
      if (id === undefined) topics.set(t, (id = topics.size));
      out.add(id);
    }
    return [...out];
  };
  const giveIds = people.map((p) => idsOf(p.gives));
  const askIds = people.map((p) => idsOf(p.asks));
  const hWords = Math.max(1, Math.ceil(topics.size / 32));
  const gives = new Uint32Array(n * hWords);
  const asks = new Uint32Array(n * hWords);
  const giverCount = new Int32Array(topics.size + 1);
  for (let i = 0; i < n; i++) {
    for (const t of giveIds[i]) {
      gives[i * hWords + (t >>> 5)] |= 1 << (t & 31);
      giverCount[t]++;
    }
    for (const t of askIds[i]) asks[i * hWords + (t >>> 5)] |= 1 << (t & 31);
  }
  const giverStart = new Int32Array(topics.size + 1);
  for (let t = 0; t < topics.size; t++) giverStart[t + 1] = giverStart[t] + giverCount[t];
  const givers = new Int32Array(giverStart[topics.size]);
  const fill = giverStart.slice(0, topics.size);
  for (let i = 0; i < n; i++) for (const t of giveIds[i]) givers[fill[t]++] = i;
  // somebody must give what somebody else asks for, or the term is idle
  let useHelp = false;
  for (let i = 0; i < n && !useHelp; i++) for (const t of askIds[i]) if (giverCount[t] > (giveIds[i].includes(t) ? 1 : 0)) useHelp = true;
  const giver = new Uint8Array(n);
  for (let i = 0; i < n; i++) giver[i] = giveIds[i].length > 0 ? 1 : 0;
  const m = { useHelp, hWords, gives, asks, open: asks.slice(), wanted: new Uint32Array(hWords), giver, giverStart, givers } as HelpBits;
  if (!useHelp) return m;
  for (const [a, b] of history) {
    const i = index.get(a);
    const j = index.get(b);
    if (i !== undefined && j !== undefined && i !== j) meetHelp(m as Model, i, j);
  }
  for (let i = 0; i < n; i++) for (let k = 0; k < hWords; k++) m.wanted[k] |= m.open[i * hWords + k];
  return m;
}
