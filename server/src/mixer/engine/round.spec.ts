import fc from 'fast-check';
import { planRound } from './round';
import { groupSizes } from './sizes';
import { historyOf, largestCompany, randomBaseline, randomHistory, skewedPeople, syntheticPeople } from './test-util';
import type { Pair, Person } from './types';

const arbInput = fc
  .record({
    n: fc.integer({ min: 0, max: 60 }),
    groupSize: fc.integer({ min: 2, max: 8 }),
    tags: fc.integer({ min: 1, max: 12 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    mode: fc.constantFrom('similar' as const, 'diverse' as const),
    separate: fc.boolean(),
    histRounds: fc.integer({ min: 0, max: 4 }),
    avoidCount: fc.integer({ min: 0, max: 10 }),
  })
  .map((c) => {
    const people = syntheticPeople(c.n, c.seed, c.tags);
    const history = randomHistory(people, c.histRounds, c.groupSize, c.seed + 1);
    const avoid: Pair[] = [];
    for (let i = 0; i + 1 < c.n && avoid.length < c.avoidCount; i += 3) avoid.push([people[i].id, people[(i * 7 + 1) % c.n].id]);
    return { ...c, people, history, avoid: avoid.filter(([a, b]) => a !== b) };
  });

function check(people: Person[], groups: string[][], groupSize: number, avoidSplit = false) {
  const all = groups.flat();
  expect(all.slice().sort()).toEqual(people.map((p) => p.id).sort());
  const sizes = groups.map((g) => g.length);
  const standard = groupSizes(people.length, groupSize);
  // avoid pairs may need more (smaller) groups than the standard layout
  if (avoidSplit) expect(groups.length).toBeGreaterThanOrEqual(standard.length);
  else expect(sizes.slice().sort((a, b) => b - a)).toEqual(standard);
  if (groups.length) {
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
  }
}

describe('planRound properties', () => {
  it('partitions everyone, sizes differ by ≤1 and are ≥2, avoid pairs apart, deterministic', () => {
    fc.assert(
      fc.property(arbInput, (c) => {
        const input = {
          people: c.people,
          settings: { groupSize: c.groupSize, seed: c.seed, mode: c.mode, separateColleagues: c.separate, timeLimitMs: 60000 },
          history: c.history,
          avoid: c.avoid,
        };
        const res = planRound(input);
        if (c.n < 2) {
          expect(res.groups).toEqual([]);
          expect(res.reason).toBeTruthy();
          return;
        }
        // giving up is a failure: with 4 or more people these avoid pairs (a sparse graph) can always be kept apart
        if (c.n < 4 && c.avoid.length > 0 && res.groups.length === 0) {
          expect(res.reason).toMatch(/avoid/);
          return;
        }
        expect(res.reason).toBeUndefined();
        const where = new Map<string, number>();
        res.groups.forEach((g, i) => g.forEach((id) => where.set(id, i)));
        for (const [a, b] of c.avoid) expect(where.get(a)).not.toBe(where.get(b));
        check(c.people, res.groups, c.groupSize, c.avoid.length > 0);
        expect(planRound(input).groups).toEqual(res.groups);
      }),
      { numRuns: 60 },
    );
  });
});

describe('planRound quality', () => {
  it('1,000 people with 10 rounds of history: no repeats, colleagues apart, ≥2x shared interests', () => {
    const people = syntheticPeople(1000, 3);
    const history = randomHistory(people, 10, 4, 4);
    const res = planRound({ people, settings: { groupSize: 4, seed: 1, separateColleagues: true }, history });
    check(people, res.groups, 4);
    expect(res.stats.repeatPairs).toBe(0);
    expect(res.stats.colleaguePairs).toBe(0);
    expect(res.stats.meanSharedInterests).toBeGreaterThanOrEqual(2 * randomBaseline(people, 4));
  });

  it('5,000 people, skewed tags and companies (largest ~15%), 10 rounds of history: rules kept, ≥2.5x shared interests', () => {
    const people = skewedPeople(5000, 11);
    const history = randomHistory(people, 10, 4, 12);
    expect(largestCompany(people)).toBeLessThanOrEqual(groupSizes(5000, 4).length);
    const settings = { groupSize: 4, seed: 1, separateColleagues: true, timeLimitMs: 600_000 };
    const res = planRound({ people, settings, history });
    check(people, res.groups, 4);
    expect(res.stats.repeatPairs).toBe(0);
    expect(res.stats.colleaguePairs).toBe(0);
    expect(res.stats.meanSharedInterests).toBeGreaterThanOrEqual(2.5 * randomBaseline(people, 4));
    const diverse = planRound({ people, settings: { ...settings, mode: 'diverse' }, history });
    expect(diverse.stats.repeatPairs).toBe(0);
    expect(diverse.stats.colleaguePairs).toBe(0);
    expect(diverse.stats.meanSharedInterests).toBeLessThan(0.8 * randomBaseline(people, 4));
  });

  it('similar mode: every group shares an interest; diverse mode: fewer shared, more distinct interests', () => {
    const people = syntheticPeople(200, 5);
    const tagsOf = new Map(people.map((p) => [p.id, p.interests!]));
    const sharesSomething = (g: string[]) =>
      g.some((a, i) => g.slice(i + 1).some((b) => tagsOf.get(a)!.some((t) => tagsOf.get(b)!.includes(t))));
    const distinct = (gs: string[][]) => gs.reduce((s, g) => s + new Set(g.flatMap((id) => tagsOf.get(id)!)).size, 0) / gs.length;
    const sim = planRound({ people, settings: { groupSize: 4, seed: 2, mode: 'similar' } });
    const div = planRound({ people, settings: { groupSize: 4, seed: 2, mode: 'diverse' } });
    expect(sim.groups.every(sharesSomething)).toBe(true);
    expect(distinct(div.groups)).toBeGreaterThan(distinct(sim.groups));
    expect(div.stats.meanSharedInterests).toBeLessThan(randomBaseline(people, 4));
    expect(sim.stats.meanSharedInterests).toBeGreaterThan(div.stats.meanSharedInterests);
  });

  it('successive rounds avoid repeats and prefer pairs who met fewer times / longer ago', () => {
    const people = syntheticPeople(12, 1).map((p) => ({ id: p.id }));
    let history: Pair[] = [];
    for (let r = 0; r < 3; r++) {
      const res = planRound({ people, settings: { groupSize: 3, seed: r }, history });
      expect(res.stats.repeatPairs).toBe(0);
      history = history.concat(historyOf([res.groups]));
    }
    // two people only: they must meet again
    const two = planRound({ people: people.slice(0, 2), settings: { groupSize: 4 }, history: [[people[0].id, people[1].id]] });
    expect(two.groups).toHaveLength(1);
    expect(two.stats.repeatPairs).toBe(1);
    // a, b, c, d in pairs: (a,b) met long ago, (c,d) met recently and (a,c) twice: prefer meeting a-b again... one repeat at most
    const ids = ['a', 'b', 'c', 'd'];
    const res = planRound({
      people: ids.map((id) => ({ id })),
      settings: { groupSize: 2 },
      history: [
        ['a', 'd'],
        ['b', 'c'],
        ['a', 'c'],
        ['b', 'd'],
        ['a', 'c'],
        ['a', 'b'],
        ['c', 'd'],
      ],
    });
    // options: {ab,cd}: ab once (older), cd once (latest); {ac,bd}: ac twice; {ad,bc}: both once, oldest
    expect(res.groups.map((g) => g.slice().sort().join('')).sort()).toEqual(['ad', 'bc']);
  });
});

describe('planRound determinism', () => {
  it('the work is counted, not timed: a machine 10x slower (the clock running 10x fast) plans the same round', () => {
    // The time limit is a safety cap far above the work (10 x this machine's time must stay below it).
    const people = skewedPeople(300, 4);
    const history = randomHistory(people, 5, 4, 6);
    const input = { people, settings: { groupSize: 4, seed: 3, separateColleagues: true, timeLimitMs: 60_000 }, history };
    const here = planRound(input);
    const real = Date.now.bind(Date);
    const t0 = real();
    const slow = jest.spyOn(Date, 'now').mockImplementation(() => t0 + (real() - t0) * 10);
    try {
      const slower = planRound(input);
      expect(slower.stats.ms).toBeLessThan(60_000);
      expect(slower.groups).toEqual(here.groups);
    } finally {
      slow.mockRestore();
    }
  });
});

describe('planRound edge cases', () => {
  const ids = (n: number): Person[] => Array.from({ length: n }, (_, i) => ({ id: `u${i}` }));
  it('0 and 1 people: no groups with a reason', () => {
    for (const n of [0, 1]) {
      const res = planRound({ people: ids(n), settings: { groupSize: 4 } });
      expect(res.groups).toEqual([]);
      expect(res.reason).toMatch(/people|nobody/);
    }
  });
  it('2 and 3 people, group size above N: one group', () => {
    expect(planRound({ people: ids(2), settings: { groupSize: 4 } }).groups).toHaveLength(1);
    expect(planRound({ people: ids(3), settings: { groupSize: 10 } }).groups[0]).toHaveLength(3);
  });
  it('5 people in pairs: 2 groups (3+2), nobody alone', () => {
    const g = planRound({ people: ids(5), settings: { groupSize: 2 } }).groups;
    expect(g.map((x) => x.length).sort()).toEqual([2, 3]);
  });
  it('everyone from one company and nobody with interests still works', () => {
    const people = ids(10).map((p) => ({ ...p, company: ' ACME ' }));
    const res = planRound({ people, settings: { groupSize: 3, separateColleagues: true } });
    check(people, res.groups, 3);
    expect(res.stats.meanSharedInterests).toBe(0);
  });
  it('colleagues apart when possible (company compared trimmed, case-insensitive)', () => {
    const names = ['Acme', ' acme', 'ACME ', '', '', 'Beta', 'beta', 'x', 'y', 'z', 'w', 'v'];
    const people = ids(12).map((p, i) => ({ ...p, company: names[i] }));
    const res = planRound({ people, settings: { groupSize: 4, separateColleagues: true } });
    expect(res.stats.colleaguePairs).toBe(0);
  });
  it('duplicate ids are rejected', () => {
    expect(() => planRound({ people: [{ id: 'a' }, { id: 'a' }], settings: { groupSize: 2 } })).toThrow(/duplicate/);
  });
  it('avoid is hard: splits into more groups if needed, fails with a reason if impossible', () => {
    const split = planRound({ people: ids(4), settings: { groupSize: 4 }, avoid: [['u0', 'u1']] });
    expect(split.groups).toHaveLength(2);
    const none = planRound({ people: ids(3), settings: { groupSize: 3 }, avoid: [['u0', 'u1']] });
    expect(none.groups).toEqual([]);
    expect(none.reason).toMatch(/avoid/);
  });
});
