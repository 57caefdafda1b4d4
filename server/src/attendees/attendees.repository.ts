import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import { Store } from '../database/store';
import { Attendee } from './attendee.entity';

/** Every query of the attendees table. Other modules read attendees through here, never the table. */
@Injectable()
export class AttendeesRepository {
  constructor(private readonly store: Store) {}

  private get attendees() {
    return this.store.table(Attendee);
  }

  byId(id: string): Promise<Attendee | null> {
    return this.attendees.findOneBy({ id });
  }

  /** Everyone still in the event, first joined first. */
  active(eventId: string): Promise<Attendee[]> {
    return this.attendees.find({ where: { eventId, status: 'active' }, order: { joinedAt: 'ASC' } });
  }

  /** The attendees with these ids, in as few queries as the drivers' parameter limits allow. */
  async byIds(ids: string[]): Promise<Attendee[]> {
    const out: Attendee[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY)
      out.push(...(await this.attendees.findBy({ id: In(ids.slice(i, i + IDS_PER_QUERY)) })));
    return out;
  }

  /** Ids of everyone who has not left the event or been removed (present or not). */
  async stillInIds(eventId: string): Promise<string[]> {
    const rows = await this.attendees.find({ select: { id: true }, where: { eventId, status: Not(In(['removed', 'left'])) } });
    return rows.map((a) => a.id);
  }
}

/** Well under SQLite's (32,766) and PostgreSQL's (65,535) parameter limits. */
const IDS_PER_QUERY = 10_000;
