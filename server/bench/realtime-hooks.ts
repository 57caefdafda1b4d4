/**
 * Loaded into each server the realtime bench runs (`node --import tsx --import ./server/bench/realtime-hooks.ts ...`),
 * answering signals with a file in BENCH_HOOKS (a folder), so the bench knows when each is done:
 * - SIGURG: a full garbage collection, then `gc-N` (memory is read on a collected heap, not on leftovers);
 * - SIGWINCH: the first starts the CPU profiler and writes `profiling`, the next writes `start-N.cpuprofile`,
 *   so a profile covers one round start and nothing else.
 * Both signals do nothing by default, and Nest's shutdown hooks take SIGUSR2.
 */
import { Session, type Profiler } from 'node:inspector';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.BENCH_HOOKS!;
const session = new Session();
session.connect();
let collections = 0;
let profiles = 0;
let profiling = false;

process.on('SIGURG', () => session.post('HeapProfiler.collectGarbage', () => writeFileSync(join(dir, `gc-${++collections}`), '')));

process.on('SIGWINCH', () => {
  if (!profiling) {
    profiling = true;
    session.post('Profiler.enable', () => session.post('Profiler.start', () => writeFileSync(join(dir, 'profiling'), '')));
    return;
  }
  session.post('Profiler.stop', (error, result: Profiler.StopReturnType) => {
    profiling = false;
    rmSync(join(dir, 'profiling'), { force: true });
    if (error) return;
    // written whole, then named: the bench reads it as soon as the name appears
    const file = join(dir, `start-${++profiles}.cpuprofile`);
    writeFileSync(`${file}.part`, JSON.stringify(result.profile));
    renameSync(`${file}.part`, file);
  });
});
