/**
 * Realtime bench (issue #12): N phones in one event; each round the organizer starts it and we time
 * the start request to every phone holding its group, for every round. In the same run a bare
 * socket.io server sends one personal message of the same size to each of N sockets, timed from its
 * trigger request to each socket receiving. Servers run on core 0, this process (every client) on core 1.
 *
 *   npm run bench:realtime                                   (5,000 phones, 3 rounds, 1,000 taps)
 *   BENCH_SIZES=300,1000 BENCH_ROUNDS=3 BENCH_TAPS=300 npm run bench:realtime
 *   BENCH_PROFILE=1 BENCH_SIZES=5000 npm run bench:realtime   (also: the server's top functions per start)
 *   npm run bench:realtime:ci                                (200 phones, 1 round: it still works; no timing checked)
 *
 * Exits 1 when a phone never holds its group, a join or connection fails, or a tap is refused.
 */
import { runBaseline, type BaselineFigures } from './realtime-baseline';
import { runMingle, type MingleFigures } from './realtime-mingle';
import { pinClients, type Spread } from './realtime-tools';

const sizes = (process.env.BENCH_SIZES ?? '5000').split(',').map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const taps = Number(process.env.BENCH_TAPS ?? 1000);
/** profile the Mingle server during each round start and print its top functions */
const profile = process.env.BENCH_PROFILE === '1';

async function main() {
  const pinned = pinClients();
  if (!pinned) console.warn('taskset not found: servers and clients share every core, timings are not comparable to pinned runs');
  const runs: Array<{ n: number; mingle: MingleFigures; baseline: BaselineFigures }> = [];
  for (const n of sizes) {
    const mingle = await runMingle(n, rounds, taps, profile);
    const baseline = await runBaseline(n, rounds, mingle.newsBytes);
    runs.push({ n, mingle, baseline });
  }

  console.log(
    `\nround start → every phone holds its group (ms, from the start request; servers ${pinned ? 'on core 0, clients on core 1' : 'unpinned'})`,
  );
  console.log(
    'phones | round | Mingle p50 / p99 / max | holding | HTTP start answer | socket.io p50 / p99 / max | p99 ratio (≤ 1.5) | KB RSS per phone: Mingle / socket.io (≤ 25)',
  );
  console.log('--- | --- | --- | --- | --- | --- | --- | ---');
  for (const { n, mingle, baseline } of runs)
    mingle.rounds.forEach((r, i) => {
      const plain = baseline.triggers[i]!;
      console.log(
        [
          n,
          i + 1,
          three(r.held),
          `${r.phones}/${n}`,
          r.startAnswerMs,
          three(plain),
          (r.held.p99 / plain.p99).toFixed(2),
          `${mingle.kbPerPhone.toFixed(1)} / ${baseline.kbPerSocket.toFixed(1)}`,
        ].join(' | '),
      );
    });
  for (const { n, mingle } of runs)
    console.log(
      `\n${n} phones: joined and connected in ${mingle.connectSeconds.toFixed(1)} s, ${mingle.errors} errors; a group's news is ${mingle.newsBytes} B on the wire`,
    );

  console.log('\narrival storm ("I\'m here" spread over 10 s)');
  console.log(
    'phones | taps | ack p50 / p99 / max ms (p99 ≤ 200) | refused | bytes to the screen | to the console | to all phones (per phone)',
  );
  console.log('--- | --- | --- | --- | --- | --- | ---');
  for (const { n, mingle } of runs) {
    const s = mingle.storm;
    if (s)
      console.log(
        [n, s.taps, three(s.ack), s.errors, s.screenBytes, s.consoleBytes, `${s.phoneBytes} (${Math.round(s.phoneBytes / n)})`].join(' | '),
      );
  }

  for (const { n, mingle } of runs)
    mingle.profiles.forEach((top, i) =>
      console.log(`\n${n} phones, round ${i + 1} start: the server's own time per function\n${top.join('\n')}`),
    );

  const broken = runs.some(
    ({ n, mingle }) => mingle.errors > 0 || mingle.rounds.some((r) => r.phones < n) || (mingle.storm?.errors ?? 0) > 0,
  );
  if (broken) {
    console.error('\nFAILED: some phone never held its group, or a join, connection or tap failed');
    process.exit(1);
  }
}

const three = (s: Spread) => `${s.p50} / ${s.p99} / ${s.max}`;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
