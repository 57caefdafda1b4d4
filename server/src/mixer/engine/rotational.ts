/**
 * 1-rotational resolvable designs: n people in groups of s, with (n - 1) = (s - 1) * m, and one fixed
 * person ("infinity"). One base round whose differences are all distinct, shifted by 0..m-1, gives
 * m rounds in which nobody meets anyone twice, which is the most rounds possible. Two shapes:
 * - m odd: the others are s - 1 orbits of Z_m (person i * m + x is orbit i, residue x);
 * - groups of 3 with m a multiple of 4: the others are Z_2m, and the base round is unchanged by adding m
 *   (each group found comes with its copy shifted by m).
 * The base round is found by a backtracking search over its difference classes. Found this way in
 * well under a second: 15/3, 27/3, 33/3, 39/3, 57/3, 81/3 and 28/4, 40/4, 52/4 … 100/4 (33 rounds).
 */
import type { Design } from './designs';
import { Rng } from './rng';

/**
 * Whether one of the two shapes fits n people in groups of s. Groups of 3 and 4 only: for 5 and 6
 * (45/5, 85/5, 36/6) the search found nothing in 10 s, and a search that fails costs planning time.
 */
export function rotationalFits(n: number, s: number): boolean {
  if (s < 3 || s > 4 || n % s !== 0 || (n - 1) % (s - 1) !== 0) return false;
  const m = (n - 1) / (s - 1);
  // Z_2m with m = 2 (mod 4) has no such round (none found for 21, 45, 69), so it is not tried.
  return m >= s && (m % 2 === 1 || (s === 3 && m % 4 === 0));
}

/**
 * Searches for a base round on a budget of search nodes (which decides the result for a seed; the
 * deadline is only a safety cap); returns the m developed rounds or null. Infinity is n - 1.
 */
export function rotational(n: number, s: number, nodes: number, seed = 1, deadline = Date.now() + 60_000): Design | null {
  if (!rotationalFits(n, s)) return null;
  const m = (n - 1) / (s - 1);
  const cosets = m % 2 === 0;
  const base = searchBase(n, s, m, cosets, 1, nodes, deadline, new Rng(seed));
  if (!base) return null;
  const inf = n - 1;
  const N = 2 * m;
  // Z_2m shape: every group but infinity's also stands for its copy shifted by m.
  const round = cosets ? [base[0], ...base.slice(1).flatMap((g) => [g, g.map((p) => (p + m) % N)])] : base;
  const shift = cosets
    ? (p: number, t: number) => (p === inf ? inf : (p + t) % N)
    : (p: number, t: number) => (p === inf ? inf : Math.floor(p / m) * m + (((p % m) + t) % m));
  return Array.from({ length: m }, (_, t) => round.map((grp) => grp.map((p) => shift(p, t))));
}

/** Whether the nearly Kirkman shape below fits: groups of 3, n a multiple of 12 (from 24). */
export function nearlyRotationalFits(n: number, s: number): boolean {
  return s === 3 && n % 12 === 0 && n >= 24;
}

/**
 * Nearly Kirkman triple systems NKTS(n), n = 12j: (n - 2)/2 rounds of groups of 3 in which everyone
 * misses exactly one person. People: two orbits of Z_m, m = (n - 2)/2 (odd), and two fixed people
 * (n - 2 and n - 1) who never meet; the pairs (x, 0), (x, 1) never meet either (the unused mixed
 * difference 0). One base round with every other difference once, shifted by 0..m-1, gives the m
 * rounds. Same search as above (node budget; the deadline is only a safety cap).
 */
export function nearlyRotational(n: number, nodes: number, seed = 1, deadline = Date.now() + 60_000): Design | null {
  if (!nearlyRotationalFits(n, 3)) return null;
  const m = (n - 2) / 2;
  const base = searchBase(n, 3, m, false, 2, nodes, deadline, new Rng(seed));
  if (!base) return null;
  const shift = (p: number, t: number) => (p >= 2 * m ? p : Math.floor(p / m) * m + (((p % m) + t) % m));
  return Array.from({ length: m }, (_, t) => base.map((grp) => grp.map((p) => shift(p, t))));
}

