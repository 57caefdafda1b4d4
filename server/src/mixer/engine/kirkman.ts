/**
 * Resolvable designs with the translations of Z_m as automorphisms, on people (x, i), x in Z_m,
 * i in 0..s-1 (person i*m + x), in groups of s: Kirkman triple systems KTS(3m) for odd m, nearly
 * Kirkman ones NKTS(3m) for even m (everyone misses one partner, (x, i) and (x + m/2, i)), and the
 * same for groups of 4 or 5 where the counts allow it (32 people in groups of 4 for 10 rounds, 45 in
 * groups of 5 for 11).
 *
 * A base round (m groups covering everyone) gives m rounds by adding t = 0..m-1 to x; each base
 * transversal group {(0,0), (b1,1), ..., (b_{s-1},s-1)} gives one more round (its m translates).
 * Nobody meets twice when the base groups hold every pure difference (same i, y - x = ±d, d < m/2)
 * and every mixed one (i < j, y - x = δ) exactly once. Found by a seeded depth-first search on a
 * node budget (no clock), and stored (kirkman-bases.ts) where the search is slow.
 */
import { Rng } from './rng';

type Design = number[][][];

export interface KirkmanBase {
  m: number;
  /** The base round: m groups of people x + m*i. */
  round: number[][];
  /** The transversal base groups. */
  transversals: number[][];
}

/** The rounds developed from base groups. */
export function developKirkman(b: KirkmanBase): Design {
  const m = b.m;
  const move = (p: number, t: number) => Math.floor(p / m) * m + (((p % m) + t) % m);
  const rounds: Design = [];
  for (let t = 0; t < m; t++) rounds.push(b.round.map((blk) => blk.map((p) => move(p, t))));
  for (const blk of b.transversals) rounds.push(Array.from({ length: m }, (_, t) => blk.map((p) => move(p, t))));
  return rounds;
}

/** Rounds of this structure for m*s people in groups of s, when the counts allow it: m + transversals. */
export function cyclicRounds(m: number, s: number): number {
  const half = Math.floor((m - 1) / 2);
  const pairs = (s * (s - 1)) / 2;
  return m >= 3 && s >= 3 && (s * half) % pairs === 0 ? m + (s * half) / pairs : 0;
}

export function kirkmanTriples(m: number, seed = 1, budget = 2_000_000): Design | null {
  const b = kirkmanBase(m, seed, budget);
  return b ? developKirkman(b) : null;
}

/** Seeded search for the base groups (see above); null when the budget runs out or the counts do not fit. */
export function kirkmanBase(m: number, seed = 1, budget = 2_000_000, s = 3): KirkmanBase | null {
  const rounds = cyclicRounds(m, s);
  if (!rounds) return null;
  const half = Math.floor((m - 1) / 2);
  const tCount = rounds - m;
  const n = s * m;
  const id = (x: number, i: number) => i * m + x;
  const mod = (a: number) => ((a % m) + m) % m;
  const pureUsed = new Uint8Array(s * (half + 1)); // [i][d], d in 1..half
  const typeIndex = new Int32Array(s * s); // (i, j), i < j -> mixed type
  let types = 0;
  for (let i = 0; i < s; i++) for (let j = i + 1; j < s; j++) typeIndex[i * s + j] = types++;
  const mixedUsed = new Uint8Array(types * m);
  const covered = new Uint8Array(n);
  const rng = new Rng(seed);
  let nodes = 0;
  let limit = budget;

  /** Marks the differences of pair (p, q) as used (on = 1) or free (on = 0); with check, false if taken. */
  const mark = (p: number, q: number, on: number, check: boolean): boolean => {
    let xi = p % m;
    let ii = Math.floor(p / m);
    let xj = q % m;
    let ij = Math.floor(q / m);
    if (ii > ij) [xi, ii, xj, ij] = [xj, ij, xi, ii];
    let k: number;
    let used: Uint8Array;
    if (ii === ij) {
      const raw = mod(xj - xi);
      const d = raw <= half ? raw : m - raw;
      if (d === 0 || d > half) return !check;
      k = ii * (half + 1) + d;
      used = pureUsed;
    } else {
      k = typeIndex[ii * s + ij] * m + mod(xj - xi);
      used = mixedUsed;
    }
    if (check && used[k]) return false;
    used[k] = on;
    return true;
  };
  /** Adds p to the group: marks its pairs with the members; false (nothing marked) if one is taken. */
  const join = (group: number[], p: number): boolean => {
    for (let x = 0; x < group.length; x++) {
      if (!mark(group[x], p, 1, true)) {
        for (let y = 0; y < x; y++) mark(group[y], p, 0, false);
        return false;
      }
    }
    return true;
  };
  const leave = (group: number[], p: number) => {
    for (const q of group) mark(q, p, 0, false);
  };

  const base: number[][] = [];
  const transversals: number[][] = [];
  let order: number[] = [];

  /** Transversal base groups from the mixed differences the base round left (an exact cover). */
  const finishTransversals = (): boolean => {
    if (transversals.length === tCount) return true;
    if (++nodes > limit) return false;
    // the smallest unused (0,1) difference must be in the next group
    let b = 0;
    while (b < m && mixedUsed[b]) b++;
    if (b === m) return false;
    const group = [id(0, 0)];
    if (!join(group, id(b, 1))) return false;
    group.push(id(b, 1));
    const extend = (i: number): boolean => {
      if (i === s) {
        transversals.push(group.slice());
        if (finishTransversals()) return true;
        transversals.pop();
        return false;
      }
      for (let c = 0; c < m; c++) {
        const p = id(c, i);
        if (!join(group, p)) continue;
        group.push(p);
        if (extend(i + 1)) return true;
        group.pop();
        leave(group, p);
        if (nodes > limit) return false;
      }
      return false;
    };
    if (extend(2)) return true;
    leave([id(0, 0)], id(b, 1));
    return false;
  };

  const fill = (): boolean => {
    if (++nodes > limit) return false;
    let a = -1;
    for (const p of order)
      if (!covered[p]) {
        a = p;
        break;
      }
    if (a < 0) return finishTransversals();
    covered[a] = 1;
    const group = [a];
    const grow = (from: number): boolean => {
      if (group.length === s) {
        base.push(group.slice());
        if (fill()) return true;
        base.pop();
        return false;
      }
      for (let q = from; q < order.length; q++) {
        const p = order[q];
        if (covered[p] || !join(group, p)) continue;
        covered[p] = 1;
        group.push(p);
        if (grow(q + 1)) return true;
        group.pop();
        covered[p] = 0;
        leave(group, p);
        if (nodes > limit) return false;
      }
      return false;
    };
    if (grow(0)) return true;
    covered[a] = 0;
    return false;
  };

  const restarts = 64;
  const perTry = Math.max(1000, Math.floor(budget / restarts));
  for (let attempt = 0; attempt < restarts && attempt * perTry < budget; attempt++) {
    pureUsed.fill(0);
    mixedUsed.fill(0);
    covered.fill(0);
    base.length = 0;
    transversals.length = 0;
    order = rng.shuffle(Array.from({ length: n }, (_, p) => p));
    nodes = 0;
    limit = perTry;
    if (fill()) return { m, round: base.map((g) => g.slice()), transversals: transversals.map((g) => g.slice()) };
  }
  return null;
}
