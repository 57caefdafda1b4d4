import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { PlanScheduleInput } from '../engine/schedule';
import type { ScheduleResult } from '../engine/types';
import { ApiError } from '../../common/api-error';
import { PlanWorker } from './round-planner';

/** Plans waiting behind the one being worked out; one more is refused with a 429. */
export const PLANNER_MAX_WAITING = 4;

/**
 * The console planner's own worker thread and queue. Live rounds and their look-ahead plans have
 * workers of their own (RoundPlanner), so a 2,000-person plan never delays them. Each organizer has
 * at most one plan in the queue at a time. The limits are per server process: they guard this
 * process's CPU, which is why they live in memory.
 */
@Injectable()
export class PlannerQueue implements OnModuleDestroy {
  private readonly worker = new PlanWorker();
  /** organizers with a plan running or waiting */
  private readonly organizers = new Set<string>();

  async plan(organizerId: string, input: PlanScheduleInput): Promise<ScheduleResult> {
    if (this.organizers.has(organizerId))
      throw new ApiError(429, 'planner_busy', 'Your previous plan is still being worked out. Wait for it to finish, then plan again.');
    // The one running now plus the ones waiting behind it.
    if (this.organizers.size > PLANNER_MAX_WAITING)
      throw new ApiError(429, 'planner_full', 'The planner is busy with other plans right now. Try again in a minute.');
    this.organizers.add(organizerId);
    try {
      // The worker takes one message at a time, so jobs posted to it wait their turn in order.
      return await this.worker.run<ScheduleResult>({ kind: 'schedule', input });
    } finally {
      this.organizers.delete(organizerId);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }
}
