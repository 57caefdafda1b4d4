/**
 * Social golfer instances up to 64 people (groups of 3 to 8, every group full): the best known number
 * of repeat-free rounds and where that figure comes from, for the table of `npm run bench:mixer`.
 *
 * `upper` is the most rounds possible: the counting bound floor((n - 1)/(s - 1)) (each round a person
 * meets s - 1 new people), or a smaller proven maximum where one is published.
 * `best` is the most rounds a schedule is known to reach, `published` the best published figure, and
 * `status` says how sure `best` is:
 * - 'optimal': best = upper, so no table can hold more (a design reaching the counting bound, or a
 *   maximum proven in the literature, as quoted by OEIS A107431);
 * - 'published': a published best known figure below the upper bound;
 * - 'beyond': our construction has more rounds than the best published figure we could read
 *   (published < best; latin.spec.ts checks the schedule pair by pair).
 *
 * Sources (the short names used below):
 * - OEIS: OEIS A107431, the table T(g,s) of Harvey's results page.
 * - MVA: A. Miller, I. Valkov, R. J. R. Abel, "Combinatorial Solutions to the Social Golfer Problem and
 *   the Social Golfer Problem with Adjacent Group Sizes", Symmetry 18(2) 269 (2026),
 *   https://doi.org/10.3390/sym18020269 (arXiv 2507.23376), Appendix B: the best known solution for every
 *   v <= 150. The paper itself could not be read from here; its rows are read in GroupMixer's copies:
 *   - MVA-B: github.com/guwidoe/GroupMixer backend/core/src/solver5/targets/
 *     solver5_supplementary_literature_targets.v1.json (Appendix B rows for 11 to 20 groups, with the
 *     construction, the bound MAX and the rounds r; its 12-group row of groups of 4 writes RGDD(44,4,3)
 *     for RGDD(48,4,3));
 *   - MVA-10: the same repository, solver5_target_matrix.v1.json (commit 03ec2fb, heuristic_target_rows:
 *     "best-known constructive reference values", 10 groups or fewer; it names no source per cell, and its
 *     figures for 5 to 7 in a group are those of the RTDs) and, for 50/5 and 60/6, the
 *     paper's constructions it ships (catalog/ritd.rs: RITD(10,2;5)+G(1), 9 rounds, from MVA Figure 8;
 *     catalog/ownsg.rs and docs: ownSG(60,6), 7 rounds, MVA Appendix A).
 */

export type KnownStatus = 'optimal' | 'published' | 'beyond';

export interface KnownInstance {
  /** People and group size. */
  n: number;
  s: number;
  best: number;
  /** The best published figure (= best unless status is 'beyond'). */
  published: number;
  upper: number;
  status: KnownStatus;
  source: string;
}

/** floor((n - 1)/(s - 1)): each round a person meets s - 1 people they have not met. */
export const countingBound = (n: number, s: number) => Math.floor((n - 1) / (s - 1));

const OEIS = 'OEIS A107431 (Harvey results page)';
const KTS = 'Kirkman triple system: v ≡ 3 mod 6 (Ray-Chaudhuri & Wilson 1971)';
const NKTS = 'nearly Kirkman triple system: v ≡ 0 mod 6, v ≥ 18 (Baker & Wilson 1977)';
const RBIBD4 = 'resolvable (v,4,1)-BIBD: v ≡ 4 mod 12 (Hanani, Ray-Chaudhuri & Wilson 1972)';
const RGDD3 = '4-RGDD of type 3^u, everyone misses 2';
/** k groups of s from s - 1 MOLS of order k (a resolvable transversal design). */
const rtd = (s: number, k: number) => `RTD(${s},${k}) (${s - 1} MOLS of order ${k})`;

type Row = [n: number, s: number, best: number, status: KnownStatus, source: string, provenMax?: number, published?: number];

