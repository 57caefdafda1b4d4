import { Injectable } from '@nestjs/common';
import { Store } from '../database/store';
import { MingleEvent } from './event.entity';

/** Every query of the events table. Other modules read an event through here, never the table. */
@Injectable()
export class EventsRepository {
  constructor(private readonly store: Store) {}

  private get events() {
    return this.store.table(MingleEvent);
  }

  byId(id: string): Promise<MingleEvent | null> {
    return this.events.findOneBy({ id });
  }

  byIdOrFail(id: string): Promise<MingleEvent> {
    return this.events.findOneByOrFail({ id });
  }

  /** The first round takes an open event live; a later one changes nothing. */
  async goLive(id: string, at: number): Promise<void> {
    await this.events.update({ id, state: 'open' }, { state: 'live', updatedAt: at });
  }
}
