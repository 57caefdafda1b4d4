import { bestDesign, isResolvableRepeatFree } from './designs';
import { developMultiplier, MULTIPLIER_BASES, multiplierBase, multiplierDesign } from './multiplier';

/** Pairs that never meet in a design, as sorted "p-q" keys. */
function neverMet(d: number[][][], n: number): Set<string> {
  const met = new Set<string>();
  for (const round of d) for (const g of round) for (const p of g) for (const q of g) if (p < q) met.add(`${p}-${q}`);
  const missing = new Set<string>();
  for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) if (!met.has(`${p}-${q}`)) missing.add(`${p}-${q}`);
  return missing;
}

describe('resolvable GDDs on Z_m x 3 with a multiplier', () => {
  it('each stored base round gives repeat-free rounds, each a partition into groups of 4, at the counting bound', () => {
    for (const b of MULTIPLIER_BASES) {
      const design = developMultiplier(b, b.base);
      expect([b.n, design.length]).toEqual([b.n, Math.floor((b.n - 1) / (b.s - 1))]);
      expect(isResolvableRepeatFree(design, b.n)).toBe(true);
      for (const round of design) expect(round.every((g) => g.length === b.s)).toBe(true);
    }
  });

  it('everyone misses exactly their partners: one for 44 and 56 (type 2^u), two for 48 (type 3^16)', () => {
    for (const b of MULTIPLIER_BASES) {
      const missing = neverMet(developMultiplier(b, b.base), b.n);
      const perPerson = new Array<number>(b.n).fill(0);
      for (const key of missing) for (const p of key.split('-')) perPerson[Number(p)]++;
      const partners = b.partners === 'half' ? 1 : 2;
      expect([b.n, new Set(perPerson)]).toEqual([b.n, new Set([partners])]);
    }
  });

  it('the search finds each stored base round again from scratch with its seed and node budget', () => {
    for (const b of MULTIPLIER_BASES) expect([b.n, multiplierBase(b, b.nodes, b.seed)]).toEqual([b.n, b.base]);
  });

  it('returns null when the budget runs out, and a shape that does not add up has no base round', () => {
    const b = MULTIPLIER_BASES.find((x) => x.n === 56)!;
    expect(multiplierBase(b, 10, b.seed)).toBeNull();
    expect(multiplierBase({ ...b, n: 57 }, 10_000, 1)).toBeNull();
  });

  it('the planner uses them: 44, 48 and 56 in groups of 4 get 14, 15 and 18 rounds', () => {
    expect(multiplierDesign(44, 5)).toBeNull();
    for (const [n, rounds] of [
      [44, 14],
      [48, 15],
      [56, 18],
    ]) {
      const design = bestDesign(n, 4, rounds)!;
      expect([n, design.length]).toEqual([n, rounds]);
      expect(isResolvableRepeatFree(design, n)).toBe(true);
    }
  });
});
