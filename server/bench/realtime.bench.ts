/**
 * Realtime bench (issue #12): N phones in one event; each round the organizer starts it and we time
 * the start request to every phone holding its group, for every round. In the same run a bare
 * socket.io server sends one personal message of the same size to each of N sockets, timed from its
 * trigger request to each socket receiving. Servers run on core 0, this process (every client) on core 1.
 *
 *   npm run bench:realtime                                   (5,000 phones, 3 rounds, 1,000 taps)
 *   BENCH_SIZES=300,1000 BENCH_ROUNDS=3 BENCH_TAPS=300 npm run bench:realtime
 *   BENCH_PROFILE=1 BENCH_SIZES=5000 npm run bench:realtime   (also: the server's top functions per start)
 *   npm run bench:realtime:ci                                (200 phones, 2 rounds, 200 on two nodes: it still works; no timing checked)
 *   BENCH_TWO_NODES=0 npm run bench:realtime                 (no two-node run; by default twice the largest size, when
 *                                                             nginx, PostgreSQL and redis-server are installed)
 *
 * Besides the round starts: a join storm (the phones join over HTTP and connect, spread over 60 s per
 * 5,000), RSS per phone, an arrival storm, and two nodes on PostgreSQL + Redis behind the shipped nginx
 * config with one of them killed mid-round. Everything is printed in one table, each figure with its target.
 *
 * Exits 1 when a phone never holds its group, a join or connection fails, a tap is refused, or a phone of
 * the killed node never connects again.
 */
import { loadavg } from 'node:os';
import { runBaseline, type BaselineFigures } from './realtime-baseline';
import { runMingle, type MingleFigures } from './realtime-mingle';
import { runTwoNodes, twoNodesMissing, type TwoNodeFigures } from './realtime-two-nodes';
import { runTwoBaseline, type TwoBaselineFigures } from './realtime-two-baseline';
import { pinClients, type Spread } from './realtime-tools';

