import fc from 'fast-check';
import { affine, bestDesign, isResolvableRepeatFree, KIRKMAN_15, roundRobin, transversal } from './designs';
import { cyclicRounds, developKirkman, kirkmanTriples } from './kirkman';
import { KIRKMAN_BASES } from './kirkman-bases';
import { orbitDesign, orbitRounds, orbitShape, SHAPES } from './orbits';
import { nearlyRotational, nearlyRotationalFits, rotational, rotationalFits } from './rotational';
import { developTurning, TURNING_BASES, turningBase, turningShape } from './turning';
import { twins32 } from './twins';
import { planSchedule, searchStepsFor, STEPS_PER_MS } from './schedule';
import { groupSizes } from './sizes';
import { planStats } from './stats';
import { historyOf, randomHistory, syntheticPeople } from './test-util';
import type { Pair, Person } from './types';

const ids = (n: number): Person[] => Array.from({ length: n }, (_, i) => ({ id: `u${i}` }));

function checkRounds(people: Person[], rounds: string[][][], groupSize: number) {
  const expected = groupSizes(people.length, groupSize);
  for (const groups of rounds) {
    expect(groups.flat().sort()).toEqual(people.map((p) => p.id).sort());
    expect(groups.map((g) => g.length).sort((a, b) => b - a)).toEqual(expected);
  }
}

describe('designs', () => {
  it('are repeat-free resolvable designs', () => {
    expect(isResolvableRepeatFree(KIRKMAN_15, 15)).toBe(true);
    expect(isResolvableRepeatFree(roundRobin(10), 10)).toBe(true);
    for (const [g, q] of [
      [4, 4],
      [5, 5],
      [4, 25],
      [4, 8],
      [3, 9],
      [8, 8],
      [2, 16],
    ]) {
      const d = transversal(g, q)!;
      expect(d).toHaveLength(g === q ? q + 1 : q);
      expect(isResolvableRepeatFree(d, g * q)).toBe(true);
    }
    expect(bestDesign(15, 3)).toHaveLength(7);
    expect(transversal(4, 6)).toBeNull();
  });

  it('(nearly) Kirkman triple systems and their kin on Z_m x s: 21 people in groups of 3 for 10 rounds, 45 for 22', () => {
    for (const base of KIRKMAN_BASES) {
      const s = base.round[0].length;
      const design = developKirkman(base);
      expect([base.m, s, design.length]).toEqual([base.m, s, cyclicRounds(base.m, s)]);
      expect(isResolvableRepeatFree(design, s * base.m)).toBe(true);
    }
    expect(bestDesign(21, 3)).toHaveLength(10);
    expect(bestDesign(45, 3)).toHaveLength(22);
    // the search itself, on a node budget: KTS(21) from scratch
    const found = kirkmanTriples(7, 1, 2_000_000)!;
    expect(isResolvableRepeatFree(found, 21)).toBe(true);
    expect(found).toHaveLength(10);
  });

  it('affine geometries AG(d,q) give (q^d - 1)/(q - 1) rounds', () => {
    for (const [d, q] of [
      [3, 3],
      [3, 4],
      [4, 3],
      [3, 5],
      [2, 7],
    ]) {
      const design = affine(d, q)!;
      expect(design).toHaveLength((q ** d - 1) / (q - 1));
      expect(isResolvableRepeatFree(design, q ** d)).toBe(true);
    }
    expect(affine(3, 6)).toBeNull();
    expect(bestDesign(216, 6)).toBeNull(); // 6^3, but GF(6) does not exist
    expect(bestDesign(64, 4)).toHaveLength(21);
  });

  it('1-rotational search reaches the bound of (n - 1)/(g - 1) rounds', () => {
    for (const [n, g] of [
      [15, 3],
      [27, 3],
      [33, 3],
      [39, 3],
      [57, 3],
      [28, 4],
      [40, 4],
      [52, 4],
      [76, 4],
    ]) {
      const design = rotational(n, g, 100_000, 7)!;
      expect(design).toHaveLength((n - 1) / (g - 1));
      expect(isResolvableRepeatFree(design, n)).toBe(true);
    }
    // (n - 1)/(g - 1) must be odd, or a multiple of 4 for groups of 3
    expect(rotationalFits(21, 3)).toBe(false);
    expect(rotationalFits(33, 3)).toBe(true);
    expect(rotationalFits(32, 4)).toBe(false);
    expect(rotational(32, 4, 100_000)).toBeNull();
  });
});

