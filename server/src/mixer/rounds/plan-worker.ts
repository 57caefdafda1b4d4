import { parentPort } from 'node:worker_threads';
import { planRound, type PlanRoundInput } from '../engine/round';

/** Runs the engine off the main thread: one message in, one plan out. */
parentPort?.on('message', ({ id, input }: { id: number; input: PlanRoundInput }) => {
  try {
    parentPort!.postMessage({ id, result: planRound(input) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