const sizes = (process.env.BENCH_SIZES ?? '5000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const taps = Number(process.env.BENCH_TAPS ?? 1000);
/** the join storm's length: 60 s for 5,000 people, proportionally less for fewer (at least 5 s) */
const joinSeconds = (n: number) => Number(process.env.BENCH_JOIN_SECONDS ?? Math.max(5, Math.round((60 * n) / 5000)));
/** phones on two nodes behind nginx (0: no two-node run); twice the largest one-node size unless set */
const twoNodePhones = Number(process.env.BENCH_TWO_NODES ?? 2 * Math.max(...sizes));
/** profile the Mingle server during each round start and print its top functions */
const profile = process.env.BENCH_PROFILE === '1';

async function main() {
  const pinned = pinClients();
  if (!pinned) console.warn('taskset not found: servers and clients share every core, timings are not comparable to pinned runs');
  const runs: Array<{ n: number; mingle: MingleFigures; baseline: BaselineFigures }> = [];
  for (const n of sizes) {
    const mingle = await runMingle(n, rounds, taps, joinSeconds(n), profile);
    const baseline = await runBaseline(n, rounds, mingle.newsBytes);
    runs.push({ n, mingle, baseline });
  }
  const missing = twoNodePhones > 0 ? twoNodesMissing() : 'BENCH_TWO_NODES=0';
  if (missing) console.warn(`two nodes behind nginx: not run (${missing})`);
  const two: TwoNodeFigures | null = missing ? null : await runTwoNodes(twoNodePhones, rounds, profile);
  // plain socket.io doing the same on this machine: a message the size of a group's news per socket, and
  // after the kill one the size of a phone's snapshot during a round (its lobby snapshot and its group)
  const largest = runs.at(-1)?.mingle;
  const plainTwo: TwoBaselineFigures | null = missing
    ? null
    : await runTwoBaseline(
        twoNodePhones,
        rounds,
        largest?.newsBytes ?? 1000,
        largest ? largest.join.bytesPerPhone.snapshot + largest.newsBytes : 1500,
      );

  // One table: every figure of the run, with its target.
  console.log(
    `\nrealtime bench (servers ${pinned ? 'on core 0, clients on core 1' : 'unpinned'}; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  console.log('phones | figure | Mingle | plain socket.io | ratio or target | met');
  console.log('--- | --- | --- | --- | --- | ---');
  const row = (n: number, figure: string, mingle: string, plain: string, target: string, met: boolean | null) =>
    console.log([n, figure, mingle, plain, target, met === null ? '' : met ? 'yes' : 'NO'].join(' | '));
  for (const { n, mingle, baseline } of runs) {
    mingle.rounds.forEach((r, i) => {
      const plain = baseline.triggers[i]!;
      const ratio = r.held.p99 / plain.p99;
      row(
        n,
        `round ${i + 1} start → every phone holds its group, p50 / p99 / max ms (${r.phones}/${n} holding; HTTP answer ${r.startAnswerMs} ms${
          r.staged ? '' : '; NOT staged ahead'
        })`,
        three(r.held),
        three(plain),
        `${ratio.toFixed(2)} (≤ 1.5)`,
        ratio <= 1.5,
      );
    });
    row(n, 'RSS per connected phone, KB', mingle.kbPerPhone.toFixed(1), baseline.kbPerSocket.toFixed(1), '≤ 25', mingle.kbPerPhone <= 25);
    const j = mingle.join;
    row(
      n,
      `join storm: ${j.phones} joins in ${j.seconds.toFixed(1)} s, errors`,
      `${j.errors}${
        j.errors
          ? ` (${Object.entries(j.errorKinds)
              .map(([kind, count]) => `${count}× ${kind}`)
              .join(', ')})`
          : ''
      }`,
      '',
      '0',
      j.errors === 0,
    );
    row(n, 'join storm: HTTP join answered, p50 / p99 / max ms', three(j.http), '', '', null);
    row(n, 'join storm: join sent → phone holds its snapshot, p50 / p99 / max ms', three(j.inside), '', 'p99 ≤ 300', j.inside.p99 <= 300);
    row(
      n,
      'join storm: bytes per phone during the burst, mean / max (snapshot)',
      `${j.bytesPerPhone.mean} / ${j.bytesPerPhone.max} (${j.bytesPerPhone.snapshot})`,
      '',
      '≤ 5,000',
      j.bytesPerPhone.max <= 5000,
    );
    row(
      n,
      'join storm: last join → console and screen show every phone, ms',
      j.countsRightMs === null ? 'never (10 s)' : String(j.countsRightMs),
      '',
      '≤ 1,000',
      j.countsRightMs !== null && j.countsRightMs <= 1000,
    );
    const s = mingle.storm;
    if (s) {
      row(
        n,
        `arrival storm: ${s.taps} "I'm here" taps in 10 s, ack p50 / p99 / max ms (${s.errors} refused)`,
        three(s.ack),
        '',
        'p99 ≤ 200',
        s.ack.p99 <= 200 && s.errors === 0,
      );
      row(
        n,
        'arrival storm: bytes to the screen / the console / every phone (per phone)',
        `${s.screenBytes} / ${s.consoleBytes} / ${s.phoneBytes} (${Math.round(s.phoneBytes / n)})`,
        '',
        'screen 0',
        s.screenBytes === 0,
      );
    }
    row(n, "a group's news on the wire, bytes", String(mingle.newsBytes), '', '', null);
  }

  if (two) {
    // compared with the largest one-node run of this bench
    const one = runs.at(-1);
    two.rounds.forEach((r, i) => {
      const single = one?.mingle.rounds[i]?.held.p99 ?? NaN;
      const ratio = r.p99 / single;
      row(
        two.phones,
        `two nodes behind nginx (${two.split[0]} + ${two.split[1]} phones): round ${i + 1} start → every phone holds its group, p50 / p99 / max ms${
          two.unstaged.includes(i + 1) ? ' (NOT staged ahead)' : ''
        }`,
        three(r),
        `${plainTwo ? `${three(plainTwo.triggers[i]!)}; ` : ''}${one ? `Mingle on one node, ${one.n} phones: p99 ${single}` : 'no one-node run'}`,
        `${ratio.toFixed(2)} (≤ 2)`,
        ratio <= 2,
      );
    });
    row(
      two.phones,
      "two nodes: CPU from each start request (plain: each trigger) until every phone held its message, node 1 + node 2 (the bench's phones), ms",
      two.startCpuMs.map((c) => `${cpuFigure(c)}, in the second before ${c.before.join(' + ')}`).join('; '),
      plainTwo ? plainTwo.cpuMs.map(cpuFigure).join('; ') : '',
      '',
      null,
    );
    const f = two.failover;
    const pf = plainTwo?.failover;
    row(
      two.phones,
      `two nodes: kill -9 of one mid-round → its ${f.lost} phones hold their group again, p50 / p99 / max ms (${f.notBack} not back while the round ran, ${f.stranded} not connected at all)`,
      three(f.back),
      pf ? `${three(pf.back)} (${pf.lost} sockets, ${pf.notBack} not back in 20 s)` : '',
      'p99 ≤ 2,000',
      f.notBack === 0 && f.lost > 0 && f.back.p99 <= 2000,
    );
    row(
      two.phones,
      'two nodes: CPU the surviving node used from the kill until its new phones were back (or 20 s), ms per phone',
      `${f.survivorCpuMs} (${(f.survivorCpuMs / Math.max(1, f.lost)).toFixed(2)})`,
      pf ? `${pf.survivorCpuMs} (${(pf.survivorCpuMs / Math.max(1, pf.lost)).toFixed(2)})` : '',
      '',
      null,
    );
    const e = two.roundEnd;
    row(
      two.phones,
      `two nodes: that round ended in the database ${e.rows} time(s), ms after it was due (phones told twice: ${e.toldTwice}, never: ${e.neverTold})`,
      e.lateMs === null ? 'never' : String(e.lateMs),
      '',
      'once, ±1,000',
      e.rows === 1 && e.lateMs !== null && Math.abs(e.lateMs) <= 1000 && e.toldTwice === 0 && e.neverTold === 0,
    );
    row(two.phones, 'two nodes: joins and connections refused', String(two.errors), '', '0', two.errors === 0);
    row(two.phones, 'two nodes: highest RSS of each node while the phones connected, MB', two.peakRssMb.join(' / '), '', '', null);
  }

  for (const { n, mingle } of runs)
    if (mingle.joinProfile.length)
      console.log(`\n${n} phones, join storm: the server's own time per function\n${mingle.joinProfile.join('\n')}`);
  for (const { n, mingle } of runs)
    mingle.profiles.forEach((top, i) =>
      console.log(`\n${n} phones, round ${i + 1} start: the server's own time per function\n${top.join('\n')}`),
    );
  for (const { n, mingle } of runs)
    mingle.phonesProfiles.forEach((top, i) =>
      console.log(`\n${n} phones, round ${i + 1} start: the bench's phones' time per function\n${top.join('\n')}`),
    );

  if (two?.connectProfile.length)
    console.log(
      `\n${two.phones} phones on two nodes, while they connected: the first node's time per function\n${two.connectProfile.join('\n')}`,
    );
  if (two?.failoverProfile.length)
    console.log(
      `\ntwo nodes, from the kill until the phones were back: the surviving node's time per function\n${two.failoverProfile.join('\n')}`,
    );
  two?.startProfiles.forEach((nodes, i) =>
    nodes.forEach((top, node) => console.log(`\ntwo nodes, round ${i + 1} start: node ${node + 1}'s time per function\n${top.join('\n')}`)),
  );
  two?.phonesProfiles.forEach((top, i) =>
    console.log(`\ntwo nodes, round ${i + 1} start: the bench's phones' time per function\n${top.join('\n')}`),
  );

  const broken = runs.some(
    ({ n, mingle }) => mingle.errors > 0 || mingle.rounds.some((r) => r.phones < n) || (mingle.storm?.errors ?? 0) > 0,
  );
  const twoBroken = two !== null && (two.errors > 0 || two.rounds.length < rounds || two.failover.stranded > 0);
  if (broken || twoBroken) {
    console.error('\nFAILED: some phone never held its group, or a join, connection or tap failed');
    process.exit(1);
  }
}

const three = (s: Spread) => `${s.p50} / ${s.p99} / ${s.max}`;
const cpuFigure = (c: { nodes: number[]; phones: number }) => `${c.nodes.join(' + ')} (${c.phones})`;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
