/**
 * 32 people in groups of 4 for 10 rounds, the most possible (social golfer 8-4-10), in which everyone
 * misses only a "twin". People are F_8 x 4 orbits: person o*8 + x, where F_8 addition is XOR, and
 * every round is unchanged by adding one x of F_8 to everyone, so a pair's class is its two orbits and
 * its difference, and each class is met once:
 * - 6 transversal rounds, one per stored row a: groups {(a_0 + g, 0), (a_1 + g, 1), (a_2 + g, 2), (a_3 + g, 3)};
 * - 3 rounds, one per way to pair up the 4 orbits: orbits o and p take the 2 differences that no row
 *   gives them, u and u + d, with groups {(g, o), (g + d, o), (g + u, p), (g + u + d, p)};
 * - 1 round of planes: each orbit o in the two cosets of the plane V_o.
 * The rows were found by a backtracking search (100 nodes) for rows whose left-over pair d's fit:
 * each orbit's three d's, with their sum d_o (its twin's difference), make the coset d_o + V_o.
 */
import type { Design } from './designs';

const ROWS = [
  [0, 0, 0, 0],
  [0, 1, 2, 3],
  [0, 2, 3, 4],
  [0, 3, 4, 6],
  [0, 4, 1, 5],
  [0, 5, 7, 1],
];
const ORBIT_PAIRS = [
  [
    [0, 1],
    [2, 3],
  ],
  [
    [0, 2],
    [1, 3],
  ],
  [
    [0, 3],
    [1, 2],
  ],
];

export function twins32(): Design {
  const person = (o: number, x: number) => o * 8 + x;
  /** The two differences of orbits o and p that no row gives. */
  const left = (o: number, p: number) => [0, 1, 2, 3, 4, 5, 6, 7].filter((x) => !ROWS.some((a) => (a[o] ^ a[p]) === x));
  const dOf = (o: number, p: number) => {
    const [u, v] = left(o, p);
    return u ^ v;
  };
  const transversal = ROWS.map((a) => [0, 1, 2, 3, 4, 5, 6, 7].map((g) => a.map((x, o) => person(o, x ^ g))));
  const paired = ORBIT_PAIRS.map((pairs) =>
    pairs.flatMap(([o, p]) => {
      const d = dOf(o, p);
      const u = left(o, p)[0];
      const starts = [0, 1, 2, 3, 4, 5, 6, 7].filter((g) => g < (g ^ d));
      return starts.map((g) => [person(o, g), person(o, g ^ d), person(p, g ^ u), person(p, g ^ u ^ d)]);
    }),
  );
  const planes = [0, 1, 2, 3].flatMap((o) => {
    const ds = [0, 1, 2, 3].filter((p) => p !== o).map((p) => dOf(Math.min(o, p), Math.max(o, p)));
    const twin = ds[0] ^ ds[1] ^ ds[2];
    const plane = [0, ...ds.map((x) => x ^ twin)];
    return [plane.map((x) => person(o, x)), plane.map((x) => person(o, x ^ twin))];
  });
  return [...transversal, ...paired, planes];
}
