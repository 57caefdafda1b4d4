/**
 * Pairs known from the series (they met at an earlier event of it) are a tier of their own: below
 * avoid pairs, this event's repeats and colleagues, above interests. Small rooms are searched
 * exhaustively; larger ones on step budgets (no clocks decide anything here).
 */
import { chooseGroup } from './placement';
import { planRound } from './round';
import { planSchedule } from './schedule';
import type { Pair, Person } from './types';

const person = (id: string, extra: Partial<Person> = {}): Person => ({ id, interests: [], ...extra });
const together = (groups: string[][], a: string, b: string) => groups.some((g) => g.includes(a) && g.includes(b));
const countPairs = (groups: string[][], pairs: Pair[]) => pairs.filter(([a, b]) => together(groups, a, b)).length;

describe('pairs known from the series', () => {
  const four = ['a', 'b', 'c', 'd'].map((id) => person(id));
  const settings = { groupSize: 2, separateColleagues: true, seed: 1 };

  it('keeps a known pair apart when the room allows it, even against shared interests', () => {
    const people = [person('a', { interests: ['ai'] }), person('b', { interests: ['ai'] }), person('c'), person('d')];
    expect(together(planRound({ people, settings }).groups, 'a', 'b')).toBe(true);
    const res = planRound({ people, settings, known: [['a', 'b']] });
    expect(together(res.groups, 'a', 'b')).toBe(false);
  });

  it("takes this event's repeats first: a known pair meets again before anyone repeats tonight", () => {
    // tonight a-c and b-d met; at the last event a-b, c-d, a-d and b-c did
    const history: Pair[] = [
      ['a', 'c'],
      ['b', 'd'],
    ];
    const known: Pair[] = [
      ['a', 'b'],
      ['c', 'd'],
      ['a', 'd'],
      ['b', 'c'],
    ];
    const res = planRound({ people: four, settings, history, known });
    expect(countPairs(res.groups, history)).toBe(0);
    expect(countPairs(res.groups, known)).toBe(2);
  });

  it('keeps colleagues apart before known pairs (colleagues apart is a promise on the form)', () => {
    const people = [person('a', { company: 'SunGrid' }), person('b', { company: 'sun grid' }), person('c'), person('d')];
    const known: Pair[] = [
      ['a', 'c'],
      ['b', 'd'],
      ['a', 'd'],
      ['b', 'c'],
    ];
    const res = planRound({ people, settings, known });
    expect(together(res.groups, 'a', 'b')).toBe(false);
    expect(countPairs(res.groups, known)).toBe(2);
  });

  it('seats a late joiner away from people they know from the series, but not with tonight’s repeat', () => {
    const groups = [
      [person('b'), person('c')],
      [person('d'), person('e')],
    ];
    const base = { person: person('a'), groups, settings: { groupSize: 2 }, maxSize: 3 };
    expect(chooseGroup({ ...base, known: [['a', 'b']] })).toBe(1);
    expect(chooseGroup({ ...base, known: [['a', 'b']], history: [['a', 'd']] })).toBe(0);
  });

  it('a large room (24 people, step budget) meets no known pair, and adds no repeat for it', () => {
    const people = Array.from({ length: 24 }, (_, i) => person(`p${i}`, { interests: [`t${i % 3}`] }));
    // the earlier event: groups of 4 by consecutive ids
    const known: Pair[] = [];
    for (let g = 0; g < 24; g += 4) for (let x = g; x < g + 4; x++) for (let y = x + 1; y < g + 4; y++) known.push([`p${x}`, `p${y}`]);
    const history: Pair[] = [];
    for (let g = 0; g < 6; g++) for (let k = 1; k < 4; k++) history.push([`p${g}`, `p${g + 6 * k}`]);
    const s = { groupSize: 4, separateColleagues: true, seed: 3, searchSteps: 200_000, timeLimitMs: 600_000 };
    const res = planRound({ people, settings: s, history, known });
    expect(res.groups.flat()).toHaveLength(24);
    expect(countPairs(res.groups, history)).toBe(0);
    expect(countPairs(res.groups, known)).toBe(0);
  });

  it('a schedule planned ahead keeps known pairs apart in all its rounds without more repeats', () => {
    const people = Array.from({ length: 16 }, (_, i) => person(`p${i}`));
    const s = { groupSize: 4, seed: 5, searchSteps: 100_000, timeLimitMs: 600_000 };
    const without = planSchedule({ people, settings: s, rounds: 4 });
    // the earlier event seated people as this schedule's first round would
    const known: Pair[] = without.rounds[0]!.flatMap((g) => g.flatMap((x, i) => g.slice(i + 1).map((y): Pair => [x, y])));
    expect(countPairs(without.rounds[0]!, known)).toBe(24);
    const res = planSchedule({ people, settings: s, rounds: 4, known });
    expect(res.rounds).toHaveLength(4);
    expect(res.stats.repeatPairs).toBe(without.stats.repeatPairs);
    expect(countPairs(res.rounds.flat(), known)).toBe(0);
  });

  it('a plan made ahead for a small room starts with the round that meets no known pair', () => {
    // tonight's round 1 was a-c, b-d; at the last event a-b and c-d met; eight rounds are planned ahead
    const history: Pair[] = [
      ['a', 'c'],
      ['b', 'd'],
    ];
    const known: Pair[] = [
      ['a', 'b'],
      ['c', 'd'],
    ];
    for (let seed = 1; seed <= 5; seed++) {
      const res = planSchedule({ people: four, settings: { ...settings, seed, searchSteps: 20_000 }, rounds: 8, history, known });
      expect({ seed, first: res.rounds[0]!.map((g) => g.slice().sort().join('')).sort() }).toEqual({ seed, first: ['ad', 'bc'] });
    }
  });
});