/**
 * Difference classes: a pair inside orbit i uses class (i, ±d), a pair across orbits i < j uses
 * (i, j, d); each class may be used once. Each group grows from the unused class with the fewest
 * ways left to realize it; the search restarts with a new random order when a try grows too long
 * (searches like this have heavy tails), every other try asking for a mirror-symmetric round.
 */
function searchBase(
  n: number,
  s: number,
  m: number,
  cosets: boolean,
  infs: 1 | 2,
  total: number,
  deadline: number,
  rng: Rng,
): number[][] | null {
  // people inf.. are the fixed ones (infinity), inf is also the number of the others
  const inf = n - infs;
  const orbits = s - 1;
  const half = (m - 1) / 2;
  const crossBase = orbits * half;
  const N = 2 * m;
  // Z_2m: class ±d; a difference of m can never be used (it is the pair of a person and their copy).
  const cosetClass = (a: number, b: number): number => {
    const d = (((b - a) % N) + N) % N;
    return d === m ? -1 : Math.min(d, N - d) - 1;
  };
  const orbitClass = (a: number, b: number): number => {
    const ia = Math.floor(a / m);
    const ib = Math.floor(b / m);
    if (ia === ib) {
      const d = (((b - a) % m) + m) % m;
      return ia * half + Math.min(d, m - d) - 1;
    }
    const [i, j, x, y] = ia < ib ? [ia, ib, a % m, b % m] : [ib, ia, b % m, a % m];
    return crossBase + (i * orbits + j) * m + ((y - x + m) % m);
  };
  const classOf = cosets ? cosetClass : orbitClass;
  const used = new Uint8Array(cosets ? m : crossBase + orbits * orbits * m);
  const table = new Int32Array(inf * inf).fill(-1);
  for (let a = 0; a < inf; a++) for (let b = 0; b < inf; b++) if (a !== b) table[a * inf + b] = classOf(a, b);
  const placed = new Uint8Array(inf);
  // Placing a person in the Z_2m shape also places their copy.
  const place = (p: number, on: 0 | 1) => {
    placed[p] = on;
    if (cosets) placed[(p + m) % N] = on;
  };
  const groups: number[][] = [];
  let nodes = 0;
  let stopped = false;
  let budget = 0;
  let order: number[] = [];

  // Marks the classes p forms with the group; false (and nothing marked) when one is taken.
  const join = (grp: number[], p: number): boolean => {
    const marked: number[] = [];
    for (const o of grp) {
      if (o >= inf) continue;
      const c = table[o * inf + p];
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
    for (const o of grp) if (o < inf) used[table[o * inf + p]] = 0;
  };

  const fill = (grp: number[], from: number, first: boolean): boolean => {
    if (grp.length === s) return close(grp);
    if (++nodes > budget || stopped) return false;
    if ((nodes & 4095) === 0 && Date.now() > deadline) stopped = true;
    for (let i = from; i < order.length; i++) {
      const p = order[i];
      if (placed[p] || (first && Math.floor(p / m) !== grp.length - 1)) continue;
      if (!join(grp, p)) continue;
      place(p, 1);
      grp.push(p);
      if (fill(grp, first ? from : i + 1, first)) return true;
      grp.pop();
      place(p, 0);
      leave(grp, p);
    }
    return false;
  };
  // With symmetry on, the base round is its own mirror image (x -> -x in every orbit), a structure
  // many known designs have; it halves the depth of the search.
  let symmetric = false;
  const mirror = cosets
    ? (p: number) => (p >= inf ? p : (N - p) % N)
    : (p: number) => (p >= inf ? p : Math.floor(p / m) * m + ((m - (p % m)) % m));
  const sameSet = (a: number[], b: number[]) => a.every((p) => b.includes(p));
  const close = (grp: number[]): boolean => {
    const image = grp.map(mirror);
    const copy = cosets ? grp.map((p) => (p + m) % N) : grp;
    if (!symmetric || sameSet(image, grp) || sameSet(image, copy)) return next();
    const twin: number[] = [];
    let ok = true;
    for (const p of image) {
      if (placed[p] || !join(twin, p)) {
        ok = false;
        break;
      }
      place(p, 1);
      twin.push(p);
    }
    if (ok) {
      groups.push(twin);
      if (next()) return true;
      groups.pop();
    }
    while (twin.length) {
      const p = twin.pop()!;
      place(p, 0);
      leave(twin, p);
    }
    return false;
  };

  // Realizations of each class: the pairs of people that would use it (flat: class c owns the
  // pairs start[c] .. start[c + 1] - 1 of pairA/pairB).
  const classes = used.length;
  const start = new Int32Array(classes + 1);
  for (let a = 0; a < inf; a++) for (let b = a + 1; b < inf; b++) if (table[a * inf + b] >= 0) start[table[a * inf + b] + 1]++;
  for (let c = 0; c < classes; c++) start[c + 1] += start[c];
  const pairA = new Int32Array(start[classes]);
  const pairB = new Int32Array(start[classes]);
  const cursor = start.slice(0, classes);
  for (let a = 0; a < inf; a++)
    for (let b = a + 1; b < inf; b++) {
      if (table[a * inf + b] < 0) continue;
      const at = cursor[table[a * inf + b]]++;
      pairA[at] = a;
      pairB[at] = b;
    }
  const k = cosets ? 1 + (n / s - 1) / 2 : n / s;
  // The next group grows from the unused class with the fewest pairs left to realize it.
  const next = (): boolean => {
    if (groups.length === k) return true;
    if (groups.length < infs) {
      // the next fixed person's group: one person of each orbit
      const grp = [inf + groups.length];
      groups.push(grp);
      if (fill(grp, 0, true)) return true;
      groups.pop();
      return false;
    }
    let best = -1;
    let bestCount = Infinity;
    for (let c = 0; c < classes; c++) {
      if (used[c] || start[c] === start[c + 1]) continue;
      let count = 0;
      for (let i = start[c]; i < start[c + 1]; i++) if (!placed[pairA[i]] && !placed[pairB[i]]) count++;
      if (count < bestCount) {
        bestCount = count;
        best = c;
        if (!count) return false;
      }
    }
    const options: Array<[number, number]> = [];
    for (let i = start[best]; i < start[best + 1]; i++) if (!placed[pairA[i]] && !placed[pairB[i]]) options.push([pairA[i], pairB[i]]);
    rng.shuffle(options);
    for (const [a, b] of options) {
      place(a, 1);
      place(b, 1);
      used[best] = 1;
      const grp = [a, b];
      groups.push(grp);
      if (fill(grp, 0, false)) return true;
      groups.pop();
      used[best] = 0;
      place(a, 0);
      place(b, 0);
      if (nodes > budget || stopped) return false;
    }
    return false;
  };

  for (let tries = 0, spent = 0; !stopped && spent < total; tries++, spent += Math.min(nodes, budget)) {
    order = rng.shuffle(Array.from({ length: inf }, (_, i) => i));
    used.fill(0);
    placed.fill(0);
    groups.length = 0;
    nodes = 0;
    budget = Math.min(2000 * 2 ** Math.min(tries >> 2, 14), total - spent);
    // Group 0: infinity with one person of each orbit, so infinity meets every orbit once; by
    // symmetry (shifting all rounds) its orbit-0 person is residue 0.
    symmetric = infs === 1 && tries % 2 === 1;
    // two fixed people: (x, 0) and (x, 1) never meet (the mixed difference 0 stays unused)
    if (infs === 2) used[table[m]] = 1;
    place(0, 1);
    const g0 = [inf, 0];
    groups.push(g0);
    if (cosets) {
      // Infinity's group is 0 and its copy m (a difference no other group may use).
      g0.push(m);
      if (next()) return groups.map((g) => [...g]);
    } else if (symmetric) {
      for (let i = 1; i < orbits; i++) {
        join(g0, i * m);
        place(i * m, 1);
        g0.push(i * m);
      }
      if (next()) return groups.map((g) => [...g]);
    } else if (fill(g0, 0, true)) return groups.map((g) => [...g]);
  }
  return null;
}
