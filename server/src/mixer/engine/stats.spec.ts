import { planSchedule } from './schedule';
import { planStats, statsOfEachRound } from './stats';
import { historyOf, randomHistory, syntheticPeople } from './test-util';
import type { Pair } from './types';

describe('statsOfEachRound', () => {
  it('gives each planned round the stats a start works out for it alone, after the history and the rounds before it', () => {
    const people = syntheticPeople(24, 6, 8);
    const history = randomHistory(people, 2, 4, 7);
    const { rounds } = planSchedule({ people, settings: { groupSize: 4, seed: 5, separateColleagues: true }, rounds: 3, history });
    const each = statsOfEachRound(people, rounds, history, true);
    expect(each).toHaveLength(3);
    const before: Pair[] = [...history];
    rounds.forEach((groups, k) => {
      expect(each[k]).toEqual(planStats(people, [groups], before, 0, true));
      before.push(...historyOf([groups]));
    });
  });

  it('counts a round planned twice as repeats the second time: the rounds before it are history', () => {
    const people = syntheticPeople(12, 3, 8);
    const [first] = planSchedule({ people, settings: { groupSize: 4, seed: 1 }, rounds: 1 }).rounds;
    const [once, twice] = statsOfEachRound(people, [first!, first!], []);
    expect(once!.repeatPairs).toBe(0);
    expect(twice!.repeatPairs).toBe(3 * 6);
  });
});
