import { bestDesign, isResolvableRepeatFree } from './designs';
import { developRectangles, RECTANGLES, rectangles } from './latin';

describe('schedules from Latin rectangles over Z_10', () => {
  it('each stored set of rectangles gives repeat-free rounds, each a partition into groups of s', () => {
    for (const r of RECTANGLES) {
      const design = developRectangles(r);
      expect(isResolvableRepeatFree(design, r.s * r.k)).toBe(true);
      for (const round of design) expect(round.every((g) => g.length === r.s)).toBe(true);
    }
  });

  it('50 in groups of 5 get 10 rounds (9 and the rows), 60 in groups of 6 get 8', () => {
    expect(rectangles(50, 5)).toHaveLength(10);
    expect(rectangles(60, 6)).toHaveLength(8);
    expect(rectangles(40, 5)).toBeNull();
    expect(bestDesign(50, 5, 10)).toHaveLength(10);
    expect(bestDesign(60, 6, 8)).toHaveLength(8);
  });

  it('two rectangles whose difference repeats a value make rounds that repeat a pair', () => {
    const bad = { s: 5, k: 10, rows: [RECTANGLES[0].rows[0], [0, 1, 1, 2, 3]] };
    expect(isResolvableRepeatFree(developRectangles(bad), 50)).toBe(false);
  });
});
