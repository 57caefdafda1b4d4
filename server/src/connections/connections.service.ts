import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ERASED_MESSAGE, PURGED_MESSAGE, type ContactField, type ConnectionStats, type Encounter, type MetPerson } from '@mingle/shared';
import { ApiError, notFound } from '../common/api-error';
import { Attendee } from '../attendees/attendee.entity';
import { MingleEvent } from '../events/event.entity';
import { DomainEventBus } from '../outbox/domain-event-bus';
import { Group, Meeting, Round } from '../mixer/rounds/round.entity';
import { Match, Note, OptOut, ShareChoice, SwapRequest } from './connection.entities';
import { toMetPerson } from './connection.views';
import { ordered, recordSwapRequest, sharedFields } from './swap-requests';

@Injectable()
export class ConnectionsService {
  constructor(
    private readonly db: DataSource,
    private readonly bus: DomainEventBus,
  ) {}

  /** Everyone I shared a group with, newest encounter first; with `only`, just that person. */
  async people(me: Attendee, only?: string): Promise<MetPerson[]> {
    const [a, b] = only ? ordered(me.id, only) : [];
    const meetings = await this.db.getRepository(Meeting).find({
      where: only
        ? { eventId: me.eventId, a, b }
        : [
            { eventId: me.eventId, a: me.id },
            { eventId: me.eventId, b: me.id },
          ],
    });
    if (!meetings.length) return [];
    const otherIds = [...new Set(meetings.map((m) => (m.a === me.id ? m.b : m.a)))];
    const [others, groups, asked, matches, notes, optOuts] = await Promise.all([
      this.db.getRepository(Attendee).findBy({ id: In(otherIds) }),
      this.db.getRepository(Group).findBy({ id: In([...new Set(meetings.map((m) => m.groupId))]) }),
      this.db.getRepository(SwapRequest).findBy({ fromId: me.id, ...(only ? { toId: only } : {}) }),
      this.db.getRepository(Match).find({ where: only ? { a, b } : [{ a: me.id }, { b: me.id }] }),
      this.db.getRepository(Note).findBy({ attendeeId: me.id, ...(only ? { otherId: only } : {}) }),
      this.db.getRepository(OptOut).findBy({ attendeeId: me.id, ...(only ? { otherId: only } : {}) }),
    ]);
    const spots = new Map(groups.map((g) => [g.id, g.spot]));
    const people = others.map((other) => {
      const met: Encounter[] = meetings
        .filter((m) => m.a === other.id || m.b === other.id)
        .sort((x, y) => x.roundNumber - y.roundNumber)
        .map((m) => ({
          round: m.roundNumber,
          spot: spots.get(m.groupId) ?? '',
          shared: other.interests.filter((t) => me.interests.includes(t)),
        }));
      const match = matches.find((m) => m.a === other.id || m.b === other.id);
      return toMetPerson(other, {
        met,
        asked: asked.some((r) => r.toId === other.id),
        matchedAt: match?.matchedAt ?? null,
        shared: match ? (match.a === other.id ? match.aFields : match.bFields) : [],
        sharing: match ? (match.a === me.id ? match.aFields : match.bFields) : [],
        note: notes.find((n) => n.otherId === other.id)?.text ?? '',
        optOut: optOuts.find((o) => o.otherId === other.id)?.reason ?? null,
      });
    });
    return people.sort((x, y) => (y.met.at(-1)?.round ?? 0) - (x.met.at(-1)?.round ?? 0) || x.name.localeCompare(y.name));
  }

  async person(me: Attendee, otherId: string): Promise<MetPerson> {
    const [found] = await this.people(me, otherId);
    if (!found) throw notFound('Person');
    return found;
  }

  /** One person as `viewerId` sees them: what the match news carries. */
  async personFor(viewerId: string, otherId: string): Promise<MetPerson> {
    return this.person(await this.db.getRepository(Attendee).findOneByOrFail({ id: viewerId }), otherId);
  }

  /**
   * Ask to swap. The other is not told; when they asked too, both get the match at once.
   * Asking twice changes nothing, and `match:made` goes out only for the ask that made the match.
   */
  async ask(me: Attendee, otherId: string): Promise<MetPerson> {
    await this.metPerson(me, otherId);
    await this.assertOpen(me);
    const outcome = await this.db.transaction((tx) => recordSwapRequest(tx, me, otherId));
    if (outcome === 'gone') await this.metPerson(me, otherId); // says why: removed (404) or erased (410)
    if (outcome === 'made') await this.bus.publish('match.made', { eventId: me.eventId, a: me.id, b: otherId });
    return this.person(me, otherId);
  }

