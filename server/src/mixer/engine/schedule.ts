/** planSchedule: plan several rounds ahead together. */
import { bestDesign, ROTATIONAL_NODES } from './designs';
import { Golfer, GolferProblem, SpreadTerm } from './golfer';
import { compareTiers, EXACT_LIMIT, exactRound, groupingTiers } from './exact';
import {
  buildModel,
  HELP,
  HELP_MAX,
  helpMeetingValue,
  idsOf,
  isAvoid,
  meetHelp,
  Model,
  pairsOf,
  refreshWanted,
  repeatCost,
  sharedCount,
  W,
} from './model';
import { Rng } from './rng';
import { RoundSolver } from './round-solver';
import { groupSizes, sizesForK } from './sizes';
import { avoidViolations, indexStats } from './stats';
import type { EngineSettings, Pair, Person, ScheduleResult } from './types';

export interface PlanScheduleInput {
  people: Person[];
  settings: EngineSettings;
  rounds: number;
  history?: Pair[];
  avoid?: Pair[];
  /** Pairs who met at an earlier event of the series (a tier below colleagues). */
  known?: Pair[];
}

export const DEFAULT_SCHEDULE_TIME_MS = 10000;
/**
 * Search steps (swap evaluations) per millisecond of the time limit when the settings give no step
 * budget: the budget then follows from the settings alone (same seed, same schedule on any machine),
 * set low enough that this machine ends by steps well before the time limit, which stays a safety cap.
 */
export const STEPS_PER_MS = 100;
/** The design searches get one node per STEPS_PER_NODE steps (a node costs the time of several steps), at most ROTATIONAL_NODES. */
const STEPS_PER_NODE = 10;

/** The step budget for these settings. */
export function searchStepsFor(settings: EngineSettings): number {
  return settings.searchSteps ?? (settings.timeLimitMs ?? DEFAULT_SCHEDULE_TIME_MS) * STEPS_PER_MS;
}
/** Above this many people rounds are planned one after another (n*n matrices would be too large). */
export const MATRIX_LIMIT = 1000;

export function planSchedule(input: PlanScheduleInput): ScheduleResult {
  const t0 = Date.now();
  const { people, settings } = input;
  const R = Math.max(0, Math.floor(input.rounds));
  const m = buildModel(people, settings, input.history ?? [], input.avoid ?? [], input.known ?? []);
  const deadline = t0 + (settings.timeLimitMs ?? DEFAULT_SCHEDULE_TIME_MS);
  const sizes = groupSizes(m.n, settings.groupSize);
  const rng = new Rng(settings.seed ?? 1);
  const fail = (reason: string): ScheduleResult => ({ rounds: [], reason, stats: indexStats(m, [], Date.now() - t0) });
  if (sizes.length === 0) return fail(m.n === 0 ? 'nobody is present' : 'fewer than 2 people present: nobody can be grouped');
  if (R === 0) return { rounds: [], stats: indexStats(m, [], Date.now() - t0) };

  let rounds: number[][][];
  if (m.n > MATRIX_LIMIT) {
    // separate model: planned meetings are added to its pair table as the rounds are built
    const work = buildModel(people, settings, input.history ?? [], input.avoid ?? [], input.known ?? []);
    rounds = sequential(work, sizes, R, rng, deadline);
  } else {
    rounds = search(m, sizes, R, rng, deadline, searchStepsFor(settings));
  }
  rounds = reorder(
    m.n,
    (key) => m.pairs.count(key),
    rounds,
    (key) => m.knownKeys.has(key),
  );
  if (rounds.some((groups) => groups.some((g) => hasAvoid(m, g)))) {
    const fixed = fixAvoid(people, settings, input, m, rounds, deadline);
    if (!fixed) return fail('no grouping keeps all avoid pairs apart');
    rounds = fixed;
  }
  if (m.n <= EXACT_LIMIT) rounds = polishSmall(people, settings, input, m, rounds);
  return {
    rounds: rounds.map((groups) => idsOf(m, groups)),
    stats: indexStats(m, rounds, Date.now() - t0),
  };
}

