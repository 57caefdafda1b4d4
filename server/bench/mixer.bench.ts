/**
 * Mixer engine benchmark: `npm run bench:mixer` (add `-- golfer` for the social-golfer table only,
 * `-- rounds` for the single rounds only). Single rounds for large events (with 10 earlier rounds of
 * history): uniform rooms and skewed (Zipf-like tags and companies, the largest company ~15% of the
 * room); multi-round schedules; the best known social-golfer instances up to 64 people.
 * Times: wall clock and this process's CPU time (the machine may be shared).
 */
import { planRound } from '../src/mixer/engine/round';
import { GOLFER_KNOWN } from './golfer-known';
import { smallRoomRate } from './small-rooms';
import { planSchedule } from '../src/mixer/engine/schedule';
import { groupSizes } from '../src/mixer/engine/sizes';
import { historyOf, largestCompany, randomBaseline, randomHistory, skewedPeople, syntheticPeople } from '../src/mixer/engine/test-util';
import type { Mode, Person } from '../src/mixer/engine/types';

const only = process.argv[2];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Row {
  case: string;
  people: number;
  group: number;
  mode: string;
  'ms/round': string;
  repeats: number;
  'repeat-free': string;
  'shared/pair': string;
  random: string;
  colleagues: number;
}

const rows: Row[] = [];

function roundRow(n: number, mode: Mode, skewed = false) {
  const people: Person[] = skewed ? skewedPeople(n, 11) : syntheticPeople(n, 11);
  const history = randomHistory(people, 10, 4, 12);
  const settings = { groupSize: 4, mode, separateColleagues: true, seed: 1 };
  for (let i = 0; i < 3; i++) planRound({ people, settings: { ...settings, seed: 100 + i }, history }); // warm up the JIT
  const times: number[] = [];
  const cpus: number[] = [];
  let res = planRound({ people, settings, history });
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const c = cpuMs();
    res = planRound({ people, settings: { ...settings, seed: i + 1 }, history });
    times.push(performance.now() - t);
    cpus.push(cpuMs() - c);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const largest = largestCompany(people);
  const groups = groupSizes(n, 4).length;
  rows.push({
    case: `round +10 history${skewed ? ` skewed (largest company ${largest} for ${groups} groups)` : ''}`,
    people: n,
    group: 4,
    mode,
    'ms/round': `${times[2].toFixed(0)} (cpu ${cpus[2].toFixed(0)})`,
    repeats: res.stats.repeatPairs,
    'repeat-free': `${res.stats.repeatFreeRounds}/1`,
    'shared/pair': res.stats.meanSharedInterests.toFixed(2),
    random: `${randomBaseline(people, 4).toFixed(2)} (x${(res.stats.meanSharedInterests / randomBaseline(people, 4)).toFixed(2)})`,
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
  const res = planSchedule({
    people,
    settings: { groupSize: g, seed: 1, timeLimitMs: 10000, separateColleagues: withData },
    rounds,
    history,
  });
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

if (only !== 'golfer') {
  for (const n of [1000, 5000]) for (const mode of ['similar', 'diverse'] as const) roundRow(n, mode);
  for (const n of [1000, 5000]) for (const mode of ['similar', 'diverse'] as const) roundRow(n, mode, true);
}
if (!only) {
  smallRoomRate();
  scheduleRow(15, 3, 7);
  scheduleRow(100, 4, 25);
  scheduleRow(100, 4, 33);
  scheduleRow(81, 3, 40);
  scheduleRow(100, 4, 25, true);
  scheduleRow(60, 4, 8, true);
  scheduleRow(16, 4, 8, true, true);
  scheduleRow(15, 3, 8, true, true);
  scheduleRow(25, 5, 8, true, true);
}
if (rows.length) console.table(rows);
if (only !== 'rounds') golferTable();

/**
 * Social golfer instances up to 64 people in groups of 3 to 8 (golfer-known.ts: the best known number
 * of repeat-free rounds, how sure that figure is and its source, and the most rounds possible). The
 * planner is asked for the best known number (asking for more would spend the whole 10 s on each).
 * Each instance runs on a step budget of 20M (56/4 needs about 15M for its 14th round; instances that
 * end early are unchanged by it); the clock is a safety cap.
 */
function golferTable() {
  const table: Array<Record<string, string | number>> = [];
  let reached = 0;
  let known = 0;
  const started = performance.now();
  for (const { n, s: g, best, upper, status, source } of GOLFER_KNOWN) {
    const people = syntheticPeople(n, 21, 12);
    const t = performance.now();
    const res = planSchedule({
      people,
      settings: { groupSize: g, seed: 1, separateColleagues: true, searchSteps: 20_000_000, timeLimitMs: 10_000 },
      rounds: best,
    });
    const ms = performance.now() - t;
    known++;
    if (res.stats.repeatFreeRounds >= best) reached++;
    table.push({
      instance: `${n}/${g}`,
      'best known': best,
      status,
      'most possible': upper,
      source,
      reached: res.stats.repeatFreeRounds,
      ok: res.stats.repeatFreeRounds >= best ? 'yes' : 'no',
      ms: ms.toFixed(0),
      colleagues: res.stats.colleaguePairs,
      'shared/pair': res.stats.meanSharedInterests.toFixed(2),
    });
  }
  const count = (st: string) => GOLFER_KNOWN.filter((k) => k.status === st).length;
  console.log(
    `social golfer table: ${count('optimal')} optimal (best known = most possible), ${count('published')} published below the bound, ` +
      `${count('construction')} from a construction (published figure not checked); ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.table(table);
  console.log(`social golfer: ${reached} of ${known} instances with a best known value reach it`);
}
