import { Injectable } from '@nestjs/common';
import { In, IsNull, LessThanOrEqual, QueryFailedError } from 'typeorm';
import type { EventState } from '@mingle/shared';
import { Batched } from '../common/batched';
import { Store } from '../database/store';
import { isServiceUnavailable } from '../database/unavailable';
import { MingleEvent } from './event.entity';

/** Every query of the events table. Other modules read an event through here, never the table. */
@Injectable()
export class EventsRepository {
  private readonly amongOthers = new Batched<string, MingleEvent>(
    async (ids) => new Map((await this.events.findBy({ id: In(ids) })).map((e) => [e.id, e])),
  );

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

  /**
   * The event as committed, read together with other such calls (see Batched): a burst of snapshots
   * reads it once. Every caller gets the same object: read it, never change it.
   */
  async byIdTogether(id: string): Promise<MingleEvent> {
    const event = await this.amongOthers.get(id);
    if (!event) throw new Error(`event ${id} not found`);
    return event;
  }

  /** The event only when this organizer owns it. */
  owned(organizerId: string, id: string): Promise<MingleEvent | null> {
    return this.events.findOneBy({ id, organizerId });
  }

  ofOrganizer(organizerId: string): Promise<MingleEvent[]> {
    return this.events.find({ where: { organizerId }, order: { createdAt: 'DESC' } });
  }

  /** Every event that ever had this code, newest first (codes are unique only among events not ended). */
  withJoinCode(joinCode: string): Promise<MingleEvent[]> {
    return this.events.find({ where: { joinCode }, order: { createdAt: 'DESC' } });
  }

  /** Ended events whose contacts are due for purging: ended at or before `cutoff`, not purged yet. */
  duePurge(cutoff: number): Promise<MingleEvent[]> {
    return this.events.findBy({ state: 'ended', contactsPurgedAt: IsNull(), endedAt: LessThanOrEqual(cutoff) });
  }

  /** False when the join code clashed with an open event's (a partial unique index): pick another. */
  insert(event: MingleEvent): Promise<boolean> {
    return joinCodeFree(this.events.insert(event));
  }

  /** False when the join code clashed with an open event's. */
  setJoinCode(id: string, joinCode: string, updatedAt: number): Promise<boolean> {
    return joinCodeFree(this.events.update({ id }, { joinCode, updatedAt }));
  }

  async update(id: string, changes: Partial<MingleEvent>): Promise<void> {
    await this.events.update({ id }, changes);
  }

  /** A conditional write: only from the state `from`; false when the event moved meanwhile. */
  async changeState(id: string, from: EventState, changes: Partial<MingleEvent>): Promise<boolean> {
    return !!(await this.events.update({ id, state: from }, changes)).affected;
  }

  async markPurged(id: string, now: number): Promise<void> {
    await this.events.update({ id, contactsPurgedAt: IsNull() }, { contactsPurgedAt: now });
  }

  async delete(id: string, organizerId: string): Promise<void> {
    await this.events.delete({ id, organizerId });
  }

  /** The first round takes an open event live; a later one changes nothing. */
  async goLive(id: string, at: number): Promise<void> {
    await this.events.update({ id, state: 'open' }, { state: 'live', updatedAt: at });
  }
}

async function joinCodeFree(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof QueryFailedError && !isServiceUnavailable(error)) return false;
    throw error;
  }
}
