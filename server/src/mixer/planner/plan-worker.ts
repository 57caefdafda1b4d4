import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { planRound, type PlanRoundInput } from '../engine/round';
import { planSchedule, type PlanScheduleInput } from '../engine/schedule';

export type PlanJob = { kind: 'round'; input: PlanRoundInput } | { kind: 'schedule'; input: PlanScheduleInput };

// On Linux a thread has its own nice value: planning ahead yields the core (a pinned or busy one) to round starts.
// Elsewhere the nice value is the whole process's, so it is left alone.
if (process.platform === 'linux' && (workerData as { background?: boolean } | null)?.background) {
  try {
    setPriority(19);
  } catch {
    // not permitted here: the look-ahead then runs at normal priority
  }
}

/** Runs the engine off the main thread: one job in, one plan out. */
parentPort?.on('message', ({ id, job }: { id: number; job: PlanJob }) => {
  try {
    const result = job.kind === 'round' ? planRound(job.input) : planSchedule(job.input);
    parentPort!.postMessage({ id, result });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
