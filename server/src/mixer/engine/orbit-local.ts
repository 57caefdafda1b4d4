/**
 * Local search for the base rounds of an orbit shape (orbits.ts), where the backtracking search stalls.
 * State: the base rounds, each a partition of the people into groups of s. Cost: the difference classes
 * used more than once, plus the pairs that may never meet (two fixed people, half differences, the
 * shape's unused classes). Move: swap two people of different groups in one base round; tabu search
 * focused on people in a conflicting pair, a few random swaps when it stalls. Cost 0 means the developed
 * rounds are repeat-free. Deterministic for a seed and a step budget (swap evaluations); no clock.
 * Rounds found this way are stored in SHAPES, so the planner does not search at run time. (The counting
 * bounds 44/4 in 14, 48/4 in 15 and 56/4 in 18 missed below are reached by multiplier.ts, whose base round
 * is also closed under a multiplier of order 3.)
 * Found: 44/4 in 12 rounds on Z_12 x 3 + 8 fixed (seed 1, 1.2M steps), 56/4 in 15 on Z_15 x 3 + 11
 * (22,000) and in 16 on Z_16 x 3 + 8 (seed 3, 2.8M). Not found (one base round unless said; seeds 1 and
 * 2, 5M to 20M steps; "r" = every class but a resolvable GDD's used once): 44/4 in 13 (Z_13 x 3 + 5, seeds
 * 1 to 6, one class short) and 14 (Z_14 x 3 + 2; Z_7 x 6 + 2, two, r), 48/4 in 14 (Z_14 x 3 + 6, seeds 1
 * to 6; Z_7 x 6 + 6, two, r) and 15 (Z_15 x 3 + 3, r), 56/4 in 17 (Z_17 x 3 + 5) and 18 (Z_18 x 3 + 2;
 * Z_9 x 6 + 2, two, r), 40/5 in 9 (Z_9 x 4 + 4, also r), 45/5 in 10 (Z_10 x 4 + 5; Z_5 x 9, two, r),
 * 55/5 in 12 (Z_12 x 4 + 7), 60/5 in 13 (Z_13 x 4 + 8) and 14 (Z_14 x 4 + 4, r), 42/6 in 8 (Z_8 x 5 + 2),
 * 48/6 in 9 (Z_9 x 5 + 3), 54/6 in 10 (Z_10 x 5 + 4), 60/6 in 7 to 11 (Z_7 x 8 + 4 one class short,
 * Z_8 x 7 + 4, Z_9 x 6 + 6, Z_10 x 6, Z_11 x 5 + 5 r), 56/7 in 9 (Z_9 x 6 + 2), 63/7 in 10 (Z_10 x 6 + 3;
 * Z_5 x 12 + 3, two, r).
 */
import type { OrbitShape } from './orbits';
import { Rng } from './rng';

/** Class of each pair (n*n), `bad` for pairs that may not meet. */
function classTable(sh: OrbitShape): { table: Int32Array; bad: number; n: number } {
  const { m, orbits, fixed } = sh;
  const fin = orbits * m;
  const n = fin + fixed;
  const half = Math.floor((m - 1) / 2);
  const mixedBase = orbits * half;
  const fixedBase = mixedBase + orbits * orbits * m;
  const bad = fixedBase + fixed * orbits;
  const classOf = (p: number, q: number): number => {
    if (p > q) [p, q] = [q, p];
    if (p >= fin) return bad;
    const op = Math.floor(p / m);
    if (q >= fin) return fixedBase + (q - fin) * orbits + op;
    const oq = Math.floor(q / m);
    const d = ((((q % m) - (p % m)) % m) + m) % m;
    if (op === oq) {
      const e = Math.min(d, m - d);
      return e === 0 || e > half ? bad : op * half + e - 1;
    }
    return mixedBase + (op * orbits + oq) * m + d;
  };
  const table = new Int32Array(n * n);
  for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) table[p * n + q] = p === q ? bad : classOf(p, q);
  for (const [p, q] of sh.unused) {
    const c = table[p * n + q];
    for (let i = 0; i < n * n; i++) if (table[i] === c) table[i] = bad;
  }
  return { table, bad, n };
}