function hasAvoid(m: Model, g: number[]): boolean {
  if (m.avoidCount === 0) return false;
  for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) if (isAvoid(m, g[x], g[y])) return true;
  return false;
}

/** Large events: plan round after round, each seeing the earlier planned rounds as history. */
function sequential(m: Model, sizes: number[], R: number, rng: Rng, deadline: number): number[][][] {
  const rounds: number[][][] = [];
  for (let r = 0; r < R; r++) {
    const now = Date.now();
    const share = Math.max(20, (deadline - now) / (R - r));
    const solver = new RoundSolver(m, sizes, rng);
    const groups = solver.solve({ sizes, rng, deadline: now + share });
    rounds.push(groups);
    const rec = 1;
    for (const g of groups)
      for (let x = 0; x < g.length; x++)
        for (let y = x + 1; y < g.length; y++) {
          const i = Math.min(g[x], g[y]);
          const j = Math.max(g[x], g[y]);
          addPlannedMeeting(m, i, j, rec);
          // asks met in a planned round count as met for the later ones, as live rounds count them
          if (m.useHelp) meetHelp(m, i, j);
        }
    if (m.useHelp) refreshWanted(m);
  }
  return rounds;
}

function addPlannedMeeting(m: Model, i: number, j: number, rec: number): void {
  const key = i * m.n + j;
  const oldCost = m.pairs.cost(key);
  m.pairs.addMeeting(key, rec);
  const cost = (m.avoidKeys.has(key) ? m.w.AVOID : 0) + repeatCost(m.w, m.pairs.count(key), rec) + (m.knownKeys.has(key) ? m.w.KNOWN : 0);
  m.pairs.addCost(key, cost - oldCost);
  const hi = Math.imul(i, 0x9e3779b1) >>> 24;
  const hj = Math.imul(j, 0x9e3779b1) >>> 24;
  m.sig[i * 8 + (hj >>> 5)] |= 1 << (hj & 31);
  m.sig[j * 8 + (hi >>> 5)] |= 1 << (hi & 31);
}

export function golferProblem(m: Model, sizes: number[], R: number): GolferProblem {
  const n = m.n;
  const hist = new Uint16Array(n * n);
  const rec = new Float32Array(n * n);
  const avoid = new Uint8Array(n * n);
  m.pairs.forEach((key, count, r) => {
    const i = Math.floor(key / n);
    const j = key - i * n;
    for (const k of [i * n + j, j * n + i]) {
      hist[k] = count;
      rec[k] = r;
      avoid[k] = m.avoidKeys.has(key) ? 1 : 0;
    }
  });
  const bare = softCosts(m, sizes, false);
  const help = m.useHelp ? softCosts(m, sizes, true) : null;
  return {
    n,
    rounds: R,
    sizes,
    hist,
    rec,
    avoid,
    lin: bare.lin,
    groupTerm: null,
    help: help ? { lin: help.lin, spread: spreadTerm(m, help.perShared) } : null,
  };
}

/** Colleague + interest (+ help) cost per meeting of each pair. */
function softCosts(m: Model, sizes: number[], withHelp: boolean): { lin: Float64Array; perShared: number } {
  const n = m.n;
  const lin = new Float64Array(n * n);
  // soft tier: a colleague pair outweighs any interest change of one swap (see Weights in model.ts)
  const sign = !m.useInterests ? 0 : m.mode === 'similar' ? -1 : 1;
  let maxShared = 1;
  for (let i = 0; i < n; i++) maxShared = Math.max(maxShared, m.pTagStart[i + 1] - m.pTagStart[i]);
  const span = 4 * Math.max(1, 2 * Math.max(...sizes) - 1);
  // pairs known from the series sit below colleagues (a swap changes at most span pairs), and above interests
  const known = m.knownKeys.size > 0 ? W.COLLEAGUE / (span + 1) : 0;
  // help (gives meeting asks) sits beside interests, so the colleague (and known) tier still outweighs both
  const perShared = (known || W.COLLEAGUE) / (span * (maxShared + (withHelp ? HELP_MAX : 0)) + 1);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let c = 0;
      if (m.separate && m.company[i] >= 0 && m.company[i] === m.company[j]) c += W.COLLEAGUE;
      if (known && m.knownKeys.has(i * n + j)) c += known;
      if (sign !== 0) c += sign * perShared * sharedCount(m, i, j);
      if (withHelp) c -= perShared * helpMeetingValue(m, i, j);
      lin[i * n + j] = lin[j * n + i] = c;
    }
  return { lin, perShared };
}

