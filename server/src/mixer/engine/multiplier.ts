/**
 * Resolvable group divisible designs with block size 4 on three copies of Z_m plus fixed people, whose
 * base round is also turned by a multiplier. They reach the counting bound where everyone misses only
 * their one or two "partners": 44 in groups of 4 for 14 rounds and 56 for 18 (a 4-RGDD of type 2^22 and
 * 2^28), 48 for 15 (type 3^16), the values of Miller, Valkov & Abel 2026 (Appendix B: RGDD(44,4,2),
 * RGDD(56,4,2), RGDD(48,4,3)).
 * People: residue x of copy i is i*m + x, the fixed people come after the 3m residues. Rounds: the base
 * round shifted by 0..m-1 (fixed people stay). Partners, who never meet:
 * - 'half': x and x + m/2 of one copy, and the two fixed people (groups of 2);
 * - 'column': x of the three copies, and the three fixed people (groups of 3).
 * Every other pair class (±d inside a copy, x' - x across copies, a fixed person with a copy) is met by
 * exactly one pair of the base round. The multiplier maps (x, i) to (u*x + c, i + 1 mod 3) and the fixed
 * person a to itself ('half') or to a + 1 mod 3 ('column'); the base round is a union of its orbits, so the
 * search only places a third of the groups. Found by multiplierBase (seeded backtracking on a node
 * budget, a few thousand nodes each) and stored; multiplier.spec.ts finds them again from scratch.
 */
import type { Design } from './designs';
import { Rng } from './rng';

export type Partners = 'half' | 'column';

export interface MultiplierShape {
  /** People and group size. */
  n: number;
  s: number;
  m: number;
  fixed: number;
  partners: Partners;
  /** The multiplier (x, i) -> (u*x + c, i + 1). */
  u: number;
  c: number;
}

export interface MultiplierBase extends MultiplierShape {
  /** Seed and node budget that found the base round. */
  seed: number;
  nodes: number;
  base: number[][];
}

const COPIES = 3;

/** Class of the pair p, q (a string key), or null when they are partners. */
function pairClass(sh: MultiplierShape, p: number, q: number): string | null {
  const { m, partners } = sh;
  const fin = COPIES * m;
  if (p > q) [p, q] = [q, p];
  if (p >= fin) return null;
  const ip = Math.floor(p / m);
  if (q >= fin) return `f${q - fin}.${ip}`;
  const iq = Math.floor(q / m);
  const d = ((((q % m) - (p % m)) % m) + m) % m;
  if (ip === iq) {
    const e = Math.min(d, m - d);
    if (e === 0 || (partners === 'half' && 2 * e === m)) return null;
    return `p${ip}.${e}`;
  }
  if (partners === 'column' && d === 0) return null;
  return `x${ip}.${iq}.${d}`;
}

function turn(sh: MultiplierShape, p: number): number {
  const fin = COPIES * sh.m;
  if (p >= fin) return sh.partners === 'column' ? fin + ((p - fin + 1) % sh.fixed) : p;
  const i = Math.floor(p / sh.m);
  const x = p % sh.m;
  return ((i + 1) % COPIES) * sh.m + ((((sh.u * x + sh.c) % sh.m) + sh.m) % sh.m);
}

/** The group and its images under the multiplier (until it comes back), or null if that takes more than 3 turns. */
function orbit(sh: MultiplierShape, group: number[]): number[][] | null {
  const key = (g: number[]) => [...g].sort((a, b) => a - b).join(',');
  const first = key(group);
  const out = [group];
  for (;;) {
    const next = out[out.length - 1].map((p) => turn(sh, p));
    if (key(next) === first) return out;
    if (out.length === COPIES) return null;
    out.push(next);
  }
}

/**
 * Searches a base round closed under the multiplier with every non-partner class met once, within
 * `nodes` search nodes; null when none was found in the budget. The same seed gives the same round.
 */