const table: Row[] = [
  // groups of 3: Kirkman systems reach the bound (v - 1)/2, nearly Kirkman ones floor((v - 1)/2)
  [9, 3, 4, 'optimal', 'AG(2,3)'],
  [12, 3, 4, 'optimal', `${OEIS} T(4,3) = 4: no NKTS(12)`, 4],
  [15, 3, 7, 'optimal', KTS],
  [18, 3, 8, 'optimal', NKTS],
  [21, 3, 10, 'optimal', KTS],
  [24, 3, 11, 'optimal', NKTS],
  [27, 3, 13, 'optimal', KTS],
  [30, 3, 14, 'optimal', NKTS],
  [33, 3, 16, 'optimal', KTS],
  [36, 3, 17, 'optimal', NKTS],
  [39, 3, 19, 'optimal', KTS],
  [42, 3, 20, 'optimal', NKTS],
  [45, 3, 22, 'optimal', KTS],
  [48, 3, 23, 'optimal', NKTS],
  [51, 3, 25, 'optimal', KTS],
  [54, 3, 26, 'optimal', NKTS],
  [57, 3, 28, 'optimal', KTS],
  [60, 3, 29, 'optimal', NKTS],
  [63, 3, 31, 'optimal', KTS],
  // groups of 4
  [16, 4, 5, 'optimal', 'AG(2,4)'],
  [20, 4, 5, 'optimal', `${OEIS} T(5,4) = 5, proven maximum`, 5],
  [24, 4, 7, 'optimal', `${OEIS} T(6,4) = 7; ${RGDD3}`],
  [28, 4, 9, 'optimal', `${OEIS} T(7,4) = 9; ${RBIBD4}`],
  [32, 4, 10, 'optimal', 'Aguado 2004, 8-4-10 (Triska\u2019s SGP page)'],
  [36, 4, 11, 'optimal', `${RGDD3} (turning.ts)`],
  [40, 4, 13, 'optimal', RBIBD4],
  [44, 4, 14, 'optimal', 'MVA-B: RGDD(44,4,2), r = MAX = 14; 4-RGDD of type 2^22 (multiplier.ts)'],
  [48, 4, 15, 'optimal', 'MVA-B: RGDD(48,4,3), r = MAX = 15; 4-RGDD of type 3^16 (multiplier.ts)'],
  [52, 4, 17, 'optimal', RBIBD4],
  [56, 4, 18, 'optimal', 'MVA-B: RGDD(56,4,2), r = MAX = 18; 4-RGDD of type 2^28 (multiplier.ts)'],
  [60, 4, 19, 'optimal', `${RGDD3} (turning.ts)`],
  [64, 4, 21, 'optimal', 'AG(3,4)'],
  // groups of 5
  [25, 5, 6, 'optimal', 'AG(2,5)'],
  [30, 5, 6, 'optimal', `${OEIS} T(6,5) = 6, proven maximum`, 6],
  [35, 5, 7, 'published', `${OEIS}: T(7,5) is 7 or 8`, 8],
  [40, 5, 8, 'published', `MVA-10: 8-5 = 8; ${rtd(5, 8)}`],
  [45, 5, 9, 'published', `MVA-10: 9-5 = 9; ${rtd(5, 9)}; 11 needs an RBIBD(45,5,1), open`],
  [50, 5, 10, 'beyond', 'MVA-10: RITD(10,2;5)+G(1) = 9; ours: 9 Latin rectangles 5x10 over Z_10 and the rows (latin.ts)', undefined, 9],
  [55, 5, 11, 'published', `MVA-B: RTD(5,11), r = 11, MAX = 13; ${rtd(5, 11)}`],
  [60, 5, 12, 'published', `MVA-B: RTD(5,12), r = 12, MAX = 14; ${rtd(5, 12)}`],
  // groups of 6 to 8
  [36, 6, 3, 'optimal', `${OEIS} T(6,6) = 3: no 2 MOLS of order 6`, 3],
  [42, 6, 7, 'published', `MVA-10: 7-6 = 7; ${rtd(6, 7)}`],
  [48, 6, 8, 'published', `MVA-10: 8-6 = 8; ${rtd(6, 8)}`],
  [54, 6, 9, 'published', `MVA-10: 9-6 = 9; ${rtd(6, 9)}`],
  [60, 6, 8, 'beyond', 'MVA-10: ownSG(60,6) = 7; ours: 8 Latin rectangles 6x10 over Z_10 (latin.ts)', undefined, 7],
  [49, 7, 8, 'optimal', 'AG(2,7)'],
  [56, 7, 8, 'published', `MVA-10: 8-7 = 8; ${rtd(7, 8)}`],
  [63, 7, 9, 'published', `MVA-10: 9-7 = 9; ${rtd(7, 9)}`],
  [64, 8, 9, 'optimal', 'AG(2,8)'],
];

export const GOLFER_KNOWN: KnownInstance[] = table.map(([n, s, best, status, source, provenMax, published]) => ({
  n,
  s,
  best,
  published: published ?? best,
  upper: provenMax ?? countingBound(n, s),
  status,
  source,
}));