  /** Withdraw a request that has not matched yet. */
  async withdraw(me: Attendee, otherId: string): Promise<MetPerson> {
    await this.metPerson(me, otherId);
    const [a, b] = ordered(me.id, otherId);
    if (await this.db.getRepository(Match).existsBy({ a, b }))
      throw new ApiError(409, 'already_matched', 'You already swapped contacts with this person');
    await this.db.getRepository(SwapRequest).delete({ fromId: me.id, toId: otherId });
    return this.person(me, otherId);
  }

  /**
   * "Stop sharing" my card with one match: they keep the match but no longer see any of my fields,
   * in their list and their downloads, from now on; their phone is told at once.
   */
  async stopSharing(me: Attendee, otherId: string): Promise<MetPerson> {
    const other = await this.metPerson(me, otherId);
    const [a, b] = ordered(me.id, otherId);
    const result = await this.db.getRepository(Match).update({ a, b }, a === me.id ? { aFields: [] } : { bFields: [] });
    if (!result.affected) throw new ApiError(409, 'not_matched', 'You have not swapped contacts with this person');
    await this.bus.publish('match.changed', { eventId: me.eventId, viewer: other.id, sharer: me.id });
    return this.person(me, otherId);
  }

  shareChoice(me: Attendee): Promise<ContactField[]> {
    return sharedFields(this.db.manager, me);
  }

  async setShareChoice(me: Attendee, fields: ContactField[]): Promise<ContactField[]> {
    await this.db.getRepository(ShareChoice).save({ attendeeId: me.id, fields: [...new Set(fields)] });
    return this.shareChoice(me);
  }

  async optOut(me: Attendee, otherId: string, reason: 'know' | 'avoid'): Promise<MetPerson> {
    await this.metPerson(me, otherId);
    await this.db.getRepository(OptOut).save({ attendeeId: me.id, otherId, eventId: me.eventId, reason, createdAt: Date.now() });
    return this.person(me, otherId);
  }

  async undoOptOut(me: Attendee, otherId: string): Promise<MetPerson> {
    await this.metPerson(me, otherId);
    await this.db.getRepository(OptOut).delete({ attendeeId: me.id, otherId });
    return this.person(me, otherId);
  }

  async setNote(me: Attendee, otherId: string, text: string): Promise<MetPerson> {
    await this.metPerson(me, otherId);
    if (text.trim()) await this.db.getRepository(Note).save({ attendeeId: me.id, otherId, text });
    else await this.db.getRepository(Note).delete({ attendeeId: me.id, otherId });
    return this.person(me, otherId);
  }

  /** Counts only: how many asked, how many matched, and the match rate of each round's pairs. */
  async stats(eventId: string): Promise<ConnectionStats> {
    const [swapsAsked, matches, meetings, rounds] = await Promise.all([
      this.db.getRepository(SwapRequest).countBy({ eventId }),
      this.db.getRepository(Match).findBy({ eventId }),
      this.db.getRepository(Meeting).find({ select: { a: true, b: true, roundNumber: true }, where: { eventId } }),
      this.db.getRepository(Round).find({ select: { number: true }, where: { eventId }, order: { number: 'ASC' } }),
    ]);
    const matched = new Set(matches.map((m) => `${m.a}|${m.b}`));
    return {
      swapsAsked,
      matches: matches.length,
      rounds: rounds.map(({ number }) => {
        const pairs = meetings.filter((m) => m.roundNumber === number);
        const made = pairs.filter((m) => matched.has(`${m.a}|${m.b}`)).length;
        return {
          number,
          pairs: pairs.length,
          matches: made,
          matchRate: pairs.length ? Math.round((made / pairs.length) * 1000) / 1000 : 0,
        };
      }),
    };
  }

  /** Only someone I shared a group with at this event; anyone else is unknown to me (404). */
  private async metPerson(me: Attendee, otherId: string): Promise<Attendee> {
    const other = await this.db.getRepository(Attendee).findOneBy({ id: otherId, eventId: me.eventId });
    if (!other || other.status === 'removed') throw notFound('Person');
    const [a, b] = ordered(me.id, otherId);
    if (!(await this.db.getRepository(Meeting).existsBy({ eventId: me.eventId, a, b })))
      throw new ApiError(403, 'not_met', 'You can only swap with people you shared a group with');
    if (other.status === 'erased') throw new ApiError(410, 'erased', ERASED_MESSAGE);
    return other;
  }

  private async assertOpen(me: Attendee): Promise<void> {
    const event = await this.db.getRepository(MingleEvent).findOneBy({ id: me.eventId });
    if (event?.contactsPurgedAt) throw new ApiError(410, 'purged', PURGED_MESSAGE);
  }
}
