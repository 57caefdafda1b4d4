import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { ContactField } from '@mingle/shared';
import { Store } from '../database/store';
import { Match, Note, OptOut, ShareChoice, SwapRequest } from './connection.entities';
import { ordered } from '../common/pair';

/** Attendee ids per statement: well under SQLite's and PostgreSQL's parameter limits. */
const IDS_PER_STATEMENT = 400;

/** What one attendee keeps about the people they met: their asks, matches, notes and opt-outs. */
export interface OwnConnections {
  asked: SwapRequest[];
  matches: Match[];
  notes: Note[];
  optOuts: OptOut[];
}

/** Every query of swap requests, matches, opt-outs, share choices and notes. */
@Injectable()
export class ConnectionsRepository {
  constructor(private readonly store: Store) {}

  private get requests() {
    return this.store.table(SwapRequest);
  }

  private get matches() {
    return this.store.table(Match);
  }

  private get optOuts() {
    return this.store.table(OptOut);
  }

  private get notes() {
    return this.store.table(Note);
  }

  private get shareChoices() {
    return this.store.table(ShareChoice);
  }

  /** Everything `attendeeId` keeps, toward everyone or (with `otherId`) toward one person. */
  async ownedBy(attendeeId: string, otherId?: string): Promise<OwnConnections> {
    const toward = otherId === undefined ? {} : { otherId };
    const [asked, matches, notes, optOuts] = await Promise.all([
      this.requests.findBy({ fromId: attendeeId, ...(otherId === undefined ? {} : { toId: otherId }) }),
      otherId === undefined
        ? this.matches.find({ where: [{ a: attendeeId }, { b: attendeeId }] })
        : this.matchesOfPair(attendeeId, otherId),
      this.notes.findBy({ attendeeId, ...toward }),
      this.optOuts.findBy({ attendeeId, ...toward }),
    ]);
    return { asked, matches, notes, optOuts };
  }

  /** What each of two people keeps toward the other, both read at once: [x's, y's]. */
  async ownedByPair(x: string, y: string): Promise<[OwnConnections, OwnConnections]> {
    const [asked, matches, notes, optOuts] = await Promise.all([
      this.requests.find({
        where: [
          { fromId: x, toId: y },
          { fromId: y, toId: x },
        ],
      }),
      this.matchesOfPair(x, y),
      this.notes.find({
        where: [
          { attendeeId: x, otherId: y },
          { attendeeId: y, otherId: x },
        ],
      }),
      this.optOuts.find({
        where: [
          { attendeeId: x, otherId: y },
          { attendeeId: y, otherId: x },
        ],
      }),
    ]);
    const of = (id: string): OwnConnections => ({
      asked: asked.filter((r) => r.fromId === id),
      matches,
      notes: notes.filter((n) => n.attendeeId === id),
      optOuts: optOuts.filter((o) => o.attendeeId === id),
    });
    return [of(x), of(y)];
  }

  private async matchesOfPair(x: string, y: string): Promise<Match[]> {
    const [a, b] = ordered(x, y);
    return this.matches.findBy({ a, b });
  }

  /** Records the ask; asking again changes nothing. */
  async ask(fromId: string, toId: string, eventId: string, now: number): Promise<void> {
    await this.requests.createQueryBuilder().insert().values({ fromId, toId, eventId, createdAt: now }).orIgnore().execute();
  }

  asked(fromId: string, toId: string): Promise<boolean> {
    return this.requests.existsBy({ fromId, toId });
  }

  async withdraw(fromId: string, toId: string): Promise<void> {
    await this.requests.delete({ fromId, toId });
  }

  matched(x: string, y: string): Promise<boolean> {
    const [a, b] = ordered(x, y);
    return this.matches.existsBy({ a, b });
  }

  /** The matches primary key (a, b) with a < b is the last guard against a duplicate. */
  async match(match: Match): Promise<void> {
    await this.matches.createQueryBuilder().insert().values(match).orIgnore().execute();
  }

