/**
 * Mixer engine benchmark: `npm run bench:mixer` (add `-- golfer` for the social-golfer table only,
 * `-- rounds` for the single rounds only, `-- help` for gives and asks only, `-- spread` for how schedules spread givers over askers). Single rounds for large events (with 10 earlier rounds of
 * history): uniform rooms and skewed (Zipf-like tags and companies, the largest company ~15% of the
 * room); multi-round schedules; the best known social-golfer instances up to 64 people.
 * Times: wall clock and this process's CPU time (the machine may be shared).
 */
import { planRound } from '../src/mixer/engine/round';
import { GOLFER_KNOWN } from './golfer-known';
import { smallRoomRate } from './small-rooms';
import { planSchedule } from '../src/mixer/engine/schedule';
import { planStats } from '../src/mixer/engine/stats';
import { askSpread } from '../src/mixer/engine/spread';
import { Rng } from '../src/mixer/engine/rng';
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

if (only !== 'golfer' && only !== 'help' && only !== 'spread') {
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
if (only !== 'rounds' && only !== 'help' && only !== 'spread') golferTable();

/**
 * Social golfer instances up to 64 people in groups of 3 to 8 (golfer-known.ts: the best known number
 * of repeat-free rounds, the best published one, how sure that figure is and its source, and the most
 * rounds possible). The planner is asked for the best known number (asking for more would spend the
 * whole 10 s on each). Each instance runs on a step budget of 20M (instances that end early are
 * unchanged by it); the clock is a safety cap.
 */
function golferTable() {
  const table: Array<Record<string, string | number>> = [];
  let reached = 0;
  let known = 0;
  const started = performance.now();
  for (const { n, s: g, best, published, upper, status, source } of GOLFER_KNOWN) {
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
      published,
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
      `${count('beyond')} where our construction beats the published figure; ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.table(table);
  console.log(`social golfer: ${reached} of ${known} instances with a best known value reach it`);
}

/** Gives and asks: 4 topics, each asked by 10% of the room; gives skewed (8%, 4%, 2%, 1% of the room). */
const HELP_TOPICS = ['raising money', 'hiring', 'mentoring', 'customers'];
const GIVE_SHARE = [0.08, 0.04, 0.02, 0.01];

function helpPeople(n: number): Person[] {
  const r = new Rng(31);
  return syntheticPeople(n, 31).map((p) => ({
    ...p,
    asks: HELP_TOPICS.filter(() => r.next() < 0.1),
    gives: HELP_TOPICS.filter((_, t) => r.next() < GIVE_SHARE[t]!),
  }));
}

/** Three rounds planned one after the other (each with the earlier ones as history). */
function threeRounds(people: Person[], plan: (history: ReturnType<typeof historyOf>, round: number) => string[][]) {
  const rounds: string[][][] = [];
  const times: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < 3; r++) {
    const history = historyOf(rounds);
    const t = performance.now();
    const c = cpuMs();
    rounds.push(plan(history, r));
    times.push(performance.now() - t);
    cpus.push(cpuMs() - c);
  }
  const share = (k: number) => {
    const h = planStats(people, rounds.slice(0, k)).help!;
    return `${((100 * h.asksMet) / h.asks).toFixed(0)}%`;
  };
  const mid = (xs: number[]) => xs.slice().sort((a, b) => a - b)[1]!;
  return { round1: share(1), after3: share(3), ms: `${mid(times).toFixed(0)} (cpu ${mid(cpus).toFixed(0)})`, rounds };
}

/** Time of one round as the rounds table above measures it: 10 earlier rounds of history, 3 warm-ups, the median of 5 seeds. */
function roundTime(people: Person[]): string {
  const history = randomHistory(people, 10, 4, 12);
  const settings = { groupSize: 4, mode: 'similar' as const, separateColleagues: true };
  for (let i = 0; i < 3; i++) planRound({ people, settings: { ...settings, seed: 100 + i }, history });
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const c = cpuMs();
    planRound({ people, settings: { ...settings, seed: i + 1 }, history });
    times.push(performance.now() - t);
    cpus.push(cpuMs() - c);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[2]!;
  return `${mid(times).toFixed(0)} (cpu ${mid(cpus).toFixed(0)})`;
}

function randomRounds(people: Person[], seed: number) {
  const r = new Rng(seed);
  return (): string[][] => {
    const ids = r.shuffle(people.map((p) => p.id));
    const sizes = groupSizes(ids.length, 4);
    const out: string[][] = [];
    let at = 0;
    for (const s of sizes) out.push(ids.slice(at, (at += s)));
    return out;
  };
}

function helpTable() {
  const table: Array<Record<string, string | number>> = [];
  for (const n of [500, 1000, 5000]) {
    const people = helpPeople(n);
    const bare = people.map(({ gives: _g, asks: _a, ...p }) => p);
    const settings = { groupSize: 4, mode: 'similar' as const, separateColleagues: true };

    const asks = planStats(people, []).help!.asks;
    const random = threeRounds(people, randomRounds(people, 5));
    const alone = threeRounds(people, (history, r) => planRound({ people: bare, settings: { ...settings, seed: r + 1 }, history }).groups);
    const help = threeRounds(people, (history, r) => planRound({ people, settings: { ...settings, seed: r + 1 }, history }).groups);
    const stats = planStats(people, help.rounds, [], 0, true);
    const aloneStats = planStats(people, alone.rounds, [], 0, true);
    for (const [name, res, st] of [
      ['random grouping', random, null],
      ['interests alone', alone, aloneStats],
      ['interests + help', help, stats],
    ] as const)
      table.push({
        people: n,
        asks,
        grouping: name,
        'asks met, round 1': res.round1,
        'after 3 rounds': res.after3,
        'ms/round': name === 'random grouping' ? '-' : roundTime(name === 'interests alone' ? bare : people),
        repeats: st ? st.repeatPairs : '-',
        colleagues: st ? st.colleaguePairs : '-',
      });
  }
  console.log('gives and asks: 4 topics, each asked by 10% of the room, given by 8%, 4%, 2% and 1%; groups of 4; 3 rounds');
  console.table(table);
}

if (!only || only === 'help') helpTable();

/**
 * Spread in planned schedules (the plan book plans stable rooms' rounds ahead): asks met at least once
 * of those the room allows, and seconds (an ask meeting a giver again while another ask of that topic
 * is never met). One topic: 10 askers and 3 givers in a room of 40; and the generated rooms above.
 */
function spreadTable() {
  const table: Array<Record<string, string | number>> = [];
  // askers and givers drawn at random over the room (its companies are runs of 5-20 people)
  const oneTopic = (n: number, askers: number, givers: number): Person[] => {
    const order = new Rng(n).shuffle(Array.from({ length: n }, (_, i) => i));
    const rank = new Map(order.map((i, k) => [i, k]));
    return syntheticPeople(n, 7).map((p, i) => {
      const k = rank.get(i)!;
      return { ...p, ...(k < askers ? { asks: ['hiring'] } : k < askers + givers ? { gives: ['hiring'] } : {}) };
    });
  };
  const rooms: Array<[string, Person[]]> = [
    ['40 people, 10 ask, 3 give', oneTopic(40, 10, 3)],
    ['100 people, 30 ask, 4 give', oneTopic(100, 30, 4)],
    ['generated', helpPeople(200)],
    ['generated', helpPeople(500)],
  ];
  for (const [name, people] of rooms) {
    const settings = {
      groupSize: 4,
      mode: 'similar' as const,
      separateColleagues: true,
      seed: 1,
      searchSteps: 1_000_000,
      timeLimitMs: 60_000,
    };
    const t = performance.now();
    const res = planSchedule({ people, settings, rounds: 4 });
    const ms = performance.now() - t;
    table.push({
      room: name,
      people: people.length,
      'asks (room allows)': askSpread(people, []).asks,
      'met after 1, 2, 4 rounds': [1, 2, 4].map((k) => askSpread(people, res.rounds.slice(0, k)).met).join(' / '),
      'seconds after 1, 2, 4': [1, 2, 4].map((k) => askSpread(people, res.rounds.slice(0, k)).seconds).join(' / '),
      repeats: res.stats.repeatPairs,
      colleagues: res.stats.colleaguePairs,
      ms: ms.toFixed(0),
    });
  }
  console.log('spread: 4-round schedules in groups of 4 (seed 1, 1M steps)');
  console.table(table);
}

if (!only || only === 'spread') spreadTable();
