import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { CONFIG, type Config } from '../config/config';
import { Attendee } from '../attendees/attendee.entity';
import { MingleEvent } from '../events/event.entity';
import { Match, Note, OptOut, ShareChoice, SwapRequest } from './connection.entities';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** CONTACT_RETENTION_DAYS after an event ends, its cards, requests and matches are deleted. */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private readonly log = new Logger('Retention');

  constructor(
    private readonly db: DataSource,
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
    const due = await this.db
      .getRepository(MingleEvent)
      .createQueryBuilder('e')
      .where({ state: 'ended', contactsPurgedAt: IsNull() })
      .andWhere('e.ended_at <= :cutoff', { cutoff })
      .getMany();
    for (const event of due) {
      await this.db.transaction(async (tx) => {
        for (const table of [SwapRequest, Match, OptOut]) await tx.delete(table, { eventId: event.id });
        const ids = (await tx.find(Attendee, { select: { id: true }, where: { eventId: event.id } })).map((a) => a.id);
        for (let i = 0; i < ids.length; i += 400) {
          const chunk = ids.slice(i, i + 400);
          await tx.delete(ShareChoice, { attendeeId: In(chunk) });
          await tx.delete(Note, { attendeeId: In(chunk) });
          await tx.update(Attendee, { id: In(chunk) }, { card: {} });
        }
        await tx.update(MingleEvent, { id: event.id, contactsPurgedAt: IsNull() }, { contactsPurgedAt: now });
      });
    }
    return due.map((e) => e.id);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
