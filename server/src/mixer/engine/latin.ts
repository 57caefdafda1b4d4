/**
 * Schedules from mutually orthogonal Latin rectangles over Z_k, for k groups of s where no field of
 * order k gives a full transversal design (k = 10: 4 MOLS of order 10 are not known).
 * People: s rows of k, person (x, y) -> x*k + y. Each stored vector c (c[0] = 0) is a round: group b
 * is {(x, b + c[x])}. Two rounds c, c' share no pair when c - c' takes s different values (then
 * (x, y), (x', y') meet only in the round where c[x'] - c[x] = y' - y). When s divides k the rows
 * themselves, cut into groups of s, make one more round (people of one row never meet otherwise).
 * The vectors are cliques of the graph of all such vectors (3,024 for s = 5, 15,120 for s = 6; an edge
 * when two may both be rounds), found once (s = 5 by a branch and bound clique search, s = 6 by seeded
 * randomized greedy restarts) and stored; latin.spec.ts checks them.
 */
import type { Design } from './designs';

interface Rectangles {
  s: number;
  k: number;
  rows: number[][];
}

/**
 * 50 in groups of 5: 9 rounds and the rows. 9 is the most over Z_10 (the clique search ran to the end;
 * over the dihedral group of order 10 the most is 8); RTD(5,10) would need 4 MOLS of order 10.
 */
const Z10_5: Rectangles = {
  s: 5,
  k: 10,
  rows: [
    [0, 0, 0, 0, 0],
    [0, 9, 8, 7, 6],
    [0, 8, 9, 4, 2],
    [0, 6, 3, 9, 5],
    [0, 5, 1, 2, 7],
    [0, 4, 2, 5, 9],
    [0, 3, 6, 8, 1],
    [0, 2, 7, 1, 8],
    [0, 1, 5, 3, 4],
  ],
};

/** 60 in groups of 6: 8 rounds (a branch and bound search was stopped at 8 before it ended: 9 is not ruled out). */
const Z10_6: Rectangles = {
  s: 6,
  k: 10,
  rows: [
    [0, 0, 0, 0, 0, 0],
    [0, 9, 4, 5, 3, 8],
    [0, 4, 7, 2, 1, 9],
    [0, 8, 9, 1, 7, 6],
    [0, 7, 5, 9, 2, 3],
    [0, 2, 6, 3, 8, 5],
    [0, 5, 1, 4, 6, 2],
    [0, 3, 2, 8, 5, 7],
  ],
};

export const RECTANGLES: Rectangles[] = [Z10_5, Z10_6];

/** The rounds of a set of rectangles. */
export function developRectangles({ s, k, rows }: Rectangles): Design {
  const rounds: Design = rows.map((c) => Array.from({ length: k }, (_, b) => c.map((shift, x) => x * k + ((b + shift) % k))));
  if (k % s === 0)
    rounds.push(
      Array.from({ length: s * (k / s) }, (_, i) =>
        Array.from({ length: s }, (_, j) => Math.floor(i / (k / s)) * k + (i % (k / s)) * s + j),
      ),
    );
  return rounds;
}

/** The design for n people in groups of s from the stored rectangles, or null. */
export function rectangles(n: number, s: number): Design | null {
  const r = RECTANGLES.find((x) => x.s === s && x.s * x.k === n);
  return r ? developRectangles(r) : null;
}