export function multiplierBase(sh: MultiplierShape, nodes: number, seed = 1): number[][] | null {
  const { n, s } = sh;
  if (n !== COPIES * sh.m + sh.fixed || n % s !== 0) return null;
  const rng = new Rng(seed);
  const used = new Set<string>();
  const placed = new Uint8Array(n);
  const groups: number[][] = [];
  let spent = 0;

  const fits = (orb: number[][]): string[] | null => {
    const people = orb.flat();
    if (new Set(people).size !== people.length || people.some((p) => placed[p])) return null;
    const classes: string[] = [];
    for (const g of orb)
      for (let a = 0; a < g.length; a++)
        for (let b = a + 1; b < g.length; b++) {
          const c = pairClass(sh, g[a], g[b]);
          if (c === null || used.has(c) || classes.includes(c)) return null;
          classes.push(c);
        }
    return classes;
  };

  const extend = (group: number[], candidates: number[], from: number): boolean => {
    if (group.length === s) {
      const orb = orbit(sh, [...group]);
      const classes = orb && fits(orb);
      if (!orb || !classes) return false;
      for (const c of classes) used.add(c);
      for (const p of orb.flat()) placed[p] = 1;
      groups.push(...orb);
      if (search()) return true;
      for (const c of classes) used.delete(c);
      for (const p of orb.flat()) placed[p] = 0;
      groups.length -= orb.length;
      return false;
    }
    for (let i = from; i < candidates.length; i++) {
      const q = candidates[i];
      if (group.some((p) => pairClass(sh, p, q) === null || used.has(pairClass(sh, p, q)!))) continue;
      group.push(q);
      const done = extend(group, candidates, i + 1);
      group.pop();
      if (done) return true;
    }
    return false;
  };

  const search = (): boolean => {
    if (++spent > nodes) throw new RangeError('budget');
    const p = placed.indexOf(0);
    if (p < 0) return true;
    const candidates: number[] = [];
    for (let q = p + 1; q < n; q++) {
      const c = pairClass(sh, p, q);
      if (!placed[q] && c !== null && !used.has(c)) candidates.push(q);
    }
    rng.shuffle(candidates);
    return extend([p], candidates, 0);
  };

  try {
    return search() ? groups.map((g) => [...g]) : null;
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/** The m rounds of a base round. */
export function developMultiplier(sh: MultiplierShape, base: number[][]): Design {
  const fin = COPIES * sh.m;
  const shift = (p: number, t: number) => (p >= fin ? p : Math.floor(p / sh.m) * sh.m + (((p % sh.m) + t) % sh.m));
  return Array.from({ length: sh.m }, (_, t) => base.map((g) => g.map((p) => shift(p, t))));
}

/** Stored base rounds, each found by multiplierBase with its seed and node budget. */
export const MULTIPLIER_BASES: MultiplierBase[] = [
  // 4-RGDD of type 2^22: Z_14 x 3 + 2, u = 9 (9^3 = 1 mod 14), 14 rounds
  {
    n: 44,
    s: 4,
    m: 14,
    fixed: 2,
    partners: 'half',
    u: 9,
    c: 0,
    seed: 2,
    nodes: 1_000,
    base: [
      [0, 2, 16, 33],
      [14, 18, 32, 3],
      [28, 36, 8, 27],
      [1, 9, 22, 19],
      [23, 25, 30, 31],
      [39, 29, 4, 13],
      [5, 41, 43, 17],
      [6, 38, 42, 26],
      [7, 10, 34, 11],
      [21, 20, 12, 15],
      [35, 40, 24, 37],
    ],
  },
  // 4-RGDD of type 3^16: Z_15 x 3 + 3, the multiplier only turns the copies and the fixed people, 15 rounds
  {
    n: 48,
    s: 4,
    m: 15,
    fixed: 3,
    partners: 'column',
    u: 1,
    c: 0,
    seed: 3,
    nodes: 10_000,
    base: [
      [0, 7, 41, 21],
      [15, 22, 11, 36],
      [30, 37, 26, 6],
      [1, 2, 4, 39],
      [16, 17, 19, 9],
      [31, 32, 34, 24],
      [3, 8, 35, 14],
      [18, 23, 5, 29],
      [33, 38, 20, 44],
      [10, 45, 43, 27],
      [25, 46, 13, 42],
      [40, 47, 28, 12],
    ],
  },
  // 4-RGDD of type 2^28: Z_18 x 3 + 2, u = 7 (7^3 = 1 mod 18), 18 rounds
  {
    n: 56,
    s: 4,
    m: 18,
    fixed: 2,
    partners: 'half',
    u: 7,
    c: 0,
    seed: 3,
    nodes: 10_000,
    base: [
      [0, 20, 4, 33],
      [18, 50, 28, 51],
      [36, 8, 52, 15],
      [1, 6, 44, 9],
      [25, 24, 2, 27],
      [49, 42, 32, 45],
      [3, 39, 54, 21],
      [5, 19, 38, 11],
      [35, 43, 14, 23],
      [47, 13, 26, 53],
      [7, 31, 55, 37],
      [10, 22, 29, 12],
      [34, 46, 41, 30],
      [40, 16, 17, 48],
    ],
  },
];

/** The design for n people in groups of s from a stored base round, or null. */
export function multiplierDesign(n: number, s: number): Design | null {
  const b = MULTIPLIER_BASES.find((x) => x.n === n && x.s === s);
  return b ? developMultiplier(b, b.base) : null;
}
