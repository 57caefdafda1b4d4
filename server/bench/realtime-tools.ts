/** What both halves of the realtime bench share: processes pinned to a core, their memory, waiting and percentiles. */
import { spawn, spawnSync, execSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = `${__dirname}/../..`;
export const SERVER_CORE = '0';
export const CLIENT_CORE = '1';
/** the built server the bench runs (BENCH_SERVER_DIST: another build, e.g. one of an older commit, to compare) */
export const SERVER_MAIN = `${process.env.BENCH_SERVER_DIST ?? 'server/dist'}/main.js`;

const hasTaskset = spawnSync('taskset', ['--version']).status === 0;

/** Pins this process (every thread of it) to the clients' core; the servers get the other one. */
export function pinClients(): boolean {
  if (!hasTaskset) return false;
  execSync(`taskset -a -pc ${CLIENT_CORE} ${process.pid}`, { stdio: 'ignore' });
  return true;
}

/** A server process of the bench, with the folder where its hooks (realtime-hooks.ts) answer. */
export interface BenchServer {
  child: ChildProcess;
  pid: number;
  hooks: string;
}

/** A node process on the servers' core; taskset execs node, so the pid is node's own (its RSS is the server's). */
export function spawnServer(args: string[], env: Record<string, string>): BenchServer {
  const hooks = mkdtempSync(join(tmpdir(), 'mingle-bench-hooks-'));
  const node = [process.execPath, '--import', 'tsx', '--import', './server/bench/realtime-hooks.ts', ...args];
  const [command, ...argv] = hasTaskset ? ['taskset', '-c', SERVER_CORE, ...node] : node;
  const child = spawn(command!, argv, {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_HOOKS: hooks },
    stdio: ['ignore', process.env.BENCH_DEBUG ? 'inherit' : 'ignore', 'inherit'],
  });
  return { child, pid: child.pid!, hooks };
}

/** Stops the server; its hooks folder stays only when it holds profiles. */
export async function stop({ child, hooks }: BenchServer, keepHooks = false): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  if (!keepHooks) rmSync(hooks, { recursive: true, force: true });
}

export function rssKb(pid: number): number {
  return Number(execSync(`ps -o rss= -p ${pid}`).toString().trim());
}

/** CPU time (user + system) the process has used so far, ms. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second)
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Each server's CPU and this process's (the bench's sockets) from now: call the result to read them, ms. */
export function cpuSince(servers: readonly { pid: number }[]): () => { nodes: number[]; phones: number } {
  const [serversBefore, hereBefore] = [servers.map((server) => cpuMs(server.pid)), process.cpuUsage()];
  return () => {
    const here = process.cpuUsage(hereBefore);
    return {
      nodes: servers.map((server, i) => cpuMs(server.pid) - serversBefore[i]!),
      phones: Math.round((here.user + here.system) / 1000),
    };
  };
}

/** Idle seconds in a row before memory is read: longer than a room must stay still (2 s) before its next rounds are planned. */
const QUIET_SECONDS = 3;

/**
 * RSS at rest: once the server has been idle for QUIET_SECONDS (no work in progress, such as planning
 * the room's next rounds once it is still; at most 30 s), a full GC in it (connecting and joining leave
 * garbage that the next GC would take back), then until two readings half a second apart agree within
 * 1% (or 5 s pass).
 */
export async function settledRssKb(server: BenchServer): Promise<number> {
  const quietBy = Date.now() + 30_000;
  for (let before = cpuMs(server.pid), quiet = 0; quiet < QUIET_SECONDS && Date.now() < quietBy;) {
    await sleep(1000);
    const now = cpuMs(server.pid);
    quiet = now - before < 50 ? quiet + 1 : 0;
    before = now;
  }
  const collections = () => readdirSync(server.hooks).filter((f) => f.startsWith('gc-')).length;
  const before = collections();
  process.kill(server.pid, 'SIGURG');
  await waitUntil(() => collections() > before, 10_000, 'the server did not collect its garbage');
  let last = rssKb(server.pid);
  for (let i = 0; i < 10; i++) {
    await sleep(500);
    const now = rssKb(server.pid);
    if (Math.abs(now - last) <= last / 100) return Math.min(now, last);
    last = now;
  }
  return last;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function waitForHttp(url: string, { child }: BenchServer): Promise<void> {
  await waitUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${url}`);
      try {
        return (await fetch(url)).ok;
      } catch {
        return false;
      }
    },
    30_000,
    `server did not start: ${url}`,
  );
}

/** Polls `done` every 20 ms; false once `ms` pass (or throws `failure` when given). */
export async function waitUntil(done: () => boolean | Promise<boolean>, ms: number, failure?: string): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) {
      if (failure) throw new Error(failure);
      return false;
    }
    await sleep(20);
  }
  return true;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Spread {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

/** Nearest-rank percentiles of latencies in ms. */
export function spread(latencies: number[]): Spread {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { p50: at(50), p99: at(99), max: sorted.at(-1) ?? NaN, count: sorted.length };
}

/** Runs `task` for each item, at most `width` at a time. */
export async function inBatches<T, R>(items: T[], width: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map((x, k) => task(x, i + k)))));
  return out;
}

/** The phone page's reconnection settings (client/src/lib/realtime.ts), for clients through the proxy. */
export const PHONE_RECONNECTION = { reconnectionDelay: 500, reconnectionDelayMax: 2000, randomizationFactor: 0.3, timeout: 5000 };

/** A client of a killed server: when it lost its connection, and when it was back on the other server. */
export interface Returning {
  lostAt: number | null;
  backAt: number | null;
}

/**
 * Kills `victim` with SIGKILL and waits (at most 20 s) until every client it lost is back: when it
 * was killed, each one's time back, how many were lost, and the CPU `survivor` used meanwhile.
 */
export async function failOver(victim: BenchServer, survivor: BenchServer, clients: Returning[]) {
  const cpuBefore = cpuMs(survivor.pid);
  const killedAt = Date.now();
  await new Promise<void>((resolve) => {
    victim.child.once('exit', () => resolve());
    victim.child.kill('SIGKILL');
  });
  const lost = () => clients.filter((c) => c.lostAt !== null);
  await waitUntil(() => lost().length > 0 && lost().every((c) => c.backAt !== null), 20_000);
  const survivorCpuMs = cpuMs(survivor.pid) - cpuBefore;
  return { killedAt, lost: lost().length, backs: lost().flatMap((c) => (c.backAt === null ? [] : [c.backAt - killedAt])), survivorCpuMs };
}