/** Base rounds with no class used twice, or null if none was found within `steps` swap evaluations. */
export function localOrbitBases(sh: OrbitShape, steps: number, seed = 1): number[][][] | null {
  const { s, bases: B } = sh;
  const { table, bad, n } = classTable(sh);
  if (n % s !== 0) return null;
  const k = n / s;
  const rng = new Rng(seed);
  const cnt = new Int32Array(bad + 1);
  /** slot[b*n + i]: the person at place i of base round b; groups are places s*g .. s*g + s - 1. */
  const slot = new Int32Array(B * n);
  for (let b = 0; b < B; b++) rng.shuffle(Array.from({ length: n }, (_, i) => i)).forEach((p, i) => (slot[b * n + i] = p));
  const at = (b: number, i: number) => slot[b * n + i];
  for (let b = 0; b < B; b++)
    for (let g = 0; g < k; g++)
      for (let x = 0; x < s; x++) for (let y = x + 1; y < s; y++) cnt[table[at(b, g * s + x) * n + at(b, g * s + y)]]++;
  let cost = 0;
  for (let c = 0; c <= bad; c++) cost += c === bad ? cnt[c] : Math.max(0, cnt[c] - 1);

  const undo: number[] = [];
  /** Cost change of swapping places ia and ib of base round b; counts are updated, and reverted unless `keep`. */
  const swap = (b: number, ia: number, ib: number, keep: boolean): number => {
    const a = at(b, ia);
    const z = at(b, ib);
    const ga = ia - (ia % s);
    const gb = ib - (ib % s);
    let d = 0;
    undo.length = 0;
    for (let pass = 0; pass < 2; pass++)
      for (let x = 0; x < s; x++) {
        const pa = at(b, ga + x);
        const pb = at(b, gb + x);
        if (pa !== a) {
          const c = table[(pass ? z : a) * n + pa];
          d += pass ? (c === bad || cnt[c] >= 1 ? 1 : 0) : c === bad || cnt[c] >= 2 ? -1 : 0;
          cnt[c] += pass ? 1 : -1;
          undo.push(c, pass ? -1 : 1);
        }
        if (pb !== z) {
          const c = table[(pass ? a : z) * n + pb];
          d += pass ? (c === bad || cnt[c] >= 1 ? 1 : 0) : c === bad || cnt[c] >= 2 ? -1 : 0;
          cnt[c] += pass ? 1 : -1;
          undo.push(c, pass ? -1 : 1);
        }
      }
    if (keep) {
      slot[b * n + ia] = z;
      slot[b * n + ib] = a;
    } else for (let i = 0; i < undo.length; i += 2) cnt[undo[i]] += undo[i + 1];
    return d;
  };

  const tabu = new Int32Array(B * n);
  const conflicted: number[] = [];
  let best = cost;
  let stall = 0;
  const maxStall = 1000;
  let used = 0;
  for (let it = 1; cost > 0 && used < steps; it++) {
    conflicted.length = 0;
    for (let b = 0; b < B; b++)
      for (let i = 0; i < n; i++) {
        const p = at(b, i);
        const g = i - (i % s);
        for (let x = 0; x < s; x++) {
          const q = at(b, g + x);
          if (q === p) continue;
          const c = table[p * n + q];
          if (c === bad || cnt[c] > 1) {
            conflicted.push(b * n + i);
            break;
          }
        }
      }
    const pick = conflicted[rng.int(conflicted.length)];
    const b = Math.floor(pick / n);
    const ia = pick % n;
    let bestD = Infinity;
    let bi = -1;
    let ties = 0;
    for (let ib = 0; ib < n; ib++) {
      if (ib - (ib % s) === ia - (ia % s)) continue;
      used++;
      const d = swap(b, ia, ib, false);
      if ((tabu[b * n + at(b, ia)] > it || tabu[b * n + at(b, ib)] > it) && cost + d >= best) continue;
      if (d < bestD) {
        bestD = d;
        bi = ib;
        ties = 1;
      } else if (d === bestD && rng.int(++ties) === 0) bi = ib;
    }
    if (bi < 0) continue;
    const pa = at(b, ia);
    const pb = at(b, bi);
    cost += swap(b, ia, bi, true);
    tabu[b * n + pa] = it + 5 + rng.int(10);
    tabu[b * n + pb] = it + 5 + rng.int(10);
    if (cost < best) {
      best = cost;
      stall = 0;
    } else if (++stall > maxStall) {
      // kick: two random swaps, then measure progress from there
      stall = 0;
      for (let q = 0; q < 2; q++) {
        const kb = rng.int(B);
        const i1 = rng.int(n);
        const i2 = rng.int(n);
        if (i1 - (i1 % s) !== i2 - (i2 % s)) cost += swap(kb, i1, i2, true);
      }
      best = cost;
    }
  }
  if (cost > 0) return null;
  return Array.from({ length: B }, (_, b) =>
    Array.from({ length: k }, (_, g) => Array.from(slot.subarray(b * n + g * s, b * n + g * s + s))),
  );
}
