import { PlanWorker } from './round-planner';
import type { ScheduleResult } from '../engine/types';

const job = {
  kind: 'schedule' as const,
  input: { people: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], settings: { groupSize: 2 }, rounds: 2 },
};

describe('PlanWorker', () => {
  it('a background worker ends its thread once it has no job left, and starts one again for the next', async () => {
    const worker = new PlanWorker(true);
    try {
      const [first, second] = await Promise.all([worker.run<ScheduleResult>(job), worker.run<ScheduleResult>(job)]);
      expect(first.rounds).toHaveLength(2);
      expect(second.rounds).toHaveLength(2);
      expect(worker.running).toBe(false);
      expect((await worker.run<ScheduleResult>(job)).rounds).toHaveLength(2);
      expect(worker.running).toBe(false);
    } finally {
      await worker.stop();
    }
  }, 30_000);

  it('a live worker keeps its thread between jobs', async () => {
    const worker = new PlanWorker();
    try {
      await worker.run<ScheduleResult>(job);
      expect(worker.running).toBe(true);
    } finally {
      await worker.stop();
    }
    expect(worker.running).toBe(false);
  }, 30_000);
});
