/**
 * Loaded into the Mingle server by the realtime bench when BENCH_PROFILE names a folder
 * (`node --import tsx --import ./server/bench/realtime-profiler.ts server/dist/main.js`): the first
 * SIGWINCH starts the CPU profiler and writes `profiling` there, the next writes `start-N.cpuprofile`,
 * so a profile covers one round start and nothing else. (SIGWINCH: Nest's shutdown hooks take SIGUSR2.)
 */
import { Session, type Profiler } from 'node:inspector';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.BENCH_PROFILE!;
const session = new Session();
session.connect();
let profiles = 0;
let running = false;

process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.start', () => writeFileSync(join(dir, 'profiling'), '')));
    return;
  }
  session.post('Profiler.stop', (error, result: Profiler.StopReturnType) => {
    running = false;
    rmSync(join(dir, 'profiling'), { force: true });
    if (!error) writeFileSync(join(dir, `start-${++profiles}.cpuprofile`), JSON.stringify(result.profile));
  });
});