/** The problem with its help terms in the soft cost (the problem itself when nobody's gives meet asks). */
export function withHelp(p: GolferProblem): GolferProblem {
  return p.help ? { ...p, lin: p.help.lin, spread: p.help.spread } : p;
}

/**
 * Gives and asks refine the plan the same search makes without them: hill climbing in tier order from
 * it, so the rules (avoid, repeats, colleagues) stay at least as good as without help.
 */
function polishHelp(p: GolferProblem, rounds: number[][][], rng: Rng, deadline: number): number[][][] {
  if (!p.help) return rounds;
  const n = p.n;
  const { lin, spread } = p.help;
  // only moves of people whose costs help changes can gain: givers and askers
  const focus = new Uint8Array(n);
  for (let x = 0; x < n; x++) {
    if (spread.askStart[x + 1] > spread.askStart[x]) focus[x] = 1;
    for (let j = 0; j < n && !focus[x]; j++) if (lin[x * n + j] !== p.lin[x * n + j]) focus[x] = 1;
  }
  const g = new Golfer(withHelp(p), rng);
  g.load(rounds);
  g.setFull(true);
  g.polish(deadline, focus);
  return g.rounds();
}

/** Asks counted at full value per asker; an asker with more open asks has each count ASKS_COUNTED / asks of it. */
const ASKS_COUNTED = 3;
/** Extra value of an ask first met in the plan's first round, falling to 0 in its last (the plan is used from the front). */
const EARLY = 6;

/**
 * Spread: every open ask (not met in history) that somebody else gives is worth OPEN - MET once, in
 * the first round where its asker meets a giver of it, plus up to EARLY the earlier that round is
 * (later rounds only add the meeting's MET in `lin`). So over the schedule an ask meets one giver
 * before anyone meets a second, and early, as live rounds planned one after another do.
 *
 * Tier bound: a swap in one round changes only the askers of its two groups (at most 2s people, s the
 * largest group), each by at most (OPEN - MET + EARLY) x ASKS_COUNTED = 27; the meeting values change
 * by at most CROWD + 2 x MET + BOTH = 9 on each of the at most 2 x (s - 1) pairs replaced. Together
 * at most 72s - 18 < span x HELP_MAX = 4 x (2s - 1) x 15 (s >= 2), the room the weights give help in
 * golferProblem: colleagues (and above them repeats, avoid) still come first.
 */
function spreadTerm(m: Model, perShared: number): SpreadTerm {
  const n = m.n;
  const words = m.hWords;
  const gives = new Uint32Array(n * words);
  for (let q = 0; q < n * words; q++) gives[q] = m.gives[q] & m.wanted[q % words];
  const askStart = new Int32Array(n + 1);
  const topics: number[] = [];
  const costs: number[] = [];
  const early: number[] = [];
  for (let x = 0; x < n; x++) {
    const mine: number[] = [];
    for (let k = 0; k < words; k++)
      for (let bits = m.open[x * words + k]; bits !== 0; bits &= bits - 1) {
        const t = k * 32 + (31 - Math.clz32(bits & -bits));
        const s = m.giverStart[t];
        const e = m.giverStart[t + 1];
        // somebody else gives it
        if (e - s > 1 || (e - s === 1 && m.givers[s] !== x)) mine.push(t);
      }
    const share = Math.min(1, ASKS_COUNTED / Math.max(1, mine.length));
    for (const t of mine) {
      topics.push(t);
      costs.push(-perShared * (HELP.OPEN - HELP.MET) * share);
      early.push(-perShared * EARLY * share);
    }
    askStart[x + 1] = topics.length;
  }
  return {
    words,
    gives,
    askStart,
    askTopic: Int32Array.from(topics),
    askCost: Float64Array.from(costs),
    askEarly: Float64Array.from(early),
  };
}

