import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { EVENT_DEFAULTS, EVENT_TRANSITIONS, type EventState } from '@mingle/shared';
import type { z } from 'zod';
import type { createEventBody, updateEventBody } from '@mingle/shared';
import { ApiError, notFound } from '../common/api-error';
import { MingleEvent } from './event.entity';
import { newJoinCode, newScreenKey } from './join-code';
import { DomainEventBus } from '../outbox/domain-event-bus';
import { Outbox } from '../outbox/outbox';

type CreateEvent = z.output<typeof createEventBody>;
type UpdateEvent = z.output<typeof updateEventBody>;

@Injectable()
export class EventsService {
  constructor(
    private readonly db: DataSource,
    private readonly bus: DomainEventBus,
    private readonly outbox: Outbox,
  ) {}

  private get events() {
    return this.db.getRepository(MingleEvent);
  }

  list(organizerId: string): Promise<MingleEvent[]> {
    return this.events.find({ where: { organizerId }, order: { createdAt: 'DESC' } });
  }

  /** An organizer's own event; anyone else's answers 404 so existence is not revealed. */
  async own(organizerId: string, id: string): Promise<MingleEvent> {
    const event = await this.events.findOneBy({ id, organizerId });
    if (!event) throw notFound('Event');
    return event;
  }

  async create(organizerId: string, body: CreateEvent): Promise<MingleEvent> {
    const now = Date.now();
    const event = this.events.create({
      ...EVENT_DEFAULTS,
      ...body,
      maxInterests: Math.min(body.maxInterests ?? EVENT_DEFAULTS.maxInterests, body.interests.length),
      id: randomUUID(),
      organizerId,
      endedAt: null,
      contactsPurgedAt: null,
      screenKey: newScreenKey(),
      state: 'draft',
      createdAt: now,
      updatedAt: now,
    } as MingleEvent);
    return this.withFreshJoinCode(event, (e) => this.events.insert(e));
  }

  async update(organizerId: string, id: string, body: UpdateEvent): Promise<MingleEvent> {
    const event = await this.own(organizerId, id);
    const next = { ...event, ...body } as MingleEvent;
    if (next.maxInterests > next.interests.length) {
      const message = `Cannot be more than the ${next.interests.length} interest tags`;
      throw new ApiError(400, 'invalid_request', `maxInterests: ${message}`, { maxInterests: message });
    }
    await this.events.update({ id }, { ...body, updatedAt: Date.now() });
    return this.announce(await this.own(organizerId, id));
  }

  async remove(organizerId: string, id: string): Promise<void> {
    await this.own(organizerId, id);
    await this.events.delete({ id, organizerId });
    await this.bus.publish('event.deleted', { eventId: id });
  }

  /** A conditional write: the move happens only from the state we read, so racing requests cannot both win. */
  async changeState(organizerId: string, id: string, to: EventState): Promise<MingleEvent> {
    const event = await this.own(organizerId, id);
    if (event.state === to) return event;
    if (!EVENT_TRANSITIONS[event.state].includes(to))
      throw new ApiError(409, 'bad_transition', `An event that is ${event.state} cannot become ${to}`);
    const now = Date.now();
    // An ended event's autopilot stops and its running round ends: recorded with the end, so a crash cannot lose it.
    const { affected, followUp } = await this.db.transaction(async (tx) => {
      const result = await tx.update(
        MingleEvent,
        { id, state: event.state },
        { state: to, updatedAt: now, ...(to === 'ended' ? { endedAt: now } : {}) },
      );
      const ended = result.affected && to === 'ended' ? await this.outbox.record('event.ended', { eventId: id }, tx) : null;
      return { affected: result.affected, followUp: ended };
    });
    if (!affected) throw new ApiError(409, 'conflict', 'The event changed meanwhile; reload and try again');
    if (followUp) await this.outbox.carryOut(followUp, 'event.ended', { eventId: id });
    return this.announce(await this.own(organizerId, id));
  }

  async regenerateJoinCode(organizerId: string, id: string): Promise<MingleEvent> {
    const event = await this.own(organizerId, id);
    if (event.state === 'ended') throw new ApiError(409, 'event_ended', 'An ended event has no join code to change');
    await this.withFreshJoinCode(event, (e) => this.events.update({ id }, { joinCode: e.joinCode, updatedAt: Date.now() }));
    return this.announce(await this.own(organizerId, id));
  }

  async regenerateScreenKey(organizerId: string, id: string): Promise<MingleEvent> {
    await this.own(organizerId, id);
    await this.events.update({ id }, { screenKey: newScreenKey(), updatedAt: Date.now() });
    await this.bus.publish('screens.revoked', { eventId: id });
    return this.own(organizerId, id);
  }

  private async announce(event: MingleEvent): Promise<MingleEvent> {
    await this.bus.publish('event.changed', { event });
    return event;
  }

  /** Codes are unique among events that have not ended (a partial unique index); retry on a clash. */
  private async withFreshJoinCode(event: MingleEvent, write: (e: MingleEvent) => Promise<unknown>): Promise<MingleEvent> {
    for (let attempt = 0; ; attempt++) {
      event.joinCode = newJoinCode();
      try {
        await write(event);
        return event;
      } catch (error) {
        if (!(error instanceof QueryFailedError) || attempt >= 20) throw error;
      }
    }
  }
}
