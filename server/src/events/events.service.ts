import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EVENT_DEFAULTS, EVENT_TRANSITIONS, HELP_TOPICS_BY_LANGUAGE, eventFields, type EventState } from '@mingle/shared';
import type { z } from 'zod';
import type { createEventBody, updateEventBody } from '@mingle/shared';
import { ApiError, notFound } from '../common/api-error';
import { MingleEvent } from './event.entity';
import { EventsRepository } from './events.repository';
import { newJoinCode, newScreenKey } from './join-code';
import { DomainEventBus } from '../outbox/domain-event-bus';
import { Outbox } from '../outbox/outbox';
import { Transactions } from '../database/store';

type CreateEvent = z.output<typeof createEventBody>;
type UpdateEvent = z.output<typeof updateEventBody>;

/** A code clash is rare (887 million codes); this many in a row means something else is wrong. */
const JOIN_CODE_ATTEMPTS = 21;

@Injectable()
export class EventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly transactions: Transactions,
    private readonly bus: DomainEventBus,
    private readonly outbox: Outbox,
  ) {}

  list(organizerId: string): Promise<MingleEvent[]> {
    return this.events.ofOrganizer(organizerId);
  }

  /** An organizer's own event; anyone else's answers 404 so existence is not revealed. */
  async own(organizerId: string, id: string): Promise<MingleEvent> {
    const event = await this.events.owned(organizerId, id);
    if (!event) throw notFound('Event');
    return event;
  }

  async create(organizerId: string, body: CreateEvent, copiedFrom?: MingleEvent): Promise<MingleEvent> {
    const now = Date.now();
    const event = {
      ...EVENT_DEFAULTS,
      ...body,
      maxInterests: Math.min(body.maxInterests ?? EVENT_DEFAULTS.maxInterests, body.interests.length),
      helpTopics: [...(body.helpTopics ?? HELP_TOPICS_BY_LANGUAGE[body.language ?? EVENT_DEFAULTS.language])],
      id: randomUUID(),
      organizerId,
      endedAt: null,
      contactsPurgedAt: null,
      screenKey: newScreenKey(),
      state: 'draft',
      createdAt: now,
      updatedAt: now,
    } as MingleEvent;
    if (!copiedFrom) {
      event.joinCode = await this.withFreshJoinCode((joinCode) => this.events.insert({ ...event, joinCode }));
      return event;
    }
    const copied = { eventId: event.id, fromEventId: copiedFrom.id, organizerId };
    let followUp = '';
    event.joinCode = await this.withFreshJoinCode((joinCode) =>
      this.transactions.run(async () => {
        const inserted = await this.events.insert({ ...event, joinCode });
        if (inserted) followUp = await this.outbox.record('event.duplicated', copied);
        return inserted;
      }),
    );
    await this.outbox.carryOut(followUp, 'event.duplicated', copied);
    return event;
  }

  /** The event handed in is the caller's own (the route's access rule checked it), as read for this request. */
  async update(event: MingleEvent, body: UpdateEvent): Promise<MingleEvent> {
    refuseIfEnded(event, 'An ended event cannot be edited; duplicate it for the next session', 'edit');
    const next = { ...event, ...body } as MingleEvent;
    if (next.maxInterests > next.interests.length) {
      const message = `Cannot be more than the ${next.interests.length} interest tags`;
      throw new ApiError(400, 'invalid_request', `maxInterests: ${message}`, { fields: { maxInterests: message } });
    }
    const changes = { ...body, updatedAt: Date.now() } as Partial<MingleEvent>;
    await this.events.update(event.id, changes);
    const announced = await this.announce(written(event, changes));
    if (body.screenBlockedWords !== undefined) await this.bus.publish('event.blocked-words-changed', { eventId: event.id });
    return announced;
  }

  /** A new draft with every setting of `event`, in its series; the date is left open for the next session. */
  async duplicate(organizerId: string, event: MingleEvent): Promise<MingleEvent> {
    const settings = Object.fromEntries(Object.keys(eventFields).map((key) => [key, event[key as keyof MingleEvent]]));
    return this.create(organizerId, { ...settings, startsAt: null } as CreateEvent, event);
  }

  async remove(event: MingleEvent): Promise<void> {
    await this.events.delete(event.id, event.organizerId);
    await this.bus.publish('event.deleted', { eventId: event.id });
  }

  /** A conditional write: the move happens only from the state we read, so racing requests cannot both win. */
  async changeState(event: MingleEvent, to: EventState): Promise<MingleEvent> {
    const id = event.id;
    if (event.state === to) return event;
    if (!EVENT_TRANSITIONS[event.state].includes(to))
      throw new ApiError(409, 'bad_transition', `An event that is ${event.state} cannot become ${to}`, {
        params: { from: event.state, to },
      });
    const now = Date.now();
    const changes = { state: to, updatedAt: now, ...(to === 'ended' ? { endedAt: now } : {}) };
    // An ended event's autopilot stops and its running round ends: recorded with the end, so a crash cannot lose it.
    const { changed, followUp } = await this.transactions.run(async () => {
      const changed = await this.events.changeState(id, event.state, changes);
      return { changed, followUp: changed && to === 'ended' ? await this.outbox.record('event.ended', { eventId: id }) : null };
    });
    if (!changed) throw new ApiError(409, 'conflict', 'The event changed meanwhile; reload and try again');
    if (followUp) await this.outbox.carryOut(followUp, 'event.ended', { eventId: id });
    return this.announce(written(event, changes));
  }

  async regenerateJoinCode(event: MingleEvent): Promise<MingleEvent> {
    refuseIfEnded(event, 'An ended event has no join code to change', 'joinCode');
    const updatedAt = Date.now();
    const joinCode = await this.withFreshJoinCode((code) => this.events.setJoinCode(event.id, code, updatedAt));
    return this.announce(written(event, { joinCode, updatedAt }));
  }

  async regenerateScreenKey(event: MingleEvent): Promise<MingleEvent> {
    const changes = { screenKey: newScreenKey(), updatedAt: Date.now() };
    await this.events.update(event.id, changes);
    await this.bus.publish('screens.revoked', { eventId: event.id });
    return written(event, changes);
  }

  private async announce(event: MingleEvent): Promise<MingleEvent> {
    await this.bus.publish('event.changed', { event });
    return event;
  }

  /** Codes are unique among events that have not ended (a partial unique index); a clash tries another. */
  private async withFreshJoinCode(write: (joinCode: string) => Promise<boolean>): Promise<string> {
    for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt++) {
      const joinCode = newJoinCode();
      if (await write(joinCode)) return joinCode;
    }
    throw new Error(`no free join code after ${JOIN_CODE_ATTEMPTS} attempts`);
  }
}

/** Ended is final: what the evening was stays as it was. */
function refuseIfEnded(event: MingleEvent, message: string, variant: string): void {
  if (event.state === 'ended') throw new ApiError(409, 'event_ended', message, { params: { variant } });
}

/** The event as it is after `changes` were written: no second read of the row just written. */
const written = (event: MingleEvent, changes: Partial<MingleEvent>): MingleEvent => ({ ...event, ...changes });