/** Lower bound on repeat meetings for R rounds. */
function minRepeats(p: GolferProblem): number {
  const n = p.n;
  const pairsPerRound = p.sizes.reduce((s, g) => s + (g * (g - 1)) / 2, 0);
  const smin = Math.min(...p.sizes);
  let used = 0;
  let perPlayer = 0;
  for (let i = 0; i < n; i++) {
    let blocked = 0;
    for (let j = 0; j < n; j++) if (j !== i && (p.hist[i * n + j] > 0 || p.avoid[i * n + j])) blocked++;
    used += blocked;
    perPlayer += Math.max(0, p.rounds * (smin - 1) - (n - 1 - blocked));
  }
  const fresh = (n * (n - 1)) / 2 - used / 2;
  return Math.max(0, p.rounds * pairsPerRound - fresh, Math.ceil(perPlayer / 2));
}

/** Copy of the problem planning `rounds` rounds. */
function withRounds(p: GolferProblem, rounds: number): GolferProblem {
  return { ...p, rounds };
}

/** Copy of the problem with `planned` rounds added to the history (as the latest meetings), planning `rounds` rounds. */
function withPlanned(p: GolferProblem, planned: number[][][], rounds: number): GolferProblem {
  const n = p.n;
  const hist = p.hist.slice();
  const rec = p.rec.slice();
  for (const groups of planned)
    for (const g of groups)
      for (let x = 0; x < g.length; x++)
        for (let y = x + 1; y < g.length; y++)
          for (const k of [g[x] * n + g[y], g[y] * n + g[x]]) {
            hist[k]++;
            rec[k] = 1;
          }
  return { ...p, hist, rec, rounds };
}

/** Largest k ≤ R for which the counting bound allows k rounds without any repeat (0 if none). */
function repeatFreeBound(p: GolferProblem, R: number): number {
  let k = R;
  while (k > 0 && minRepeats(withRounds(p, k)) > 0) k--;
  return k;
}

/**
 * Plans R rounds. The plan is consumed from the front, so the leading rounds come first: as many
 * repeat-free rounds as possible (history counted), then the remaining rounds with as few repeats as
 * possible given history and the leading rounds. When the search cannot make all the rounds the
 * counting bound allows repeat-free, the rounds it made keep as many of them as stay repeat-free
 * together (a search that spreads its repeats over many rounds would otherwise lead with few).
 */
function search(m: Model, sizes: number[], R: number, rng: Rng, deadline: number, steps: number): number[][][] {
  const p = golferProblem(m, sizes, R);
  return polishHelp(p, searchRules(p, R, rng, deadline, steps), rng, deadline);
}

/** The search without help terms (see search). */
function searchRules(p: GolferProblem, R: number, rng: Rng, deadline: number, steps: number): number[][][] {
  const free = repeatFreeBound(p, R);
  if (free === 0) return solveBlock(p, rng, deadline, steps);
  const found = solveBlock(withRounds(p, free), rng, deadline, free >= R ? steps : Math.round(steps * 0.6));
  let lead = repeatFreeRounds(p, found);
  if (lead.length === R) return lead;
  lead = growLead(p, lead, free, rng, deadline, Math.round(steps * 0.3));
  const rest = solveBlock(withPlanned(p, lead, R - lead.length), rng, deadline, Math.round(steps * 0.4));
  return [...lead, ...rest];
}

