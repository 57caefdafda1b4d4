/**
 * Social golfer instances up to 64 people (groups of 3 to 8, every group full): the best known number
 * of repeat-free rounds and where that figure comes from, for the table of `npm run bench:mixer`.
 *
 * `upper` is the most rounds possible: the counting bound floor((n - 1)/(s - 1)) (each round a person
 * meets s - 1 new people), or a smaller proven maximum where one is published.
 * `best` is the most rounds a schedule is known to reach, and `status` says how sure that figure is:
 * - 'optimal': best = upper, so no table can hold more (a design reaching the counting bound, or a
 *   maximum proven in the literature, as quoted by OEIS A107431);
 * - 'published': a published best known figure below the upper bound, read in OEIS A107431;
 * - 'construction': what a known construction gives. The published tables (Harvey's results page,
 *   Triska's thesis, Miller, Valkov & Abel 2026 for up to 150 people) could not be read from here, so
 *   their figure may be higher; this is the best we could check, not a checked published figure.
 */

export type KnownStatus = 'optimal' | 'published' | 'construction';

export interface KnownInstance {
  /** People and group size. */
  n: number;
  s: number;
  best: number;
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

type Row = [n: number, s: number, best: number, status: KnownStatus, source: string, provenMax?: number];

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
  [44, 4, 12, 'construction', `Z_12 x 3 + 8 (orbit-local.ts); ${rtd(4, 11)} gives 11`],
  [48, 4, 13, 'construction', 'RTD(4,12) and the rows (difference.ts)'],
  [52, 4, 17, 'optimal', RBIBD4],
  [56, 4, 16, 'construction', `Z_16 x 3 + 8 (orbit-local.ts); ${rtd(4, 14)} gives 14`],
  [60, 4, 19, 'optimal', `${RGDD3} (turning.ts)`],
  [64, 4, 21, 'optimal', 'AG(3,4)'],
  // groups of 5
  [25, 5, 6, 'optimal', 'AG(2,5)'],
  [30, 5, 6, 'optimal', `${OEIS} T(6,5) = 6, proven maximum`, 6],
  [35, 5, 7, 'published', `${OEIS}: T(7,5) is 7 or 8`, 8],
  [40, 5, 8, 'construction', rtd(5, 8)],
  [45, 5, 9, 'construction', `${rtd(5, 9)}; 11 needs an RBIBD(45,5,1), open`],
  [50, 5, 10, 'construction', '9 Latin rectangles 5x10 over Z_10 and the rows (latin.ts)'],
  [55, 5, 11, 'construction', rtd(5, 11)],
  [60, 5, 12, 'construction', rtd(5, 12)],
  // groups of 6 to 8
  [36, 6, 3, 'optimal', `${OEIS} T(6,6) = 3: no 2 MOLS of order 6`, 3],
  [42, 6, 7, 'construction', rtd(6, 7)],
  [48, 6, 8, 'construction', rtd(6, 8)],
  [54, 6, 9, 'construction', rtd(6, 9)],
  [60, 6, 8, 'construction', '8 Latin rectangles 6x10 (latin.ts)'],
  [49, 7, 8, 'optimal', 'AG(2,7)'],
  [56, 7, 8, 'construction', rtd(7, 8)],
  [63, 7, 9, 'construction', rtd(7, 9)],
  [64, 8, 9, 'optimal', 'AG(2,8)'],
];

export const GOLFER_KNOWN: KnownInstance[] = table.map(([n, s, best, status, source, provenMax]) => ({
  n,
  s,
  best,
  upper: provenMax ?? countingBound(n, s),
  status,
  source,
}));
