/**
 * Resolvable designs for n = (s - 1)(R + 1) people in groups of s over R rounds, each person missing
 * only the s - 2 others of their "triple" (a resolvable group divisible design of type (s-1)^(n/(s-1))):
 * 36 in groups of 4 for 11 rounds, 60 in groups of 4 for 19, the most rounds possible for them.
 * People: Z_N (N = R(s-1)) and s - 1 fixed people F_0.. that the group turns: adding t maps x to x + t
 * and F_j to F_(j + t mod (s-1)). The base round is unchanged by adding R (so it is R - 1 shifts away
 * from itself) and the rounds are its shifts by 0..R-1. People whose difference is a multiple of R never
 * meet, nor do the fixed people; every other pair class (a difference ±d of Z_N, or F_j with x, classed
 * by x - j mod s-1) is met by exactly one pair of the base round and its turns by R.
 * Base rounds are found once by turningBase (exhaustive backtracking on a node budget) and stored.
 */
import type { Design } from './designs';

export interface TurningBase {
  /** People and group size. */
  n: number;
  s: number;
  /** Base groups: the first holds F_0 (written N) and s - 1 residues; the others are developed by adding R. */
  groups: number[][];
}

/** R, N and the number of fixed people f for n people in groups of s, or null when the shape does not fit. */
export function turningShape(n: number, s: number): { R: number; N: number; f: number } | null {
  const f = s - 1;
  if (s < 3 || n % s !== 0 || n % f !== 0) return null;
  const R = n / f - 1;
  const N = R * f;
  // the fixed people must be turned through all f places by adding R, and each class met once
  if (R < s || gcd(R, f) !== 1 || (N % 2 === 0 && (N / 2) % R !== 0) || (n / s) % f !== 0) return null;
  return { R, N, f };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The R rounds of a base (people 0..N-1 the residues, N..N+f-1 the fixed people). */
export function developTurning(b: TurningBase): Design {
  const { R, N, f } = turningShape(b.n, b.s)!;
  const turn = (x: number, t: number) => (x >= N ? N + ((x - N + t) % f) : (x + t) % N);
  return Array.from({ length: R }, (_, t) =>
    b.groups.flatMap((g) => Array.from({ length: f }, (_, h) => g.map((x) => turn(x, h * R + t)))),
  );
}

/**
 * Searches a base round (residues mod R all different) within `nodes` search nodes; null if there is
 * none or none was found in the budget.
 */
export function turningBase(n: number, s: number, nodes: number): TurningBase | null {
  const shape = turningShape(n, s);
  if (!shape) return null;
  const { R, N, f } = shape;
  const sizes = [s - 1, ...Array.from({ length: (n / s - f) / f }, () => s)];
  const usedClass = new Uint8Array(N);
  for (let d = 0; d < N; d += R) usedClass[d] = 1;
  const usedResidue = new Uint8Array(R);
  const groups: number[][] = sizes.map(() => []);
  const classOf = (a: number, b: number) => {
    const d = (((b - a) % N) + N) % N;
    return Math.min(d, N - d);
  };
  let left = nodes;
  const grow = (gi: number): boolean => {
    if (--left < 0) return false;
    if (gi === sizes.length) return true;
    const g = groups[gi];
    if (g.length === sizes[gi]) return grow(gi + 1);
    // A group's first member is the smallest free residue (any lift; 0 in the first group: adding
    // multiples of f keeps F_0 and moves its member that is 0 mod f there), the others follow in order.
    const from = g.length === 0 ? usedResidue.indexOf(0) : g.length === 1 ? 0 : g[g.length - 1] + 1;
    for (let p = from; p < N; p += g.length === 0 ? R : 1) {
      if (usedResidue[p % R]) continue;
      // F_0 meets each class x mod f once
      if (gi === 0 && g.some((q) => q % f === p % f)) continue;
      const classes: number[] = [];
      let free = true;
      for (const q of g) {
        const c = classOf(q, p);
        if (usedClass[c] || classes.includes(c)) {
          free = false;
          break;
        }
        classes.push(c);
      }
      if (!free) continue;
      for (const c of classes) usedClass[c] = 1;
      usedResidue[p % R] = 1;
      g.push(p);
      if (grow(gi)) return true;
      g.pop();
      usedResidue[p % R] = 0;
      for (const c of classes) usedClass[c] = 0;
      if (gi === 0 && g.length === 0) break;
    }
    return false;
  };
  if (!grow(0)) return null;
  return { n, s, groups: [[N, ...groups[0]], ...groups.slice(1)] };
}

/**
 * 36/4 as turningBase(36, 4, 1_000) finds it; 60/4 by the same search with each group's members above
 * its first (a smaller space that holds one, found in about 760,000 nodes). Both checked in schedule.spec.
 */
export const TURNING_BASES: TurningBase[] = [
  {
    n: 36,
    s: 4,
    groups: [
      [33, 0, 1, 5],
      [2, 9, 18, 32],
      [3, 15, 28, 30],
    ],
  },
  {
    n: 60,
    s: 4,
    groups: [
      [57, 0, 1, 5],
      [2, 4, 13, 53],
      [3, 18, 30, 44],
      [7, 29, 36, 54],
      [8, 28, 31, 52],
    ],
  },
];