/** Adds repeat-free rounds to `lead` one at a time (each search starts from the lead and one greedy round) while the budget lasts. */
function growLead(p: GolferProblem, lead: number[][][], most: number, rng: Rng, deadline: number, steps: number): number[][][] {
  let left = steps;
  while (lead.length < most && left > 0) {
    const q = withRounds(p, lead.length + 1);
    const g = new Golfer(q, rng);
    g.load(greedyRounds(q, lead, q.rounds, rng));
    const solved = g.searchHard(deadline, 0, left);
    left -= g.steps;
    if (!solved) break;
    g.setFull(true);
    g.polish(deadline);
    lead = g.rounds();
  }
  return lead;
}

/** The rounds left after dropping, one at a time, the round with the most repeat meetings (history and the other rounds counted) until none repeats. */
function repeatFreeRounds(p: GolferProblem, rounds: number[][][]): number[][][] {
  const n = p.n;
  const left = rounds.slice();
  const meet = new Uint16Array(n * n);
  const count = (groups: number[][], by: number) => {
    for (const g of groups) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) meet[g[x] * n + g[y]] += by;
  };
  const repeats = (groups: number[][]) => {
    let c = 0;
    for (const g of groups)
      for (let x = 0; x < g.length; x++)
        for (let y = x + 1; y < g.length; y++) {
          const k = g[x] * n + g[y];
          if (p.hist[k] > 0 || meet[k] + meet[g[y] * n + g[x]] > 1) c++;
        }
    return c;
  };
  left.forEach((groups) => count(groups, 1));
  for (;;) {
    const counts = left.map(repeats);
    const most = Math.max(0, ...counts);
    if (most === 0) return left;
    const worst = counts.indexOf(most);
    count(left[worst], -1);
    left.splice(worst, 1);
  }
}

/** Number of leading rounds without a repeat (history of p counted). */
function repeatFreePrefix(p: GolferProblem, rounds: number[][][]): number {
  const n = p.n;
  const seen = new Uint8Array(n * n);
  for (let r = 0; r < rounds.length; r++) {
    for (const g of rounds[r])
      for (let x = 0; x < g.length; x++)
        for (let y = x + 1; y < g.length; y++) {
          const k = g[x] * n + g[y];
          if (p.hist[k] > 0 || seen[k]) return r;
        }
    for (const g of rounds[r])
      for (let x = 0; x < g.length; x++)
        for (let y = x + 1; y < g.length; y++) {
          seen[g[x] * n + g[y]] = 1;
          seen[g[y] * n + g[x]] = 1;
        }
  }
  return rounds.length;
}

/** Multi-round search for p.rounds rounds (history and avoid pairs in p), result reordered (repeat-free first). */
function solveBlock(p: GolferProblem, rng: Rng, deadline: number, steps: number): number[][][] {
  const R = p.rounds;
  const sizes = p.sizes;
  const prior = (key: number) => p.hist[key];
  const g = new Golfer(p, rng);
  const equal = sizes.every((s) => s === sizes[0]);
  const nodes = Math.min(ROTATIONAL_NODES, Math.floor(steps / STEPS_PER_NODE));
  const design = equal ? bestDesign(p.n, sizes[0], R, nodes, deadline) : null;
  const init: number[][][] = design ? fitDesign(design, p).slice(0, R) : [];
  const start = greedyRounds(p, init, R, rng);
  g.load(start);
  const target = minRepeats(p);
  if (design && g.repeats + g.avoids > target) {
    // designs are repeat-free among themselves: relabel people onto design positions to dodge history
    g.setFull(false);
    g.polish(deadline);
  }
  const solved = g.searchHard(deadline, target, steps);
  g.setFull(true);
  g.polish(deadline);
  const found = reorder(p.n, prior, g.rounds());
  if (solved || !design) return found;
  // A design prefix may beat a search that spread the unavoidable repeats: keep the longer repeat-free prefix.
  const designFirst = reorder(p.n, prior, start);
  return repeatFreePrefix(p, designFirst) > repeatFreePrefix(p, found) ? designFirst : found;
}

