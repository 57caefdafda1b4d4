/**
 * Resolvable designs with Z_m as automorphisms on `orbits` copies of Z_m plus fixed people, built from
 * `bases` base rounds (each shifted by 0..m-1, so bases * m rounds). Person o*m + x is residue x of
 * orbit o; the fixed people come after them and never meet each other.
 * A pair's difference class: inside an orbit ±d (d = m/2 is never used: shifting it covers each pair
 * twice), across orbits o < o' the difference x' - x, a fixed person with an orbit. Nobody meets twice
 * when every class is used at most once; the classes in `unused` stay free (the pairs that never meet,
 * e.g. the missing partners of a nearly Kirkman system), and when the counts match every other class is
 * then used exactly once. When the rounds hold fewer pairs than there are classes, the search leaves
 * that many more classes unused (each one no group can take any more when its turn comes). The base
 * rounds are found by a seeded backtracking search on a node budget (restarts with a growing budget,
 * like rotational.ts); the deadline is only a safety cap.
 * Shapes that reach the best known number of rounds (see SHAPES): nearly Kirkman systems of 30 and 54
 * people (14 and 26 rounds), of 18 (8 rounds), 24 people in groups of 4 for 7 rounds and 30 in groups of
 * 5 for 6 (A107431), 50 in groups of 5 for 8, and 44 and 56 in groups of 4 for 12 and 16 rounds (base
 * rounds found by the local search of orbit-local.ts and stored; multiplier.ts reaches 14 and 18 for them,
 * the counting bound, with a multiplier on Z_14 x 3 + 2 and Z_18 x 3 + 2). Tried without success (4M nodes):
 * 32/4 on Z_10 x 3 + 2 and Z_5 x 6 + 2 (two base rounds), 36/4 on Z_11 x 3 + 3, 45/5 on Z_11 x 4 + 1
 * (32/4 and 36/4 are reached by twins.ts and turning.ts); with classes left unused by the search (1M
 * nodes): the counting bound of 40/5, 42/6, 44/4 (also 13 rounds), 48/4, 48/6, 50/5 (also 9 to 11),
 * 54/6, 55/5, 56/4 (also 15 to 17), 56/7, 60/5, 60/6 (also 7 to 10), 63/7, and 10 rounds of 45/5.
 */
import type { Design } from './designs';
import { Rng } from './rng';

export interface OrbitShape {
  m: number;
  orbits: number;
  fixed: number;
  /** Group size. */
  s: number;
  bases: number;
  /** Pairs of people whose classes stay unused. */
  unused: Array<[number, number]>;
  /** Base rounds found once by the search (where it needs more nodes than the planner spends), used as they are. */
  stored?: number[][][];
}