describe('nearly Kirkman systems and designs on orbits with fixed people', () => {
  it('two fixed people and two orbits of Z_m: NKTS(n) for n a multiple of 12, (n - 2)/2 rounds', () => {
    for (const n of [24, 36, 48, 60]) {
      const design = nearlyRotational(n, 100_000)!;
      expect(design).toHaveLength((n - 2) / 2);
      expect(isResolvableRepeatFree(design, n)).toBe(true);
    }
    expect(nearlyRotationalFits(30, 3)).toBe(false);
    expect(nearlyRotational(30, 100_000)).toBeNull();
  });

  it('each stored orbit shape gives its number of rounds within 64,000 nodes', () => {
    const best: Record<string, number> = { '18/3': 8, '30/3': 14, '54/3': 26, '24/4': 7, '30/5': 6, '50/5': 8, '44/4': 12, '56/4': 16 };
    for (const [key, shape] of Object.entries(SHAPES)) {
      const n = shape.orbits * shape.m + shape.fixed;
      const design = orbitDesign(shape, 64_000)!;
      expect([key, design.length]).toEqual([key, best[key]]);
      expect(orbitRounds(shape)).toBe(best[key]);
      expect(isResolvableRepeatFree(design, n)).toBe(true);
      expect(orbitShape(n, shape.s)).toBe(shape);
    }
  });

  it('the search finds the stored base of 50/5 from scratch (seed 1, 400,000 nodes)', () => {
    const shape = SHAPES['50/5'];
    expect(orbitDesign({ ...shape, stored: undefined }, 400_000)).toEqual(orbitDesign(shape, 0));
  });

  it('the same node budget and seed give the same design', () => {
    expect(orbitDesign(SHAPES['30/3'], 64_000, 3)).toEqual(orbitDesign(SHAPES['30/3'], 64_000, 3));
    expect(nearlyRotational(36, 100_000, 3)).toEqual(nearlyRotational(36, 100_000, 3));
  });
});

describe('32 in groups of 4 on F_8 x 4', () => {
  it('gives 10 repeat-free rounds, everyone missing only a twin', () => {
    const design = twins32();
    expect(design).toHaveLength(10);
    expect(isResolvableRepeatFree(design, 32)).toBe(true);
    const met = new Map<number, Set<number>>();
    for (const round of design)
      for (const g of round) for (const a of g) for (const b of g) if (a !== b) met.set(a, (met.get(a) ?? new Set()).add(b));
    for (let p = 0; p < 32; p++) expect(met.get(p)!.size).toBe(30);
    expect(bestDesign(32, 4)).toHaveLength(10);
  });
});

describe('designs on Z_N with turned fixed people', () => {
  it('each stored base gives n/(s - 1) - 1 repeat-free rounds, the most possible', () => {
    for (const base of TURNING_BASES) {
      const design = developTurning(base);
      expect([base.n, design.length]).toEqual([base.n, Math.floor((base.n - 1) / (base.s - 1))]);
      expect(isResolvableRepeatFree(design, base.n)).toBe(true);
    }
    expect(bestDesign(36, 4)).toHaveLength(11);
    expect(bestDesign(60, 4)).toHaveLength(19);
  });

  it('the search finds the stored 36/4 base on a small node budget, and only where the shape fits', () => {
    expect(turningBase(36, 4, 1_000)).toEqual(TURNING_BASES.find((b) => b.n === 36));
    expect(turningBase(36, 4, 100)).toBeNull();
    expect(turningShape(32, 4)).toBeNull(); // 32/3 is no whole number
    expect(turningShape(48, 4)).toBeNull(); // R = 15 would not turn the 3 fixed people through all places
    // 40 in groups of 5 fits the shape but has no such base: the search ends having tried everything
    expect(turningShape(40, 5)).not.toBeNull();
    expect(turningBase(40, 5, 1_000_000)).toBeNull();
  });
});