/**
 * Relabels a design (positions -> people) so that history meetings are not regrouped where this is
 * easy to see: if the earlier meetings form disjoint cliques (e.g. exactly one earlier round, people who
 * arrived later alone) that fit into the groups of one parallel class, that class takes them and goes
 * last, the other classes then repeat nothing. Otherwise the design is returned unchanged (the search
 * handles history).
 */
export function fitDesign(design: number[][][], p: GolferProblem): number[][][] {
  const n = p.n;
  if (!design.length) return design;
  let any = false;
  for (let k = 0; k < n * n && !any; k++) if (p.hist[k] > 0) any = true;
  if (!any) return design;
  // components of the history graph
  const comp = new Int32Array(n).fill(-1);
  const comps: number[][] = [];
  for (let s = 0; s < n; s++) {
    if (comp[s] >= 0) continue;
    const c: number[] = [s];
    comp[s] = comps.length;
    for (let h = 0; h < c.length; h++)
      for (let j = 0; j < n; j++)
        if (comp[j] < 0 && p.hist[c[h] * n + j] > 0) {
          comp[j] = comps.length;
          c.push(j);
        }
    comps.push(c);
  }
  const cls = design[design.length - 1];
  const cap = cls[0].length;
  for (const c of comps) {
    if (c.length > cap) return design;
    for (let x = 0; x < c.length; x++) for (let y = x + 1; y < c.length; y++) if (p.hist[c[x] * n + c[y]] === 0) return design;
  }
  // first-fit decreasing into the groups of the class
  const bins: number[][] = cls.map(() => []);
  for (const c of comps.slice().sort((a, b) => b.length - a.length)) {
    const bin = bins.find((b, i) => b.length + c.length <= cls[i].length);
    if (!bin) return design;
    bin.push(...c);
  }
  const person = new Int32Array(n);
  cls.forEach((grp, i) => grp.forEach((pos, x) => (person[pos] = bins[i][x])));
  const mapped = design.map((round) => round.map((grp) => grp.map((pos) => person[pos])));
  return mapped;
}

/** Completes `init` to R rounds greedily (cheapest partner among candidates by hard + soft pair cost). */
function greedyRounds(p: GolferProblem, init: number[][][], R: number, rng: Rng): number[][][] {
  const n = p.n;
  const meet = new Uint16Array(n * n);
  const rounds = init.map((r) => r.map((g) => g.slice()));
  const record = (groups: number[][]) => {
    for (const g of groups)
      for (let x = 0; x < g.length; x++)
        for (let y = x + 1; y < g.length; y++) {
          meet[g[x] * n + g[y]]++;
          meet[g[y] * n + g[x]]++;
        }
  };
  rounds.forEach(record);
  const pairCost = (a: number, b: number) => {
    const k = a * n + b;
    const prior = p.hist[k] + meet[k];
    return (p.avoid[k] ? W.AVOID : 0) + (prior > 0 ? W.REPEAT * prior : 0) + p.lin[k];
  };
  while (rounds.length < R) {
    const pool = rng.shuffle(Array.from({ length: n }, (_, i) => i));
    const groups: number[][] = [];
    for (const size of p.sizes) {
      const grp = [pool.pop()!];
      while (grp.length < size) {
        let best = -1;
        let bestC = Infinity;
        const tries = Math.min(pool.length, 64);
        for (let t = 0; t < tries; t++) {
          const idx = pool.length <= 64 ? t : rng.int(pool.length);
          let c = 0;
          for (const x of grp) c += pairCost(pool[idx], x);
          if (c < bestC) {
            bestC = c;
            best = idx;
          }
        }
        grp.push(pool[best]);
        pool[best] = pool[pool.length - 1];
        pool.pop();
      }
      groups.push(grp);
    }
    record(groups);
    rounds.push(groups);
  }
  return rounds;
}

/**
 * Puts mutually repeat-free rounds first so the repeat-free prefix is as long as possible (prior: history
 * count of a pair key); among rounds with as many repeats, the one meeting fewer pairs known from the series.
 */