/** Shapes by "people/group size" (each found with seed 1 within 64,000 nodes). */
export const SHAPES: Record<string, OrbitShape> = {
  // NKTS(18): Z_4 x 4 + 2 fixed, (x,o)(x+2,o) never meet (the half difference); 8 rounds
  '18/3': { m: 4, orbits: 4, fixed: 2, s: 3, bases: 2, unused: [] },
  // NKTS(30): Z_7 x 4 + 2 fixed, (x,0)(x,1) and (x,2)(x,3) never meet; 14 rounds
  '30/3': {
    m: 7,
    orbits: 4,
    fixed: 2,
    s: 3,
    bases: 2,
    unused: [
      [0, 7],
      [14, 21],
    ],
  },
  // NKTS(54): Z_13 x 4 + 2 fixed; 26 rounds
  '54/3': {
    m: 13,
    orbits: 4,
    fixed: 2,
    s: 3,
    bases: 2,
    unused: [
      [0, 13],
      [26, 39],
    ],
  },
  // 24 in groups of 4, 7 rounds (3 MOLS of order 6 do not exist): Z_7 x 3 + 3 fixed, everyone misses
  // two people: (x,0)(x,1), (x,1)(x,2) and (x,0)(x,2) never meet, nor do the fixed three
  '24/4': {
    m: 7,
    orbits: 3,
    fixed: 3,
    s: 4,
    bases: 1,
    unused: [
      [0, 7],
      [7, 14],
      [0, 14],
    ],
  },
  // 30 in groups of 5, 6 rounds (the most possible, A107431 T(6,5)): Z_6 x 5, one base round;
  // 10 of the 70 classes stay unused
  '30/5': { m: 6, orbits: 5, fixed: 0, s: 5, bases: 1, unused: [] },
  // 50 in groups of 5, 8 rounds (RTD(5,10) would need 4 MOLS of order 10): Z_8 x 6 + 2 fixed, one base
  // round, 50 of the 150 classes unused; the search (seed 1) needs about 400,000 nodes, so it is stored
  '50/5': {
    m: 8,
    orbits: 6,
    fixed: 2,
    s: 5,
    bases: 1,
    unused: [],
    stored: [
      [
        [2, 3, 40, 24, 19],
        [0, 6, 13, 18, 42],
        [1, 4, 35, 37, 12],
        [5, 11, 30, 32, 14],
        [7, 9, 47, 48, 39],
        [8, 15, 25, 17, 23],
        [16, 21, 33, 28, 34],
        [26, 27, 29, 41, 38],
        [43, 46, 20, 36, 45],
        [10, 22, 31, 49, 44],
      ],
    ],
  },
  // 44 in groups of 4, 12 rounds (RTD(4,11) gives 11): Z_12 x 3 + 8 fixed, one base round found by
  // the local search (orbit-local.ts, seed 1, about 1.2M swap evaluations); 9 of the 75 classes unused
  '44/4': {
    m: 12,
    orbits: 3,
    fixed: 8,
    s: 4,
    bases: 1,
    unused: [],
    stored: [
      [
        [39, 31, 14, 8],
        [42, 0, 32, 23],
        [3, 6, 1, 34],
        [25, 26, 33, 15],
        [2, 40, 19, 27],
        [7, 16, 37, 29],
        [9, 24, 17, 36],
        [13, 22, 10, 20],
        [41, 5, 21, 35],
        [4, 30, 43, 18],
        [11, 12, 28, 38],
      ],
    ],
  },
  // 56 in groups of 4, 16 rounds (RTD(4,14) gives 14): Z_16 x 3 + 8 fixed, one base round found by
  // the local search (seed 3, about 2.8M swap evaluations; 15 rounds on Z_15 x 3 + 11 take 22,000)
  '56/4': {
    m: 16,
    orbits: 3,
    fixed: 8,
    s: 4,
    bases: 1,
    unused: [],
    stored: [
      [
        [55, 6, 39, 19],
        [34, 0, 24, 52],
        [8, 11, 12, 1],
        [5, 53, 47, 28],
        [50, 46, 7, 21],
        [33, 51, 18, 3],
        [20, 14, 16, 23],
        [10, 29, 31, 37],
        [48, 38, 25, 9],
        [26, 54, 40, 15],
        [49, 17, 13, 44],
        [45, 43, 27, 22],
        [30, 4, 42, 2],
        [32, 41, 35, 36],
      ],
    ],
  },
};

export function orbitShape(n: number, s: number): OrbitShape | null {
  return SHAPES[`${n}/${s}`] ?? null;
}

/** Rounds of a shape. */
export function orbitRounds(sh: OrbitShape): number {
  return sh.bases * sh.m;
}

/** The rounds developed from base rounds. */
export function developOrbits(sh: OrbitShape, bases: number[][][]): Design {
  const fin = sh.orbits * sh.m;
  const shift = (p: number, t: number) => (p >= fin ? p : Math.floor(p / sh.m) * sh.m + (((p % sh.m) + t) % sh.m));
  const rounds: Design = [];
  for (const base of bases) for (let t = 0; t < sh.m; t++) rounds.push(base.map((g) => g.map((p) => shift(p, t))));
  return rounds;
}

/** Searches the base rounds on a node budget; the developed rounds or null. */
export function orbitDesign(sh: OrbitShape, nodes: number, seed = 1, deadline = Date.now() + 60_000): Design | null {
  const bases = sh.stored ?? searchBases(sh, nodes, deadline, new Rng(seed));
  return bases ? developOrbits(sh, bases) : null;
}

