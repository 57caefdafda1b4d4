import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { planRound, type PlanRoundInput } from '../engine/round';
import type { PlanScheduleInput } from '../engine/schedule';
import type { PlanStats, RoundResult, ScheduleResult } from '../engine/types';
import type { PlanJob } from './plan-worker';

/**
 * A live round is planned on the engine's step budget, so the same room gives the same groups on a
 * fast or a loaded machine; this wall-clock cap is only a safety net far above that work.
 */
export const LIVE_PLAN_SAFETY_MS = 2000;
/** Planning the next rounds together happens in the background and may think longer. */
export const AHEAD_PLAN_BUDGET_MS = 3000;

type Waiting = { resolve: (r: unknown) => void; reject: (e: Error) => void };

/** One worker thread and its queue of jobs. */
export class PlanWorker {
  private worker: Worker | null = null;

  /**
   * A background worker runs at the lowest priority: it takes only CPU that answers and news leave.
   * It also ends once it has no job left, giving back its memory (tens of MB after planning 5,000
   * people) until the next plan, a round later; starting a thread costs that plan a few milliseconds.
   */
  constructor(private readonly background = false) {}

  private next = 1;
  private readonly waiting = new Map<number, Waiting>();
  /** Once stopped, it never starts a thread again: nothing may outlive the app. */
  private stopped = false;

  warm(): void {
    if (!this.stopped) this.worker ??= this.start();
  }

  /** Whether a thread is running now. */
  get running(): boolean {
    return this.worker !== null;
  }

  run<T>(job: PlanJob): Promise<T> {
    if (this.stopped) return Promise.reject(new PlannerClosedError());
    const worker = this.worker ?? this.start();
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (r: unknown) => void, reject });
      worker.postMessage({ id, job });
    });
  }

  private start(): Worker {
    // Compiled: plan-worker.js beside this file. Under ts-jest or tsx: the .ts file through tsx.
    const compiled = __filename.endsWith('.js');
    const file = join(__dirname, compiled ? 'plan-worker.js' : 'plan-worker.ts');
    // Compiled, it needs no loader and takes none of the parent's: a --import of .ts hooks (the bench's) would fail in it.
    const worker = new Worker(file, { execArgv: compiled ? [] : ['--require', 'tsx/cjs'], workerData: { background: this.background } });
    worker.unref();
    worker.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
      const waiting = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if (msg.error !== undefined) waiting?.reject(new Error(msg.error));
      else waiting?.resolve(msg.result);
      if (this.background && !this.waiting.size && this.worker === worker) {
        this.worker = null;
        void worker.terminate();
      }
    });
    const fail = (error: Error) => {
      // a thread that was retired or replaced is no longer this queue's
      if (this.worker !== worker) return;
      this.worker = null;
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && fail(new Error(`planner worker exited with ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** Ends the thread; jobs still waiting fail with PlannerClosedError, and later ones at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    this.worker = null;
    for (const w of this.waiting.values()) w.reject(new PlannerClosedError());
    this.waiting.clear();
    if (worker) await worker.terminate();
  }
}

/** The app is closing: no plan is made any more. */
export class PlannerClosedError extends Error {
  constructor() {
    super('the planner is closed');
  }
}

/**
 * Plans in worker threads so the server keeps answering while the engine thinks: one worker for
 * live rounds, one for planning ahead, so a long look-ahead never delays a round start.
 */
@Injectable()
export class RoundPlanner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly live = new PlanWorker();
  private readonly ahead = new PlanWorker(true);
  private readonly log = new Logger('RoundPlanner');

  /** Starts the live worker at boot, so the first round does not pay for loading it. */
  onApplicationBootstrap(): void {
    this.live.warm();
  }

  async plan(input: PlanRoundInput): Promise<RoundResult> {
    const job: PlanJob = { kind: 'round', input: { ...input, settings: { timeLimitMs: LIVE_PLAN_SAFETY_MS, ...input.settings } } };
    try {
      return await this.live.run<RoundResult>(job);
    } catch (error) {
      // A round must always be plannable: if the worker cannot run, the engine runs inline.
      this.log.warn(`planning in the worker failed (${(error as Error).message}); planning inline`);
      return planRound(job.input);
    }
  }

  /** The next rounds planned together, with each round's stats. */
  planAhead(input: PlanScheduleInput): Promise<ScheduleResult & { roundStats: PlanStats[] }> {
    return this.ahead.run<ScheduleResult & { roundStats: PlanStats[] }>({
      kind: 'ahead',
      input: { ...input, settings: { timeLimitMs: AHEAD_PLAN_BUDGET_MS, ...input.settings } },
    });
  }

  /** Whether any worker thread is running now (a closed app has none). */
  get running(): boolean {
    return this.live.running || this.ahead.running;
  }

  /**
   * Stops both threads for good; safe to call more than once. Work that follows a round start closes
   * it before waiting for itself, so a look-ahead in progress ends at once instead of thinking on.
   */
  async close(): Promise<void> {
    await Promise.all([this.live.stop(), this.ahead.stop()]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }
}
