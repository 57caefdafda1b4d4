import { isResolvableRepeatFree } from './designs';
import { localOrbitBases } from './orbit-local';
import { developOrbits, orbitDesign, SHAPES } from './orbits';

describe('local search for the base rounds of an orbit shape', () => {
  it('finds the stored base rounds of 44/4 and 56/4 from scratch (their seeds, step budgets)', () => {
    for (const [key, seed, steps] of [
      ['44/4', 1, 1_300_000],
      ['56/4', 3, 2_900_000],
    ] as const) {
      const shape = SHAPES[key];
      const bases = localOrbitBases({ ...shape, stored: undefined }, steps, seed);
      expect([key, bases]).toEqual([key, shape.stored]);
    }
  });

  it('gives repeat-free rounds, each a partition, for a shape whose classes must all be used (24/4)', () => {
    const shape = { ...SHAPES['24/4'] };
    const bases = localOrbitBases(shape, 200_000, 2)!;
    expect(bases).not.toBeNull();
    const design = developOrbits(shape, bases);
    expect(design).toHaveLength(7);
    expect(isResolvableRepeatFree(design, 24)).toBe(true);
  });

  it('returns null when the budget runs out before a design is found, and the same seed gives the same answer', () => {
    // 60 in groups of 6 on Z_11 x 5 + 5 would be 11 rounds (the counting bound): not found in 20,000 steps
    const shape = { m: 11, orbits: 5, fixed: 5, s: 6, bases: 1, unused: [] as Array<[number, number]> };
    expect(localOrbitBases(shape, 20_000, 1)).toBeNull();
    expect(localOrbitBases(SHAPES['24/4'], 200_000, 5)).toEqual(localOrbitBases(SHAPES['24/4'], 200_000, 5));
  });

  it('the stored shapes develop into repeat-free designs', () => {
    for (const key of ['44/4', '56/4']) {
      const shape = SHAPES[key];
      const n = shape.orbits * shape.m + shape.fixed;
      expect(isResolvableRepeatFree(orbitDesign(shape, 0)!, n)).toBe(true);
    }
  });
});