function searchBases(sh: OrbitShape, total: number, deadline: number, rng: Rng): number[][][] | null {
  const { m, orbits, fixed, s, bases: B } = sh;
  const fin = orbits * m;
  const n = fin + fixed;
  if (n % s !== 0) return null;
  const k = n / s;
  const half = Math.floor((m - 1) / 2);
  const pureBase = 0;
  const mixedBase = orbits * half;
  const fixedBase = mixedBase + orbits * orbits * m;
  const classes = fixedBase + fixed * orbits;
  const classOf = (p: number, q: number): number => {
    if (p > q) [p, q] = [q, p];
    if (p >= fin) return -1;
    const op = Math.floor(p / m);
    if (q >= fin) return fixedBase + (q - fin) * orbits + op;
    const oq = Math.floor(q / m);
    const d = ((((q % m) - (p % m)) % m) + m) % m;
    if (op === oq) {
      const e = Math.min(d, m - d);
      return e === 0 || e > half ? -1 : pureBase + op * half + e - 1;
    }
    return mixedBase + (op * orbits + oq) * m + d;
  };
  const table = new Int32Array(n * n);
  for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) table[p * n + q] = p === q ? -1 : classOf(p, q);
  // realizations of each class: pairs p < q (flat lists)
  const start = new Int32Array(classes + 1);
  for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) if (table[p * n + q] >= 0) start[table[p * n + q] + 1]++;
  for (let c = 0; c < classes; c++) start[c + 1] += start[c];
  const pairA = new Int32Array(start[classes]);
  const pairB = new Int32Array(start[classes]);
  const cursor = start.slice(0, classes);
  for (let p = 0; p < n; p++)
    for (let q = p + 1; q < n; q++) {
      const c = table[p * n + q];
      if (c < 0) continue;
      pairA[cursor[c]] = p;
      pairB[cursor[c]++] = q;
    }
  const used = new Uint8Array(classes);
  const placed = new Uint8Array(B * n);
  const groups: Array<{ b: number; members: number[] }> = [];
  let order: number[] = [];
  let nodes = 0;
  let budget = 0;
  let stopped = false;
  // Classes that may stay unused besides sh.unused (when the rounds hold fewer pairs than there are classes).
  let realizable = 0;
  for (let c = 0; c < classes; c++) if (start[c] < start[c + 1]) realizable++;
  const slack = realizable - sh.unused.length - (B * k * s * (s - 1)) / 2;
  if (slack < 0) return null;
  let skipped = 0;

  const join = (grp: number[], p: number): boolean => {
    const marked: number[] = [];
    for (const o of grp) {
      const c = table[o * n + p];
      if (c < 0 || used[c]) {
        for (const x of marked) used[x] = 0;
        return false;
      }
      used[c] = 1;
      marked.push(c);
    }
    return true;
  };
  const leave = (grp: number[], p: number) => {
    for (const o of grp) used[table[o * n + p]] = 0;
  };

  const fill = (b: number, grp: number[], from: number): boolean => {
    if (grp.length === s) return next();
    if (++nodes > budget || stopped) return false;
    if ((nodes & 4095) === 0 && Date.now() > deadline) stopped = true;
    const row = b * n;
    for (let i = from; i < n; i++) {
      const p = order[i];
      if (placed[row + p] || !join(grp, p)) continue;
      placed[row + p] = 1;
      grp.push(p);
      if (fill(b, grp, i + 1)) return true;
      grp.pop();
      placed[row + p] = 0;
      leave(grp, p);
      if (nodes > budget || stopped) return false;
    }
    return false;
  };

  // The next group grows from the unused class with the fewest ways left to realize it.
  const next = (): boolean => {
    if (groups.length === B * k) return true;
    if (++nodes > budget || stopped) return false;
    let best = -1;
    let bestCount = Infinity;
    for (let c = 0; c < classes; c++) {
      if (used[c] || start[c] === start[c + 1]) continue;
      let count = 0;
      for (let i = start[c]; i < start[c + 1]; i++)
        for (let b = 0; b < B; b++) if (!placed[b * n + pairA[i]] && !placed[b * n + pairB[i]]) count++;
      if (count < bestCount) {
        bestCount = count;
        best = c;
        if (!count) break;
      }
    }
    if (best < 0) return false;
    if (bestCount === 0) {
      // a class no group can take any more: one of the slack ones, or a dead end
      if (skipped === slack) return false;
      used[best] = 1;
      skipped++;
      if (next()) return true;
      skipped--;
      used[best] = 0;
      return false;
    }
    const options: Array<[number, number, number]> = [];
    for (let i = start[best]; i < start[best + 1]; i++)
      for (let b = 0; b < B; b++) if (!placed[b * n + pairA[i]] && !placed[b * n + pairB[i]]) options.push([b, pairA[i], pairB[i]]);
    rng.shuffle(options);
    for (const [b, p, q] of options) {
      placed[b * n + p] = 1;
      placed[b * n + q] = 1;
      used[best] = 1;
      const grp = [p, q];
      groups.push({ b, members: grp });
      if (fill(b, grp, 0)) return true;
      groups.pop();
      used[best] = 0;
      placed[b * n + p] = 0;
      placed[b * n + q] = 0;
      if (nodes > budget || stopped) return false;
    }
    return false;
  };

  for (let tries = 0, spent = 0; !stopped && spent < total; tries++, spent += Math.min(nodes, budget)) {
    order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
    used.fill(0);
    placed.fill(0);
    groups.length = 0;
    nodes = 0;
    skipped = 0;
    budget = Math.min(2000 * 2 ** Math.min(tries >> 2, 14), total - spent);
    for (const [p, q] of sh.unused) used[table[p * n + q]] = 1;
    if (next()) {
      const out: number[][][] = Array.from({ length: B }, () => []);
      for (const g of groups) out[g.b].push(g.members.slice());
      return out;
    }
  }
  return null;
}
