import { Injectable } from '@nestjs/common';
import { ERASED_MESSAGE, PURGED_MESSAGE, type ContactField, type ConnectionStats, type MetPerson } from '@mingle/shared';
import { ApiError, notFound } from '../common/api-error';
import { Attendee } from '../attendees/attendee.entity';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { EventsRepository } from '../events/events.repository';
import { DomainEventBus } from '../outbox/domain-event-bus';
import { ConnectionsRepository, type OwnConnections } from './connections.repository';
import { toMetPerson } from './connection.views';
import { helpPicks } from '../attendees/help-topics';
import { RoundsRepository, type MeetingSpot } from '../mixer/rounds/rounds.repository';
import { SwapRequests } from './swap-requests';

@Injectable()
export class ConnectionsService {
  constructor(
    private readonly connections: ConnectionsRepository,
    private readonly attendees: AttendeesRepository,
    private readonly events: EventsRepository,
    private readonly meetings: RoundsRepository,
    private readonly swaps: SwapRequests,
    private readonly bus: DomainEventBus,
  ) {}

  /** Everyone I shared a group with, newest encounter first. */
  async people(me: Attendee): Promise<MetPerson[]> {
    const meetings = await this.meetings.encounters(me.eventId, me.id);
    if (!meetings.length) return [];
    const otherIds = [...new Set(meetings.map((m) => (m.a === me.id ? m.b : m.a)))];
    const [others, own] = await Promise.all([this.attendees.byIds(otherIds), this.connections.ownedBy(me.id)]);
    const people = others.map((other) => metPerson(me, other, meetings, own));
    return people.sort((x, y) => (y.met.at(-1)?.round ?? 0) - (x.met.at(-1)?.round ?? 0) || x.name.localeCompare(y.name));
  }

  /** Two people as each sees the other ([what `a` sees of `b`, what `b` sees of `a`]): a match's news, from one read of the pair. */
  async eachOther(a: Attendee, b: Attendee, meetings: MeetingSpot[]): Promise<[MetPerson, MetPerson]> {
    const [ofA, ofB] = await this.connections.ownedByPair(a.id, b.id);
    return [metPerson(a, b, meetings, ofA), metPerson(b, a, meetings, ofB)];
  }

  /** One person I shared a group with (also one removed or erased since), read for that pair alone. */
  async person(me: Attendee, otherId: string): Promise<MetPerson> {
    const meetings = await this.meetings.encounters(me.eventId, me.id, otherId);
    if (!meetings.length) throw notFound('Person');
    const other = await this.attendees.byId(otherId);
    if (!other) throw notFound('Person');
    return this.describe(me, other, meetings);
  }

  /** What `me` knows of `other`, whose encounters with `me` are known already (also what the match news carries). */
  async describe(me: Attendee, other: Attendee, meetings: MeetingSpot[]): Promise<MetPerson> {
    return metPerson(me, other, meetings, await this.connections.ownedBy(me.id, other.id));
  }

  /**
   * Ask to swap. The other is not told; when they asked too, both get the match at once.
   * Asking twice changes nothing, and `match:made` goes out only for the ask that made the match.
   */
  async ask(me: Attendee, otherId: string): Promise<MetPerson> {
    const { other, meetings } = await this.metPerson(me, otherId);
    await this.assertOpen(me);
    const outcome = await this.swaps.record(me, otherId);
    if (outcome === 'gone') await this.metPerson(me, otherId); // says why: removed (404) or erased (410)
    const mine = await this.describe(me, other, meetings);
    if (outcome === 'made') await this.bus.publish('match.made', { eventId: me.eventId, a: me, b: other, meetings });
    else if (outcome === 'asked') await this.bus.publish('swaps.changed', { eventId: me.eventId });
    return mine;
  }

  /** Withdraw a request that has not matched yet. */
  async withdraw(me: Attendee, otherId: string): Promise<MetPerson> {
    const { other, meetings } = await this.metPerson(me, otherId);
    if (await this.connections.matched(me.id, otherId))
      throw new ApiError(409, 'already_matched', 'You already swapped contacts with this person');
    await this.connections.withdraw(me.id, otherId);
    await this.bus.publish('swaps.changed', { eventId: me.eventId });
    return this.describe(me, other, meetings);
  }

  /**
   * "Stop sharing" my card with one match: they keep the match but no longer see any of my fields,
   * in their list and their downloads, from now on; their phone is told at once.
   */
  async stopSharing(me: Attendee, otherId: string): Promise<MetPerson> {
    const { other, meetings } = await this.metPerson(me, otherId);
    if (!(await this.connections.stopSharing(me.id, otherId)))
      throw new ApiError(409, 'not_matched', 'You have not swapped contacts with this person');
    await this.bus.publish('match.changed', { eventId: me.eventId, viewer: other, sharer: me, meetings });
    return this.describe(me, other, meetings);
  }