describe('planSchedule targets (social golfer)', () => {
  const cases: Array<[number, number, number]> = [
    [15, 3, 7],
    [16, 4, 5],
    [25, 5, 6],
    [100, 4, 25],
    [100, 4, 33],
    [40, 4, 13],
    [27, 3, 13],
    [81, 3, 40],
    [33, 3, 16],
    [32, 4, 10],
    [12, 2, 11],
    [21, 3, 10],
    [45, 3, 22],
    [18, 3, 8],
    [30, 3, 14],
    [36, 3, 17],
    [54, 3, 26],
    [60, 3, 29],
    [24, 4, 7],
    [36, 4, 11],
  ];
  it.each(cases)('%i people in groups of %i: %i repeat-free rounds', (n, g, r) => {
    const people = ids(n);
    const res = planSchedule({ people, settings: { groupSize: g, seed: 1, searchSteps: 5_000_000, timeLimitMs: 60_000 }, rounds: r });
    checkRounds(people, res.rounds, g);
    expect(res.rounds).toHaveLength(r);
    expect(res.stats.repeatFreeRounds).toBe(r);
    expect(res.stats.repeatPairs).toBe(0);
  });

  it('keeps design optimality while improving interests and colleagues (relabeling)', () => {
    const people = syntheticPeople(16, 9, 8);
    const res = planSchedule({ people, settings: { groupSize: 4, seed: 3, separateColleagues: true }, rounds: 4 });
    expect(res.stats.repeatFreeRounds).toBe(4);
    const plain = planStats(
      people,
      planSchedule({ people: people.map((p) => ({ id: p.id })), settings: { groupSize: 4 }, rounds: 4 }).rounds,
    );
    expect(res.stats.meanSharedInterests).toBeGreaterThanOrEqual(plain.meanSharedInterests);
  });

  it('more rounds than the search makes repeat-free: the plan still leads with the repeat-free rounds it found', () => {
    // 30 in groups of 5 for the counting bound of 7 rounds: a search that spreads its repeats over all
    // 7 rounds led with 2 repeat-free ones; the rounds that stay repeat-free together lead instead
    const people = ids(30);
    const res = planSchedule({ people, settings: { groupSize: 5, seed: 1, searchSteps: 2_000_000, timeLimitMs: 60_000 }, rounds: 7 });
    expect(res.rounds).toHaveLength(7);
    checkRounds(people, res.rounds, 5);
    expect(res.stats.repeatFreeRounds).toBeGreaterThanOrEqual(4);
  });

  it('more rounds than possible: returns all rounds, repeats only after the repeat-free prefix', () => {
    const people = ids(9);
    const res = planSchedule({ people, settings: { groupSize: 3, seed: 1, searchSteps: 300_000, timeLimitMs: 60_000 }, rounds: 6 });
    expect(res.rounds).toHaveLength(6);
    checkRounds(people, res.rounds, 3);
    expect(res.stats.repeatFreeRounds).toBe(4);
    expect(res.stats.repeatPairs).toBe(18); // 6 rounds * 9 pairs - 36 pairs
  });

  it('respects history and avoid', () => {
    const people = ids(16);
    const history = randomHistory(people, 1, 4, 5);
    const avoid: Pair[] = [
      ['u0', 'u1'],
      ['u2', 'u3'],
    ];
    const res = planSchedule({
      people,
      settings: { groupSize: 4, seed: 2, searchSteps: 2_000_000, timeLimitMs: 60_000 },
      rounds: 3,
      history,
      avoid,
    });
    checkRounds(people, res.rounds, 4);
    expect(res.stats.repeatPairs).toBe(0);
    for (const groups of res.rounds) for (const g of groups) expect(g.includes('u0') && g.includes('u1')).toBe(false);
  });

  it('large events are planned round after round', () => {
    const people = syntheticPeople(1500, 2);
    const res = planSchedule({ people, settings: { groupSize: 4, seed: 1, separateColleagues: true }, rounds: 3 });
    checkRounds(people, res.rounds, 4);
    expect(res.stats.repeatFreeRounds).toBe(3);
  });

  it('edge cases: 0/1 people, 2-3 people, one company, no interests', () => {
    expect(planSchedule({ people: ids(1), settings: { groupSize: 2 }, rounds: 2 }).reason).toBeTruthy();
    expect(planSchedule({ people: ids(0), settings: { groupSize: 2 }, rounds: 2 }).rounds).toEqual([]);
    const three = planSchedule({ people: ids(3), settings: { groupSize: 5, searchSteps: 100_000, timeLimitMs: 60_000 }, rounds: 2 });
    expect(three.rounds.map((r) => r.map((g) => g.slice().sort()))).toEqual([[['u0', 'u1', 'u2']], [['u0', 'u1', 'u2']]]);
    expect(three.stats.repeatPairs).toBe(3);
    const same = ids(12).map((p) => ({ ...p, company: 'Acme' }));
    const res = planSchedule({ people: same, settings: { groupSize: 3, separateColleagues: true }, rounds: 3 });
    checkRounds(same, res.rounds, 3);
    expect(res.stats.repeatPairs).toBe(0);
  });
});

