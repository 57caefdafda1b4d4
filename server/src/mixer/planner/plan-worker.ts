import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { planRound, type PlanRoundInput } from '../engine/round';
import { planSchedule, type PlanScheduleInput } from '../engine/schedule';
import { statsOfEachRound } from '../engine/stats';

/** 'ahead': a schedule with each round's stats, for the plan book. */
export type PlanJob =
  { kind: 'round'; input: PlanRoundInput } | { kind: 'schedule'; input: PlanScheduleInput } | { kind: 'ahead'; input: PlanScheduleInput };

function work(job: PlanJob): unknown {
  if (job.kind === 'round') return planRound(job.input);
  const plan = planSchedule(job.input);
  if (job.kind === 'schedule') return plan;
  const { people, history, settings } = job.input;
  return { ...plan, roundStats: statsOfEachRound(people, plan.rounds, history ?? [], settings.separateColleagues) };
}

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
    parentPort!.postMessage({ id, result: work(job) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
