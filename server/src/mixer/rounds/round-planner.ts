import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { planRound, type PlanRoundInput } from '../engine/round';
import type { RoundResult } from '../engine/types';

/** The engine's time budget when a live round starts: the organizer never waits 200 ms for it. */
export const LIVE_PLAN_BUDGET_MS = 150;

type Waiting = { resolve: (r: RoundResult) => void; reject: (e: Error) => void };

/**
 * Plans rounds in a worker thread so the server keeps answering while the engine thinks.
 * If the worker cannot run, the engine runs inline: a round must always be plannable.
 */
@Injectable()
export class RoundPlanner implements OnModuleDestroy {
  private worker: Worker | null = null;
  private next = 1;
  private readonly waiting = new Map<number, Waiting>();
  private readonly log = new Logger('RoundPlanner');

  async plan(input: PlanRoundInput): Promise<RoundResult> {
    const withBudget = { ...input, settings: { timeLimitMs: LIVE_PLAN_BUDGET_MS, ...input.settings } };
    try {
      return await this.inWorker(withBudget);
    } catch (error) {
      this.log.warn(`planning in the worker failed (${(error as Error).message}); planning inline`);
      return planRound(withBudget);
    }
  }

  private inWorker(input: PlanRoundInput): Promise<RoundResult> {
    const worker = this.worker ?? this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, input });
    });
  }

  private start(): Worker {
    // Compiled: plan-worker.js beside this file. Under ts-jest/tsx: the .ts file through tsx.
    const compiled = __filename.endsWith('.js');
    const file = join(__dirname, compiled ? 'plan-worker.js' : 'plan-worker.ts');
    const worker = new Worker(file, compiled ? {} : { execArgv: ['--require', 'tsx/cjs'] });
    worker.unref();
    worker.on('message', (msg: { id: number; result?: RoundResult; error?: string }) => {
      const waiting = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if (msg.error !== undefined) waiting?.reject(new Error(msg.error));
      else waiting?.resolve(msg.result!);
    });
    const fail = (error: Error) => {
      this.worker = null;
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && fail(new Error(`planner worker exited with ${code}`)));
    this.worker = worker;
    return worker;
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