describe('planSchedule with history (rounds planned ahead after live rounds)', () => {
  /** n people with interests and companies c0..c2; history = one earlier round of consecutive groups of g. */
  function liveEvent(n: number, g: number) {
    const people: Person[] = Array.from({ length: n }, (_, i) => ({ id: 'p' + i, interests: ['a', 'b'], company: 'c' + (i % 3) }));
    const r1: string[][] = [];
    for (let s = 0; s < n; s += g) r1.push(people.slice(s, s + g).map((p) => p.id));
    return { people, history: historyOf([r1]) };
  }

  it.each<[number, number, number, number]>([
    // n, group size, repeat-free rounds left after one round, rounds asked
    [16, 4, 4, 8],
    [16, 4, 4, 4],
    [25, 5, 5, 8],
    [15, 3, 6, 8],
  ])('%i/%i with one earlier round: the leading %i rounds are repeat-free (asked %i, colleagues separated)', (n, g, free, R) => {
    const { people, history } = liveEvent(n, g);
    const res = planSchedule({
      people,
      settings: { groupSize: g, seed: 2, searchSteps: 2_000_000, timeLimitMs: 60_000, separateColleagues: true, mode: 'similar' },
      rounds: R,
      history,
    });
    expect(res.rounds).toHaveLength(R);
    checkRounds(people, res.rounds, g);
    for (let k = 1; k <= free; k++) expect(planStats(people, res.rounds.slice(0, k), history).repeatPairs).toBe(0);
    if (R > free) expect(planStats(people, res.rounds.slice(0, free + 1), history).repeatPairs).toBeGreaterThan(0);
    expect(res.stats.repeatFreeRounds).toBe(free);
    const truth = planStats(people, res.rounds, history);
    expect(res.stats.repeatPairs).toBe(truth.repeatPairs);
    expect(res.stats.colleaguePairs).toBe(truth.colleaguePairs);
  });

  it('stats are those of the returned rounds, history counted (random small instances)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 24 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 999 }),
        fc.boolean(),
        (n, g, r, h, seed, separateColleagues) => {
          const people = syntheticPeople(n, seed, 8).map((p, i) => ({ ...p, company: 'c' + (i % 3) }));
          const history = randomHistory(people, h, g, seed + 1);
          const res = planSchedule({
            people,
            settings: { groupSize: g, seed, searchSteps: 50_000, timeLimitMs: 60_000, separateColleagues },
            rounds: r,
            history,
          });
          expect(res.reason).toBeUndefined();
          expect(res.rounds).toHaveLength(r);
          const truth = planStats(people, res.rounds, history);
          expect(res.stats.repeatPairs).toBe(truth.repeatPairs);
          expect(res.stats.repeatFreeRounds).toBe(truth.repeatFreeRounds);
          expect(res.stats.colleaguePairs).toBe(truth.colleaguePairs);
          expect(res.stats.meanSharedInterests).toBe(truth.meanSharedInterests);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('planSchedule properties', () => {
  it('partitions, sizes, avoid pairs apart for random small inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 99 }),
        (n, g, r, seed) => {
          const people = syntheticPeople(n, seed, 10);
          const avoid: Pair[] = n >= 6 ? [[people[0].id, people[1].id]] : [];
          const res = planSchedule({
            people,
            settings: { groupSize: g, seed, searchSteps: 50_000, timeLimitMs: 60_000, separateColleagues: true },
            rounds: r,
            avoid,
          });
          // one avoid pair among 6 or more people can always be kept apart: giving up is a failure
          expect(res.reason).toBeUndefined();
          expect(res.rounds).toHaveLength(r);
          for (const groups of res.rounds) {
            expect(groups.flat().sort()).toEqual(people.map((p) => p.id).sort());
            const sizes = groups.map((x) => x.length);
            expect(groups.length).toBeGreaterThanOrEqual(groupSizes(n, g).length);
            expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
            expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
            for (const grp of groups) for (const [a, b] of avoid) expect(grp.includes(a) && grp.includes(b)).toBe(false);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a missed instance ends by its step budget: the same seed gives the same schedule twice', () => {
    // 45 in groups of 5 for 11 rounds: the search does not reach 11, so only the budget can stop it
    const people = syntheticPeople(45, 5, 12);
    const input = {
      people,
      settings: { groupSize: 5, seed: 9, separateColleagues: true, searchSteps: 300_000, timeLimitMs: 60_000 },
      rounds: 11,
    };
    const a = planSchedule(input);
    const b = planSchedule(input);
    expect(a.rounds).toHaveLength(11);
    expect(a.stats.repeatFreeRounds).toBeLessThan(11);
    expect(b.rounds).toEqual(a.rounds);
    // without a step budget it follows from the time limit, so it is still the same twice
    const byLimit = { ...input, settings: { ...input.settings, searchSteps: undefined, timeLimitMs: 3000 } };
    expect(searchStepsFor(byLimit.settings)).toBe(3000 * STEPS_PER_MS);
    expect(planSchedule(byLimit).rounds).toEqual(planSchedule(byLimit).rounds);
  });

  it('is deterministic for a seed (step budget, the clock only a safety cap)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom<[number, number, number]>([16, 4, 3], [20, 4, 4], [18, 3, 3], [14, 2, 5]),
        (seed, [n, g, r]) => {
          const people = syntheticPeople(n, seed, 12);
          const input = {
            people,
            settings: {
              groupSize: g,
              seed,
              mode: 'similar' as const,
              separateColleagues: true,
              searchSteps: 2_000_000,
              timeLimitMs: 60_000,
            },
            rounds: r,
          };
          const a = planSchedule(input);
          expect(a.stats.repeatFreeRounds).toBe(r);
          expect(planSchedule(input).rounds).toEqual(a.rounds);
        },
      ),
      { numRuns: 8 },
    );
  });
});
