import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, Not } from 'typeorm';
import { REMOVED_MESSAGE, normalizeJoinCode, type ContactCard, type joinBody, type updateProfileBody } from '@mingle/shared';
import type { z } from 'zod';
import { CONFIG, type Config } from '../config/config';
import { ApiError, notFound } from '../common/api-error';
import { newToken, tokenHash } from '../common/tokens';
import { MingleEvent } from '../events/event.entity';
import { Broadcaster } from '../realtime/broadcaster';
import { rooms } from '../realtime/rooms';
import { Attendee } from './attendee.entity';
import { toMyProfile } from './attendee.views';
import { PresenceService } from './presence.service';
import { AttendeeActivity } from './attendee-activity';
import { RemovalSteps } from './removal-steps';

type Join = z.output<typeof joinBody>;
type UpdateProfile = z.output<typeof updateProfileBody>;


@Injectable()
export class AttendeesService {
  constructor(
    private readonly db: DataSource,
    private readonly presence: PresenceService,
    private readonly broadcaster: Broadcaster,
    private readonly activity: AttendeeActivity,
    private readonly removalSteps: RemovalSteps,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  private get attendees() {
    return this.db.getRepository(Attendee);
  }

  /**
   * The event a typed code points at. Look-alike characters are wildcards; a match must be
   * unique among joinable events. Draft and ended events get their own answer.
   */
  async eventForCode(typed: string): Promise<MingleEvent> {
    const pattern = normalizeJoinCode(typed);
    if (!pattern) throw new ApiError(404, 'unknown_code', 'That is not a join code. Codes have 6 letters and digits.');
    const events = this.db.getRepository(MingleEvent);
    const query = events.createQueryBuilder('e');
    if (pattern.includes('_')) query.where('e.join_code LIKE :pattern', { pattern });
    else query.where('e.join_code = :pattern', { pattern });
    const found = await query.orderBy('e.created_at', 'DESC').getMany();
    const joinable = found.filter((e) => e.state === 'open' || e.state === 'live');
    if (joinable.length === 1) return joinable[0]!;
    if (joinable.length > 1) throw new ApiError(404, 'unknown_code', 'No event has this code. Check the code on the screen.');
    if (found.some((e) => e.state === 'draft')) throw new ApiError(409, 'event_not_open', 'This event has not opened joining yet. Try again in a moment.');
    if (found.some((e) => e.state === 'ended')) throw new ApiError(410, 'event_ended', 'This event has ended.');
    throw new ApiError(404, 'unknown_code', 'No event has this code. Check the code on the screen.');
  }

  async join(typedCode: string, body: Join): Promise<{ token: string; attendee: Attendee; event: MingleEvent }> {
    const event = await this.eventForCode(typedCode);
    const now = Date.now();
    const token = newToken();
    const attendee = this.attendees.create({
      id: randomUUID(),
      eventId: event.id,
      tokenHash: tokenHash(this.config.sessionSecret, token),
      name: body.name,
      headline: body.headline ?? '',
      company: body.company ?? '',
      interests: chooseInterests(event, body.interests),
      card: cleanCard(body.card ?? {}),
      status: 'active',
      joinedAt: now,
      updatedAt: now,
      lastSeenAt: now,
    });
    await this.attendees.insert(attendee);
    this.presence.changed(event.id, attendee.id);
    this.activity.emit({ eventId: event.id, attendeeId: attendee.id, kind: 'joined' });
    return { token, attendee, event };
  }

  /** The attendee behind a token. A removed attendee's token no longer opens anything. */
  async byToken(token: string | undefined): Promise<Attendee> {
    if (!token || token.length > 100) throw new ApiError(401, 'unauthorized', 'Join the event first');
    const attendee = await this.attendees.findOneBy({ tokenHash: tokenHash(this.config.sessionSecret, token) });
    if (!attendee) throw new ApiError(401, 'unauthorized', 'This join link is no longer valid. Join again with the event code.');
    if (attendee.status === 'removed') throw new ApiError(403, 'removed', REMOVED_MESSAGE);
    if (attendee.status === 'erased') throw new ApiError(410, 'erased', 'You erased your data from this event.');
    return attendee;
  }

  async updateProfile(attendee: Attendee, body: UpdateProfile): Promise<Attendee> {
    const event = await this.db.getRepository(MingleEvent).findOneByOrFail({ id: attendee.eventId });
    const changes: Partial<Attendee> = { ...body, updatedAt: Date.now() } as Partial<Attendee>;
    if (body.interests) changes.interests = chooseInterests(event, body.interests);
    if (body.card) changes.card = cleanCard(body.card);
    await this.attendees.update({ id: attendee.id, status: Not('removed') }, changes);
    const updated = await this.attendees.findOneByOrFail({ id: attendee.id });
    this.broadcaster.send(rooms.attendee(attendee.id), 'me:changed', toMyProfile(updated));
    this.presence.changed(attendee.eventId, attendee.id);
    return updated;
  }

  listForEvent(eventId: string): Promise<Attendee[]> {
    return this.attendees.find({ where: { eventId, status: Not(In(['removed', 'erased'])) }, order: { joinedAt: 'ASC' } });
  }

  /**
   * Removed for good: the token stops working and every socket of theirs is dropped. Their card and
   * name go in the same update (history shows "Removed attendee"), and the removal steps of later
   * modules (their swaps and matches) in the same transaction.
   */
  async remove(eventId: string, attendeeId: string): Promise<void> {
    const result = await this.db.transaction(async (tx) => {
      const removed = await tx.update(Attendee, { id: attendeeId, eventId, status: Not('removed') }, { status: 'removed', name: '', headline: '', company: '', card: {}, updatedAt: Date.now() });
      if (removed.affected) await this.removalSteps.run(tx, { id: attendeeId, eventId });
      return removed;
    });
    if (!result.affected) {
      if (!(await this.attendees.existsBy({ id: attendeeId, eventId }))) throw notFound('Attendee');
      return;
    }
    await this.broadcaster.dismiss(rooms.attendee(attendeeId), 'me:removed', { reason: 'removed', message: REMOVED_MESSAGE });
    this.presence.changed(eventId, attendeeId);
    this.activity.emit({ eventId, attendeeId, kind: 'removed' });
  }

  /** Take a break or come back. Someone who left the event can come back too. */
  async setAway(attendee: Attendee, away: boolean): Promise<Attendee> {
    const to = away ? 'away' : 'active';
    if (attendee.status !== to) {
      await this.attendees.update({ id: attendee.id, status: Not('removed') }, { status: to, updatedAt: Date.now() });
      this.activity.emit({ eventId: attendee.eventId, attendeeId: attendee.id, kind: away ? 'away' : 'back' });
    }
    return this.changedStatus(attendee.id);
  }

  /** Leaves the event: no more groups. The link keeps working for people met and contacts. */
  async leave(attendee: Attendee): Promise<Attendee> {
    if (attendee.status !== 'left') {
      await this.attendees.update({ id: attendee.id, status: Not('removed') }, { status: 'left', updatedAt: Date.now() });
      this.activity.emit({ eventId: attendee.eventId, attendeeId: attendee.id, kind: 'left' });
    }
    return this.changedStatus(attendee.id);
  }

  private async changedStatus(attendeeId: string): Promise<Attendee> {
    const updated = await this.attendees.findOneByOrFail({ id: attendeeId });
    this.broadcaster.send(rooms.attendee(attendeeId), 'me:changed', toMyProfile(updated));
    this.presence.changed(updated.eventId, attendeeId);
    return updated;
  }

  async seen(attendeeIds: string[]): Promise<void> {
    if (attendeeIds.length) await this.attendees.update({ id: In(attendeeIds) }, { lastSeenAt: Date.now() });
  }
}

/** Interests must be the event's own tags (any case), at most the event's maximum, no repeats. */
function chooseInterests(event: MingleEvent, picked: string[]): string[] {
  const byKey = new Map(event.interests.map((t) => [t.toLowerCase(), t]));
  const chosen: string[] = [];
  for (const p of picked) {
    const tag = byKey.get(p.trim().toLowerCase());
    if (!tag) throw new ApiError(400, 'invalid_request', `interests: "${p}" is not one of this event's interests`, { interests: `"${p}" is not one of this event's interests` });
    if (!chosen.includes(tag)) chosen.push(tag);
  }
  if (chosen.length > event.maxInterests) {
    const message = `Pick at most ${event.maxInterests} interests`;
    throw new ApiError(400, 'invalid_request', `interests: ${message}`, { interests: message });
  }
  return chosen;
}

/** Empty fields are dropped, so "filled in" means present. */
function cleanCard(card: ContactCard): ContactCard {
  return Object.fromEntries(Object.entries(card).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as ContactCard;
}
