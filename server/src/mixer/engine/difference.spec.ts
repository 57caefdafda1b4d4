import { bestDesign, isResolvableRepeatFree } from './designs';
import { addG, DIFFERENCE_MATRIX_12, ORDER, twelveGroups } from './difference';

describe('transversal designs of order 12 from a difference matrix', () => {
  it('any two rows of the matrix differ by every element of Z_2 x Z_2 x Z_3 once', () => {
    const neg = (x: number) => Array.from({ length: ORDER }, (_, y) => y).find((y) => addG(x, y) === 0)!;
    for (let a = 0; a < DIFFERENCE_MATRIX_12.length; a++)
      for (let b = a + 1; b < DIFFERENCE_MATRIX_12.length; b++) {
        const diffs = new Set(DIFFERENCE_MATRIX_12[a].map((x, j) => addG(x, neg(DIFFERENCE_MATRIX_12[b][j]))));
        expect(diffs.size).toBe(ORDER);
      }
  });

  it('gives 12 groups of s repeat-free for 12 rounds, one more when the rows split into groups of s', () => {
    for (const s of [2, 3, 4, 5]) {
      const d = twelveGroups(s)!;
      expect([s, d.length]).toEqual([s, ORDER % s === 0 ? 13 : 12]);
      expect(d.every((round) => round.length === ORDER && round.every((g) => g.length === s))).toBe(true);
      expect(isResolvableRepeatFree(d, 12 * s)).toBe(true);
    }
    expect(twelveGroups(6)).toBeNull();
    expect(bestDesign(48, 4)).toHaveLength(15); // 13 from twelveGroups(4); the 4-RGDD of multiplier.ts has 15
    expect(bestDesign(60, 5)).toHaveLength(12);
  });
});