function reorder(
  n: number,
  prior: (key: number) => number,
  rounds: number[][][],
  known: (key: number) => boolean = () => false,
): number[][][] {
  const seen = new Set<number>();
  const out: number[][][] = [];
  const left = rounds.slice();
  const costOf = (groups: number[][]): [number, number] => {
    let c = 0;
    let k = 0;
    for (const g of groups)
      for (let x = 0; x < g.length; x++)
        for (let y = x + 1; y < g.length; y++) {
          const key = Math.min(g[x], g[y]) * n + Math.max(g[x], g[y]);
          if (prior(key) > 0 || seen.has(key)) c++;
          else if (known(key)) k++;
        }
    return [c, k];
  };
  while (left.length) {
    let bi = 0;
    let bc: [number, number] = [Infinity, Infinity];
    left.forEach((r, i) => {
      const c = costOf(r);
      if (c[0] < bc[0] || (c[0] === bc[0] && c[1] < bc[1])) {
        bc = c;
        bi = i;
      }
    });
    const r = left.splice(bi, 1)[0];
    for (const g of r)
      for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) seen.add(Math.min(g[x], g[y]) * n + Math.max(g[x], g[y]));
    out.push(r);
  }
  return out;
}

/** Re-plans rounds that still group an avoid pair, allowing more (smaller) groups. Null if impossible. */
function fixAvoid(
  people: Person[],
  settings: EngineSettings,
  input: PlanScheduleInput,
  m: Model,
  rounds: number[][][],
  deadline: number,
): number[][][] | null {
  const out: number[][][] = [];
  for (const groups of rounds) {
    if (!groups.some((g) => hasAvoid(m, g))) {
      out.push(groups);
      continue;
    }
    const history: Pair[] = [...(input.history ?? []), ...out.flatMap((r) => pairsOf(idsOf(m, r)))];
    const rm = buildModel(people, settings, history, input.avoid ?? [], input.known ?? []);
    let found: number[][] | null = null;
    for (let k = groups.length; k <= Math.floor(m.n / 2) && !found; k++) {
      const rng = new Rng((settings.seed ?? 1) + k);
      const sizes = sizesForK(m.n, k);
      const cand = new RoundSolver(rm, sizes, rng).solve({ sizes, rng, deadline: Math.max(deadline, Date.now() + 200) });
      if (!cand.some((g) => hasAvoid(m, g))) found = cand;
    }
    if (!found) return null;
    out.push(found);
  }
  return out;
}

/**
 * Small rooms: each round becomes the best grouping in rule order against the history and the plan's
 * other rounds (exact search), as long as the plan keeps its repeat-free rounds and repeats no more.
 */
function polishSmall(people: Person[], settings: EngineSettings, input: PlanScheduleInput, m: Model, rounds: number[][][]): number[][][] {
  const out = rounds.map((r) => r.map((g) => g.slice()));
  for (let pass = 0; pass < 2; pass++) {
    let changed = false;
    for (let r = 0; r < out.length; r++) {
      const history = [...(input.history ?? []), ...out.flatMap((groups, q) => (q === r ? [] : pairsOf(idsOf(m, groups))))];
      const rm = buildModel(people, settings, history, input.avoid ?? [], input.known ?? []);
      const sizes = out[r].map((g) => g.length).sort((a, b) => b - a);
      const cand = exactRound(rm, sizes).groups;
      if (compareTiers(groupingTiers(rm, cand), groupingTiers(rm, out[r])) >= 0) continue;
      const before = indexStats(m, out);
      const next = out.slice();
      next[r] = cand;
      const after = indexStats(m, next);
      if (
        avoidViolations(m, cand) > avoidViolations(m, out[r]) ||
        after.repeatFreeRounds < before.repeatFreeRounds ||
        after.repeatPairs > before.repeatPairs
      )
        continue;
      out[r] = cand;
      changed = true;
    }
    if (!changed) break;
  }
  return out;
}
