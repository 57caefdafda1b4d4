/**
 * Resolvable transversal designs of order 12 from a (12,6,1) difference matrix over G = Z_2 x Z_2 x Z_3
 * (12 is no prime power, so transversal() in designs.ts cannot make them; 5 MOLS of order 12 exist).
 * Element a + 2b + 4c of G is (a, b, c). In the matrix, any two rows differ by every element of G once.
 * For s ≤ 5 rows i = 1..s of people (x, i) (person (i - 1) * 12 + x): round y, group j is
 * {(D[i][j] + y, i)}, which gives 12 rounds of 12 groups of s in which nobody meets twice (row 0 is all
 * zeros and each row holds every element, so each round is a partition). People in the same row never
 * meet there, so when s divides 12, one more round splits the rows: 48 in groups of 4 for 13 rounds,
 * 60 in groups of 5 for 12.
 * The matrix was found by a seeded backtracking search (row 1 fixed to 0..11, column 0 to zeros; about
 * 200,000 nodes) and is checked in schedule.spec.
 */
import type { Design } from './designs';

export const ORDER = 12;

export const DIFFERENCE_MATRIX_12 = [
  [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  [0, 9, 3, 10, 11, 6, 8, 5, 1, 7, 2, 4],
  [0, 2, 9, 7, 1, 4, 11, 8, 10, 3, 6, 5],
  [0, 7, 1, 6, 8, 3, 9, 2, 4, 11, 5, 10],
  [0, 4, 11, 8, 5, 7, 2, 9, 6, 10, 1, 3],
];

/** Addition in Z_2 x Z_2 x Z_3 (x = a + 2b + 4c). */
export function addG(x: number, y: number): number {
  return ((x ^ y) & 3) + 4 * ((Math.floor(x / 4) + Math.floor(y / 4)) % 3);
}

/** 12 groups of s (2 ≤ s ≤ 5) for 12 rounds, plus the rows round when s divides 12; null otherwise. */
export function twelveGroups(s: number): Design | null {
  if (s < 2 || s >= DIFFERENCE_MATRIX_12.length) return null;
  const rows = Array.from({ length: s }, (_, i) => i + 1);
  const person = (x: number, i: number) => (i - 1) * ORDER + x;
  const rounds: Design = [];
  for (let y = 0; y < ORDER; y++)
    rounds.push(Array.from({ length: ORDER }, (_, j) => rows.map((i) => person(addG(DIFFERENCE_MATRIX_12[i][j], y), i))));
  if (ORDER % s === 0)
    rounds.push(
      rows.flatMap((i) => Array.from({ length: ORDER / s }, (_, b) => Array.from({ length: s }, (_, t) => person(b * s + t, i)))),
    );
  return rounds;
}
