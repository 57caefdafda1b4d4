import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config';
import { Transactions } from '../database/store';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { EventsRepository } from '../events/events.repository';
import { ConnectionsRepository } from './connections.repository';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** CONTACT_RETENTION_DAYS after an event ends, its cards, requests and matches are deleted. */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private readonly log = new Logger('Retention');

  constructor(
    private readonly transactions: Transactions,
    private readonly connections: ConnectionsRepository,
    private readonly attendees: AttendeesRepository,
    private readonly events: EventsRepository,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => this.purge(Date.now()).catch((error: Error) => this.log.warn(`purge failed: ${error.message}`));
    void run();
    this.timer = setInterval(run, HOUR);
    this.timer.unref();
  }

  /** Purges every event whose retention ended by `now`; returns their ids. Safe to run on every node. */
  async purge(now: number): Promise<string[]> {
    const cutoff = now - this.config.contactRetentionDays * DAY;
    const due = await this.events.duePurge(cutoff);
    for (const event of due) {
      await this.transactions.run(async () => {
        await this.connections.purgeEvent(event.id, await this.attendees.idsOf(event.id));
        await this.attendees.clearCards(event.id);
        await this.events.markPurged(event.id, now);
      });
    }
    return due.map((e) => e.id);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
