/**
 * Mixer engine benchmark: `npm run bench:mixer`. Single rounds for large events (with 10 earlier rounds
 * of history) and multi-round schedules (social golfer instances).
 */
import { planRound } from '../src/mixer/engine/round';
import { planSchedule } from '../src/mixer/engine/schedule';
import { historyOf, randomBaseline, randomHistory, syntheticPeople } from '../src/mixer/engine/test-util';
import type { Mode } from '../src/mixer/engine/types';

interface Row {
  case: string;
  people: number;
  group: number;
  mode: string;
  'ms/round': string;
  repeats: number;
  'repeat-free': string;
  'shared/pair': string;
  'random': string;
  colleagues: number;
}

const rows: Row[] = [];

function roundRow(n: number, mode: Mode) {
  const people = syntheticPeople(n, 11);
  const history = randomHistory(people, 10, 4, 12);
  const settings = { groupSize: 4, mode, separateColleagues: true, seed: 1 };
  planRound({ people: people.slice(0, 200), settings, history }); // warm up the JIT
  const times: number[] = [];
  let res = planRound({ people, settings, history });
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    res = planRound({ people, settings: { ...settings, seed: i + 1 }, history });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  rows.push({
    case: 'round +10 history',
    people: n,
    group: 4,
    mode,
    'ms/round': times[1].toFixed(0),
    repeats: res.stats.repeatPairs,
    'repeat-free': `${res.stats.repeatFreeRounds}/1`,
    'shared/pair': res.stats.meanSharedInterests.toFixed(2),
    random: randomBaseline(people, 4).toFixed(2),
    colleagues: res.stats.colleaguePairs,
  });
}

/** afterOne: one earlier round (consecutive groups) is history, as when planning ahead during a live event. */
function scheduleRow(n: number, g: number, rounds: number, withData = false, afterOne = false) {
  const people = withData ? syntheticPeople(n, 21, 12) : Array.from({ length: n }, (_, i) => ({ id: `p${i}` }));
  const first: string[][] = [];
  for (let s = 0; s < n; s += g) first.push(people.slice(s, s + g).map((p) => p.id));
  const history = afterOne ? historyOf([first]) : [];
  const t = performance.now();
  const res = planSchedule({ people, settings: { groupSize: g, seed: 1, timeLimitMs: 10000, separateColleagues: withData }, rounds, history });
  const ms = performance.now() - t;
  rows.push({
    case: `schedule ${n}/${g} x${rounds}${withData ? ' +data' : ''}${afterOne ? ' after 1' : ''}`,
    people: n,
    group: g,
    mode: withData ? 'similar' : '-',
    'ms/round': `${(ms / rounds).toFixed(0)} (${ms.toFixed(0)} total)`,
    repeats: res.stats.repeatPairs,
    'repeat-free': `${res.stats.repeatFreeRounds}/${rounds}`,
    'shared/pair': withData ? res.stats.meanSharedInterests.toFixed(2) : '-',
    random: withData ? randomBaseline(people, g).toFixed(2) : '-',
    colleagues: res.stats.colleaguePairs,
  });
}

for (const n of [1000, 5000]) for (const mode of ['similar', 'diverse'] as const) roundRow(n, mode);
scheduleRow(15, 3, 7);
scheduleRow(16, 4, 5);
scheduleRow(25, 5, 6);
scheduleRow(100, 4, 25);
scheduleRow(100, 4, 33);
scheduleRow(32, 4, 10);
scheduleRow(36, 4, 11);
scheduleRow(20, 4, 5);
scheduleRow(21, 3, 10);
scheduleRow(27, 3, 13);
scheduleRow(33, 3, 16);
scheduleRow(28, 4, 9);
scheduleRow(40, 4, 13);
scheduleRow(52, 4, 17);
scheduleRow(81, 3, 40);
scheduleRow(30, 3, 12);
scheduleRow(64, 8, 9);
scheduleRow(100, 4, 25, true);
scheduleRow(60, 4, 8, true);
scheduleRow(16, 4, 8, true, true);
scheduleRow(15, 3, 8, true, true);
scheduleRow(25, 5, 8, true, true);
console.table(rows);
