/**
 * Exact one-round search for small rooms: every grouping into the given sizes is scored by the rules
 * in their order (see Weights in model.ts) and the first best one is kept. For 12 people that is at
 * most a few hundred thousand groupings (15,400 for 4 x 3, 5,775 for 3 x 4), a few milliseconds.
 */
import { EXTRA_CAP, helpValue, Model, pairKey, recencyUnits, sharedCount } from './model';

/** Rooms up to this many people are grouped exactly. */
export const EXACT_LIMIT = 12;

/** The rule tiers of a grouping, in order (lower is better in every tier). */
export interface RuleTiers {
  avoid: number;
  repeat: number;
  colleague: number;
  /** Earlier meetings beyond the first of repeated pairs (each capped). */
  extra: number;
  /** Pairs who met at an earlier event of the series. */
  known: number;
  /** -shared interests ('similar'), +shared ('diverse'), 0 without interests; minus the help value (gives meeting asks). */
  interest: number;
  /** How recently repeated pairs met, in whole steps. */
  recency: number;
}

const SHARED_CAP = 100;
/** Of SHARED_CAP, what the help term may take (HELP_MAX in model.ts is smaller). */
const HELP_ROOM = 16;
const MAX_PAIRS = 66; // 12 people in one group
// Units chosen so that every lower tier's total range stays below one unit of the tier above it.
const U_REC = 1;
const U_INT = U_REC * (MAX_PAIRS * 15 + 1);
const U_KNOWN = U_INT * (2 * MAX_PAIRS * SHARED_CAP + 1);
const U_EXTRA = U_KNOWN * (MAX_PAIRS + 1);
const U_COL = U_EXTRA * (MAX_PAIRS * EXTRA_CAP + 1);
const U_REP = U_COL * (MAX_PAIRS + 1);
const U_AV = U_REP * (MAX_PAIRS + 1);

/** The tiers of one pair meeting (i, j), given the model's history, avoid pairs, companies and mode. */
export function pairTiers(m: Model, i: number, j: number): RuleTiers {
  const key = pairKey(m.n, i, j);
  const prior = m.pairs.count(key);
  const sign = !m.useInterests ? 0 : m.mode === 'similar' ? -1 : 1;
  return {
    avoid: m.avoidKeys.has(key) ? 1 : 0,
    repeat: prior > 0 ? 1 : 0,
    colleague: m.separate && m.company[i] >= 0 && m.company[i] === m.company[j] ? 1 : 0,
    extra: prior > 0 ? Math.min(EXTRA_CAP, prior - 1) : 0,
    known: m.knownKeys.size > 0 && m.knownKeys.has(key) ? 1 : 0,
    interest: sign * Math.min(SHARED_CAP - HELP_ROOM, sharedCount(m, i, j)) - helpValue(m, i, j),
    recency: prior > 0 ? recencyUnits(m.pairs.rec(key)) : 0,
  };
}

/** The tiers of a grouping (people as model indices). */
export function groupingTiers(m: Model, groups: number[][]): RuleTiers {
  const t = noTiers();
  for (const g of groups) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) addTiers(t, pairTiers(m, g[x], g[y]));
  return t;
}

export function noTiers(): RuleTiers {
  return { avoid: 0, repeat: 0, colleague: 0, extra: 0, known: 0, interest: 0, recency: 0 };
}

/** Adds the tiers of p to t. */
export function addTiers(t: RuleTiers, p: RuleTiers): void {
  t.avoid += p.avoid;
  t.repeat += p.repeat;
  t.colleague += p.colleague;
  t.extra += p.extra;
  t.known += p.known;
  t.interest += p.interest;
  t.recency += p.recency;
}

/** Negative when a is better than b in rule order, 0 when equal. */
export function compareTiers(a: RuleTiers, b: RuleTiers): number {
  return (
    a.avoid - b.avoid ||
    a.repeat - b.repeat ||
    a.colleague - b.colleague ||
    a.extra - b.extra ||
    a.known - b.known ||
    a.interest - b.interest ||
    a.recency - b.recency
  );
}

function pairValue(t: RuleTiers): number {
  return (
    t.avoid * U_AV + t.repeat * U_REP + t.colleague * U_COL + t.extra * U_EXTRA + t.known * U_KNOWN + t.interest * U_INT + t.recency * U_REC
  );
}

/**
 * Every grouping of the model's people into groups of `sizes` (any order); returns the best in rule
 * order (the first found among equals: deterministic) and how many groupings were scored.
 */
export function exactRound(m: Model, sizes: number[]): { groups: number[][]; visited: number } {
  const n = m.n;
  if (n > EXACT_LIMIT) throw new Error(`exact search is for at most ${EXACT_LIMIT} people`);
  if (sizes.reduce((a, b) => a + b, 0) !== n) throw new Error('group sizes do not add up to the people present');
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) cost[i * n + j] = cost[j * n + i] = pairValue(pairTiers(m, i, j));

  const distinct = [...new Set(sizes)].sort((a, b) => b - a);
  const left = new Map<number, number>();
  for (const s of sizes) left.set(s, (left.get(s) ?? 0) + 1);
  const used = new Uint8Array(n);
  const current: number[][] = [];
  let best: number[][] = [];
  let bestCost = Infinity;
  let visited = 0;

  const recurse = (acc: number) => {
    let p = 0;
    while (p < n && used[p]) p++;
    if (p === n) {
      visited++;
      if (acc < bestCost) {
        bestCost = acc;
        best = current.map((g) => g.slice());
      }
      return;
    }
    used[p] = 1;
    for (const size of distinct) {
      const count = left.get(size)!;
      if (count === 0) continue;
      left.set(size, count - 1);
      const group = [p];
      // choose size-1 further members among the unused people after p
      const pick = (from: number, groupCost: number) => {
        if (group.length === size) {
          current.push(group.slice());
          recurse(acc + groupCost);
          current.pop();
          return;
        }
        for (let q = from; q < n; q++) {
          if (used[q]) continue;
          let add = 0;
          for (const x of group) add += cost[x * n + q];
          used[q] = 1;
          group.push(q);
          pick(q + 1, groupCost + add);
          group.pop();
          used[q] = 0;
        }
      };
      pick(p + 1, 0);
      left.set(size, count);
    }
    used[p] = 0;
  };
  recurse(0);
  // larger groups first, as the other solvers lay them out
  const groups = best.slice().sort((a, b) => b.length - a.length);
  return { groups, visited };
}