  /** `who` shares nothing more with `otherId`; false when they have no match. */
  async stopSharing(who: string, otherId: string): Promise<boolean> {
    const [a, b] = ordered(who, otherId);
    const result = await this.matches.update({ a, b }, a === who ? { aFields: [] } : { bFields: [] });
    return !!result.affected;
  }

  shareChoice(attendeeId: string): Promise<ShareChoice | null> {
    return this.shareChoices.findOneBy({ attendeeId });
  }

  async setShareChoice(attendeeId: string, fields: ContactField[]): Promise<void> {
    await this.shareChoices.save({ attendeeId, fields });
  }

  async optOut(optOut: OptOut): Promise<void> {
    await this.optOuts.save(optOut);
  }

  async undoOptOut(attendeeId: string, otherId: string): Promise<void> {
    await this.optOuts.delete({ attendeeId, otherId });
  }

  /** Every opt-out of the event as a pair the mixer keeps apart. */
  async optOutPairs(eventId: string): Promise<Array<[string, string]>> {
    const rows = await this.optOuts.find({ select: { attendeeId: true, otherId: true }, where: { eventId } });
    return rows.map((r) => [r.attendeeId, r.otherId]);
  }

  /** An empty text deletes the note. */
  async setNote(attendeeId: string, otherId: string, text: string): Promise<void> {
    if (text.trim()) await this.notes.save({ attendeeId, otherId, text });
    else await this.notes.delete({ attendeeId, otherId });
  }

  /** Counts for the organizer: how many asks, and the matches (pairs only, never cards). */
  async ofEvent(eventId: string): Promise<{ asked: number; matches: Array<Pick<Match, 'a' | 'b'>> }> {
    const [asked, matches] = await Promise.all([
      this.requests.countBy({ eventId }),
      this.matches.find({ select: { a: true, b: true }, where: { eventId } }),
    ]);
    return { asked, matches };
  }

  /**
   * For the report: when each ask was made, as the unordered pair it concerns. Who asked whom
   * never leaves this repository.
   */
  async askTimes(eventId: string): Promise<Array<{ a: string; b: string; at: number }>> {
    const rows = await this.requests.find({ select: { fromId: true, toId: true, createdAt: true }, where: { eventId } });
    return rows.map((r) => {
      const [a, b] = ordered(r.fromId, r.toId);
      return { a, b, at: Number(r.createdAt) };
    });
  }

  /** Someone removed or erased: their swap requests and matches, both ways, their share choice and notes. */
  async dropAllOf(attendeeId: string): Promise<void> {
    await this.requests.delete({ fromId: attendeeId });
    await this.requests.delete({ toId: attendeeId });
    await this.matches.delete({ a: attendeeId });
    await this.matches.delete({ b: attendeeId });
    await this.shareChoices.delete({ attendeeId });
    await this.notes.delete({ attendeeId });
  }

  /** Erased: also what others noted about them, and their own opt-outs. */
  async dropErased(attendeeId: string): Promise<void> {
    await this.dropAllOf(attendeeId);
    await this.notes.delete({ otherId: attendeeId });
    await this.optOuts.delete({ attendeeId });
  }

  /** Retention is over: the event's requests, matches and opt-outs, and its attendees' share choices and notes. */
  async purgeEvent(eventId: string, attendeeIds: string[]): Promise<void> {
    await this.requests.delete({ eventId });
    await this.matches.delete({ eventId });
    await this.optOuts.delete({ eventId });
    for (let i = 0; i < attendeeIds.length; i += IDS_PER_STATEMENT) {
      const chunk = attendeeIds.slice(i, i + IDS_PER_STATEMENT);
      await this.shareChoices.delete({ attendeeId: In(chunk) });
      await this.notes.delete({ attendeeId: In(chunk) });
    }
  }
}
