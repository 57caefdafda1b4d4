import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LOOK_ALIKE_MESSAGE, REMOVED_MESSAGE, readJoinCode, type ContactCard, type joinBody, type updateProfileBody } from '@mingle/shared';
import type { z } from 'zod';
import { CONFIG, type Config } from '../config/config';
import { ApiError, notFound } from '../common/api-error';
import { newToken, tokenHash } from '../common/tokens';
import { Transactions } from '../database/store';
import { MingleEvent } from '../events/event.entity';
import { EventsRepository } from '../events/events.repository';
import { DomainEventBus } from '../outbox/domain-event-bus';
import { Outbox } from '../outbox/outbox';
import { Attendee } from './attendee.entity';
import { AttendeesRepository } from './attendees.repository';
import { PresenceService } from './presence.service';
import { RemovalSteps } from './removal-steps';
import { chooseHelpLine, chooseHelpTopics } from './help-topics';

type Join = z.output<typeof joinBody>;
type UpdateProfile = z.output<typeof updateProfileBody>;

@Injectable()
export class AttendeesService implements OnModuleInit {
  constructor(
    private readonly attendees: AttendeesRepository,
    private readonly events: EventsRepository,
    private readonly transactions: Transactions,
    private readonly presence: PresenceService,
    private readonly bus: DomainEventBus,
    private readonly outbox: Outbox,
    private readonly removalSteps: RemovalSteps,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** A removed person's phones are told and dropped even when the node that removed them died right after. */
  onModuleInit(): void {
    this.outbox.handle('attendee.removed', (removed) => this.bus.publish('attendee.removed', removed));
  }

  /**
   * The event a typed code points at: exact equality only, so nobody finds an event without its
   * code. Codes are unique among events that have not ended; draft and ended events get their own answer.
   */
  async eventForCode(typed: string): Promise<MingleEvent> {
    const read = readJoinCode(typed);
    if ('problem' in read) {
      if (read.problem === 'look_alike') throw new ApiError(404, 'look_alike_code', LOOK_ALIKE_MESSAGE);
      throw new ApiError(404, 'not_a_code', 'That is not a join code. Codes have 6 letters and digits.');
    }
    const found = await this.events.withJoinCode(read.code);
    const joinable = found.find((e) => e.state === 'open' || e.state === 'live');
    if (joinable) return joinable;
    if (found.some((e) => e.state === 'draft'))
      throw new ApiError(409, 'event_not_open', 'This event has not opened joining yet. Try again in a moment.', {
        params: { variant: 'join' },
      });
    if (found.some((e) => e.state === 'ended')) throw new ApiError(410, 'event_ended', 'This event has ended.');
    throw new ApiError(404, 'unknown_code', 'No event has this code. Check the code on the screen.');
  }

  async join(typedCode: string, body: Join): Promise<{ token: string; attendee: Attendee; event: MingleEvent }> {
    const event = await this.eventForCode(typedCode);
    const now = Date.now();
    const token = newToken();
    const attendee: Attendee = {
      id: randomUUID(),
      eventId: event.id,
      tokenHash: tokenHash(this.config.sessionSecret, token),
      name: body.name,
      headline: body.headline ?? '',
      company: body.company ?? '',
      interests: chooseInterests(event, body.interests),
      card: cleanCard(body.card ?? {}),
      gives: chooseHelpTopics(event, body.gives ?? [], 'gives'),
      asks: chooseHelpTopics(event, body.asks ?? [], 'asks'),
      helpLine: chooseHelpLine(event, body.helpLine ?? ''),
      status: 'active',
      joinedAt: now,
      updatedAt: now,
      lastSeenAt: now,
      connectedAt: null,
      screenHidden: false,
    };
    await this.attendees.insert(attendee);
    // Not here yet: they count (and are placed in a running round) once their phone connects.
    this.presence.changed(event.id, attendee.id);
    return { token, attendee, event };
  }

  /** The attendee behind a token. A removed attendee's token no longer opens anything. */
  async byToken(token: string | undefined): Promise<Attendee> {
    if (!token || token.length > 100) throw new ApiError(401, 'unauthorized', 'Join the event first', { params: { variant: 'joinFirst' } });
    const attendee = await this.attendees.byTokenHash(tokenHash(this.config.sessionSecret, token));
    if (!attendee)
      throw new ApiError(401, 'unauthorized', 'This join link is no longer valid. Join again with the event code.', {
        params: { variant: 'joinLink' },
      });
    if (attendee.status === 'removed') throw new ApiError(403, 'removed', REMOVED_MESSAGE);
    if (attendee.status === 'erased')
      throw new ApiError(410, 'erased', 'You erased your data from this event.', { params: { variant: 'self' } });
    return attendee;
  }

  /** The attendee's event, as their phone sees it. */
  eventOf(attendee: Attendee): Promise<MingleEvent> {
    return this.events.byIdOrFail(attendee.eventId);
  }

  /** Their new profile, and their event (read once: it names the interests they may pick). */
  async updateProfile(attendee: Attendee, body: UpdateProfile): Promise<{ updated: Attendee; event: MingleEvent }> {
    const event = await this.eventOf(attendee);
    const changes: Partial<Attendee> = { ...body, updatedAt: Date.now() } as Partial<Attendee>;
    if (body.interests) changes.interests = chooseInterests(event, body.interests);
    if (body.card) changes.card = cleanCard(body.card);
    if (body.gives) changes.gives = chooseHelpTopics(event, body.gives, 'gives');
    if (body.asks) changes.asks = chooseHelpTopics(event, body.asks, 'asks');
    if (body.helpLine !== undefined) changes.helpLine = chooseHelpLine(event, body.helpLine);
    await this.attendees.updateUnlessRemoved(attendee.id, changes);
    const updated = await this.attendees.byIdOrFail(attendee.id);
    await this.bus.publish('attendee.updated', { attendee: updated });
    this.presence.changed(attendee.eventId, attendee.id);
    return { updated, event };
  }

  listForEvent(eventId: string): Promise<Attendee[]> {
    return this.attendees.listed(eventId);
  }

  /**
   * Removed for good: the token stops working and every socket of theirs is dropped. Their card and
   * name go in the same update (history shows "Removed attendee"), and the removal steps of later
   * modules (their swaps and matches) in the same transaction.
   */
  async remove(eventId: string, attendeeId: string): Promise<void> {
    const removed = await this.removeMany(eventId, [attendeeId]);
    if (!removed.length && !(await this.attendees.inEvent(eventId, attendeeId))) throw notFound('Attendee');
  }

  /**
   * Removes those of `attendeeIds` who are in this event and not removed yet, in one write; ids of
   * other events are not touched. Returns who was removed by this call.
   */
  async removeMany(eventId: string, attendeeIds: string[]): Promise<string[]> {
    const removed = await this.transactions.run(async () => {
      const ids = await this.attendees.remove(eventId, attendeeIds, Date.now());
      const removals: Array<{ attendeeId: string; followUp: string }> = [];
      for (const id of ids) {
        await this.removalSteps.run({ id, eventId });
        removals.push({ attendeeId: id, followUp: await this.outbox.record('attendee.removed', { eventId, attendeeId: id }) });
      }
      return removals;
    });
    await Promise.all(
      removed.map(({ attendeeId, followUp }) => this.outbox.carryOut(followUp, 'attendee.removed', { eventId, attendeeId })),
    );
    if (removed.length) this.presence.changed(eventId, ...removed.map((r) => r.attendeeId));
    return removed.map((r) => r.attendeeId);
  }

  /**
   * The organizer renames someone or hides them from the screen's board (or shows them again): their
   * phone, the console and the screen hear it. Someone removed or erased is not found.
   */
  async moderate(eventId: string, attendeeId: string, body: { name?: string; hiddenFromScreen?: boolean }): Promise<Attendee> {
    const attendee = await this.attendees.inEvent(eventId, attendeeId);
    if (!attendee || attendee.status === 'removed' || attendee.status === 'erased') throw notFound('Attendee');
    const changes: Partial<Attendee> = { updatedAt: Date.now() };
    if (body.name !== undefined) changes.name = body.name;
    if (body.hiddenFromScreen !== undefined) changes.screenHidden = body.hiddenFromScreen;
    if (!(await this.attendees.updateUnlessRemoved(attendeeId, changes))) throw notFound('Attendee');
    const updated = await this.attendees.byIdOrFail(attendeeId);
    await this.bus.publish('attendee.updated', { attendee: updated });
    await this.bus.publish('attendee.moderated', { eventId, attendee: updated });
    this.presence.changed(eventId, attendeeId);
    return updated;
  }

  /**
   * The organizer leaves people out of the next rounds: those of `attendeeIds` who are active in
   * this event go on a break, exactly as if they had tapped it; one tap on their phone brings them back.
   */
  async leaveOut(eventId: string, attendeeIds: string[]): Promise<string[]> {
    const away = await this.transactions.run(async () => {
      const ids = await this.attendees.putAway(eventId, attendeeIds, Date.now());
      const breaks: Array<{ attendeeId: string; followUp: string }> = [];
      for (const id of ids)
        breaks.push({ attendeeId: id, followUp: await this.outbox.record('attendee.away', { eventId, attendeeId: id }) });
      return breaks;
    });
    for (const { attendeeId, followUp } of away) {
      await this.outbox.carryOut(followUp, 'attendee.away', { eventId, attendeeId });
      await this.changedStatus(attendeeId);
    }
    return away.map((a) => a.attendeeId);
  }

  /** Take a break or come back. Someone who left the event can come back too. */
  async setAway(attendee: Attendee, away: boolean): Promise<Attendee> {
    const to = away ? 'away' : 'active';
    if (attendee.status !== to) await this.changeStatus(attendee, to, away ? 'attendee.away' : 'attendee.back');
    return this.changedStatus(attendee.id);
  }

  /** Leaves the event: no more groups. The link keeps working for people met and contacts. */
  async leave(attendee: Attendee): Promise<Attendee> {
    if (attendee.status !== 'left') await this.changeStatus(attendee, 'left', 'attendee.left');
    return this.changedStatus(attendee.id);
  }

  /** A status write and its group follow-up (placed, or out of their group) in one transaction; carried out after the commit. */
  private async changeStatus(attendee: Attendee, to: Attendee['status'], name: 'attendee.away' | 'attendee.back' | 'attendee.left') {
    const payload = { eventId: attendee.eventId, attendeeId: attendee.id };
    const followUp = await this.transactions.run(async () =>
      (await this.attendees.updateUnlessRemoved(attendee.id, { status: to, updatedAt: Date.now() }))
        ? this.outbox.record(name, payload)
        : null,
    );
    if (followUp) await this.outbox.carryOut(followUp, name, payload);
  }

  private async changedStatus(attendeeId: string): Promise<Attendee> {
    const updated = await this.attendees.byIdOrFail(attendeeId);
    await this.bus.publish('attendee.updated', { attendee: updated });
    this.presence.changed(updated.eventId, attendeeId);
    return updated;
  }

  /** A socket of theirs connected: the first one makes them here (and placed in a running round). */
  /** `before`: whether they had connected before, when the caller knows (one write less). */
  async connected(eventId: string, attendeeId: string, before?: boolean): Promise<void> {
    if (before) return this.attendees.seenTogether(attendeeId);
    const followUp = await this.transactions.run(async () =>
      (await this.attendees.markConnected(attendeeId, Date.now())) ? this.outbox.record('attendee.joined', { eventId, attendeeId }) : null,
    );
    if (followUp) await this.outbox.carryOut(followUp, 'attendee.joined', { eventId, attendeeId });
  }

  async seen(attendeeIds: string[]): Promise<void> {
    await this.attendees.markSeen(attendeeIds, Date.now());
  }
}

/** Interests must be the event's own tags (any case), at most the event's maximum, no repeats. */
function chooseInterests(event: MingleEvent, picked: string[]): string[] {
  const byKey = new Map(event.interests.map((t) => [t.toLowerCase(), t]));
  const chosen: string[] = [];
  for (const p of picked) {
    const tag = byKey.get(p.trim().toLowerCase());
    if (!tag)
      throw new ApiError(400, 'invalid_request', `interests: "${p}" is not one of this event's interests`, {
        fields: { interests: `"${p}" is not one of this event's interests` },
      });
    if (!chosen.includes(tag)) chosen.push(tag);
  }
  if (chosen.length > event.maxInterests) {
    const message = `Pick at most ${event.maxInterests} interests`;
    throw new ApiError(400, 'invalid_request', `interests: ${message}`, { fields: { interests: message } });
  }
  return chosen;
}

/** Empty fields are dropped, so "filled in" means present. */
function cleanCard(card: ContactCard): ContactCard {
  return Object.fromEntries(Object.entries(card).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as ContactCard;
}
