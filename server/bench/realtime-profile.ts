/** The bench's side of profiling one round start in the Mingle server (see realtime-hooks.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session, type Profiler } from 'node:inspector';
import { waitUntil, type BenchServer } from './realtime-tools';

export async function startProfile({ pid, hooks }: BenchServer): Promise<void> {
  process.kill(pid, 'SIGWINCH');
  await waitUntil(() => existsSync(join(hooks, 'profiling')), 10_000, 'the server did not start profiling');
}

/**
 * Stops profiling and answers the functions that took the most time of their own, then Mingle's own
 * functions (server/dist) by the time spent in them and what they called (synchronous stretches only).
 */
export async function stopProfile({ pid, hooks }: BenchServer, round: number, top = 10): Promise<string[]> {
  process.kill(pid, 'SIGWINCH');
  const file = join(hooks, `start-${round}.cpuprofile`);
  await waitUntil(() => existsSync(file), 10_000, 'the server wrote no profile');
  return summarize(JSON.parse(readFileSync(file, 'utf8')) as Profiler.Profile, file, top);
}

/** Profiles the bench's own process (its phones) while `work` runs, and answers its top functions as `stopProfile` does. */
export async function profileHere(work: () => Promise<void>, top = 12): Promise<string[]> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string) =>
    new Promise<T>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result as T))));
  await post('Profiler.enable');
  await post('Profiler.start');
  const failed = await work().then(
    () => null,
    (error: unknown) => ({ error }),
  );
  const { profile } = await post<Profiler.StopReturnType>('Profiler.stop');
  session.disconnect();
  if (failed) throw failed.error;
  return summarize(profile, 'the bench process', top);
}

function summarize(profile: Profiler.Profile, file: string, top: number): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id] as const)));
  const selfMs = new Map<string, number>();
  const totalMs = new Map<string, number>();
  const add = (into: Map<string, number>, name: string, ms: number) => into.set(name, (into.get(name) ?? 0) + ms);
  // A sample lasts until the next one (the first delta is the profiler's own start-up).
  profile.samples!.slice(0, -1).forEach((id, i) => {
    const ms = profile.timeDeltas![i + 1]! / 1000;
    add(selfMs, nameOf(byId.get(id)!.callFrame), ms);
    const ours = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (/\/server\/dist[^/]*\//.test(frame.url)) ours.add(nameOf(frame));
    }
    ours.forEach((name) => add(totalMs, name, ms));
  });
  const idle = selfMs.get('(idle)') ?? 0;
  selfMs.delete('(idle)');
  const busy = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const rank = (times: Map<string, number>) =>
    [...times.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${name}`);
  return [
    `${busy.toFixed(0)} ms busy, ${idle.toFixed(0)} ms idle (${file}); self time:`,
    ...rank(selfMs),
    ...(totalMs.size ? ['Mingle functions, with what they called:', ...rank(totalMs)] : []),
  ];
}

function nameOf({ functionName, url, lineNumber }: Profiler.ProfileNode['callFrame']): string {
  const where = url ? ` ${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'}${where}`;
}