  shareChoice(me: Attendee): Promise<ContactField[]> {
    return this.swaps.sharedFields(me);
  }

  async setShareChoice(me: Attendee, fields: ContactField[]): Promise<ContactField[]> {
    await this.connections.setShareChoice(me.id, [...new Set(fields)]);
    return this.shareChoice(me);
  }

  async optOut(me: Attendee, otherId: string, reason: 'know' | 'avoid'): Promise<MetPerson> {
    const { other, meetings } = await this.metPerson(me, otherId);
    await this.connections.optOut({ attendeeId: me.id, otherId, eventId: me.eventId, reason, createdAt: Date.now() });
    return this.describe(me, other, meetings);
  }

  async undoOptOut(me: Attendee, otherId: string): Promise<MetPerson> {
    const { other, meetings } = await this.metPerson(me, otherId);
    await this.connections.undoOptOut(me.id, otherId);
    return this.describe(me, other, meetings);
  }

  async setNote(me: Attendee, otherId: string, text: string): Promise<MetPerson> {
    const { other, meetings } = await this.metPerson(me, otherId);
    await this.connections.setNote(me.id, otherId, text);
    return this.describe(me, other, meetings);
  }

  /** Counts only: how many asked, how many matched, and the match rate of each round's pairs. */
  async stats(eventId: string): Promise<ConnectionStats> {
    const [{ asked, matches }, { pairs: met, rounds }] = await Promise.all([
      this.connections.ofEvent(eventId),
      this.meetings.pairsByRound(eventId),
    ]);
    const matched = new Set(matches.map((m) => `${m.a}|${m.b}`));
    return {
      swapsAsked: asked,
      matches: matches.length,
      rounds: rounds.map((number) => {
        const pairs = met.filter((m) => m.roundNumber === number);
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
  private async metPerson(me: Attendee, otherId: string): Promise<{ other: Attendee; meetings: MeetingSpot[] }> {
    const [other, meetings] = await Promise.all([
      this.attendees.inEvent(me.eventId, otherId),
      this.meetings.encounters(me.eventId, me.id, otherId),
    ]);
    if (!other || other.status === 'removed') throw notFound('Person');
    if (!meetings.length) throw new ApiError(403, 'not_met', 'You can only swap with people you shared a group with');
    if (other.status === 'erased') throw new ApiError(410, 'erased', ERASED_MESSAGE);
    return { other, meetings };
  }

  private async assertOpen(me: Attendee): Promise<void> {
    const event = await this.events.byId(me.eventId);
    if (event?.contactsPurgedAt) throw new ApiError(410, 'purged', PURGED_MESSAGE);
  }
}

/** In a round that used gives and asks: what the other offered that I asked for, and asked that I give (only when some). */
function helpBetween(me: Attendee, other: Attendee, topics: string[] | null): { offered?: string[]; wanted?: string[] } {
  if (!topics || other.status === 'erased' || other.status === 'removed') return {};
  const mine = helpPicks(topics, me);
  const theirs = helpPicks(topics, other);
  const offered = theirs.gives.filter((t) => mine.asks.includes(t));
  const wanted = theirs.asks.filter((t) => mine.gives.includes(t));
  return { ...(offered.length ? { offered } : {}), ...(wanted.length ? { wanted } : {}) };
}

/** What `me` knows of `other`: when and where they met, and what each side asked, shares and noted. */
function metPerson(me: Attendee, other: Attendee, meetings: MeetingSpot[], own: OwnConnections): MetPerson {
  const shared = other.interests.filter((t) => me.interests.includes(t));
  const met = meetings
    .filter((m) => m.a === other.id || m.b === other.id)
    .sort((x, y) => x.roundNumber - y.roundNumber)
    .map((m) => ({ round: m.roundNumber, spot: m.spot, shared, ...helpBetween(me, other, m.helpTopics) }));
  const match = own.matches.find((m) => m.a === other.id || m.b === other.id);
  return toMetPerson(other, {
    met,
    asked: own.asked.some((r) => r.toId === other.id),
    matchedAt: match?.matchedAt ?? null,
    shared: match ? (match.a === other.id ? match.aFields : match.bFields) : [],
    sharing: match ? (match.a === me.id ? match.aFields : match.bFields) : [],
    note: own.notes.find((n) => n.otherId === other.id)?.text ?? '',
    optOut: own.optOuts.find((o) => o.otherId === other.id)?.reason ?? null,
  });
}
