import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config';
import { randomUUID } from 'node:crypto';
import type { DomainEventName, DomainEvents } from './domain-events';
import type { OutboxEntry } from './outbox.entity';
import { OutboxRepository } from './outbox.repository';

/** How long the writing node has to carry a follow-up out itself before any clock may take it. */
export const OUTBOX_GRACE_MS = 3000;
/** A follow-up that failed waits this long per try before the next one. */
const RETRY_STEP_MS = 5000;
const MAX_RETRY_MS = 60_000;

type Handler<N extends DomainEventName> = (payload: DomainEvents[N]) => Promise<void>;

/**
 * What must follow a write is recorded in the write's transaction and carried out at least once:
 * at once by the node that wrote it, or, if that node died first, by the clock of any node. The
 * handlers are idempotent: they rebuild what to do from the database.
 */
@Injectable()
export class Outbox {
  private readonly handlers = new Map<DomainEventName, Array<Handler<DomainEventName>>>();
  private readonly log = new Logger('Outbox');

  constructor(
    private readonly entries: OutboxRepository,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /**
   * Each feature module says how it carries out a follow-up, once, at start. A follow-up with several
   * handlers is done when all of them succeeded, in the order the modules started; a retry runs them all again.
   */
  handle<N extends DomainEventName>(name: N, handler: Handler<N>): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler as Handler<DomainEventName>]);
  }

  /** Records a follow-up; inside `transactions.run` it is written with the write. Returns its id for `done`. */
  async record<N extends DomainEventName>(name: N, payload: DomainEvents[N]): Promise<string> {
    const id = randomUUID();
    await this.entries.add({ id, name, payload, dueAt: Date.now() + OUTBOX_GRACE_MS, attempts: 0 });
    return id;
  }

  /** The writer carries its follow-up out at once, after the commit; if that fails, the clock tries again. */
  async carryOut<N extends DomainEventName>(id: string, name: N, payload: DomainEvents[N]): Promise<void> {
    this.committed(name);
    try {
      await this.follow(name, payload);
      await this.done(id);
    } catch (error) {
      this.log.warn(`${name} failed, the clock will retry: ${(error as Error).message}`);
    }
  }

  /**
   * Right after the write committed, before its follow-up. Crash tests set MINGLE_CRASH_AFTER to die
   * exactly here, the moment that would lose the follow-up without the outbox.
   */
  committed(name: DomainEventName): void {
    if (this.config.crashAfter === name) process.kill(process.pid, 'SIGKILL');
  }

  /** The writer carried the follow-up out itself, right after its commit. */
  async done(id: string): Promise<void> {
    await this.entries.remove(id);
  }

  /** The clock: follow-ups whose writer did not finish them, each taken by one node at a time. */
  async carryOutDue(now = Date.now()): Promise<void> {
    for (const entry of await this.entries.due(now, 50)) {
      const later = now + Math.min(MAX_RETRY_MS, RETRY_STEP_MS * (entry.attempts + 1));
      if (await this.entries.take(entry, later)) await this.run(entry);
    }
  }

  private async run(entry: OutboxEntry): Promise<void> {
    if (!this.handlers.has(entry.name)) return this.log.warn(`no handler for ${entry.name}`);
    try {
      await this.follow(entry.name, entry.payload as DomainEvents[DomainEventName]);
      await this.entries.remove(entry.id);
    } catch (error) {
      this.log.warn(`${entry.name} failed, will retry: ${(error as Error).message}`);
    }
  }

  private async follow<N extends DomainEventName>(name: N, payload: DomainEvents[N]): Promise<void> {
    for (const handler of this.handlers.get(name) ?? []) await handler(payload);
  }
}
