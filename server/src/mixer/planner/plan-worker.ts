import { parentPort } from 'node:worker_threads';
import { planRound, type PlanRoundInput } from '../engine/round';
import { planSchedule, type PlanScheduleInput } from '../engine/schedule';

export type PlanJob = { kind: 'round'; input: PlanRoundInput } | { kind: 'schedule'; input: PlanScheduleInput };

/** Runs the engine off the main thread: one job in, one plan out. */
parentPort?.on('message', ({ id, job }: { id: number; job: PlanJob }) => {
  try {
    const result = job.kind === 'round' ? planRound(job.input) : planSchedule(job.input);
    parentPort!.postMessage({ id, result });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
