import { Injectable } from '@nestjs/common';
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
}
