import { Injectable } from '@nestjs/common';
import { In, IsNull, Not, type FindOptionsWhere } from 'typeorm';
import { Batched } from '../common/batched';
import { leanMany } from '../database/lean-many';
import { Store } from '../database/store';
import { Attendee, type Presence, type SeatedAttendee } from './attendee.entity';

/** Statuses of people who are gone from the event for good. */
const GONE = ['removed', 'erased'] as const;
/** What a round never shows of an attendee, so a round start never reads it. */
const UNSEATED = new Set<string>(['card', 'tokenHash'] satisfies Array<keyof Attendee>);

/** Every query of the attendees table. Other modules read attendees through here, never the table. */
@Injectable()
export class AttendeesRepository {
  // read and written together (see Batched): a burst of phones reconnecting at once is a few queries
  private readonly byHash = new Batched<string, Attendee>(
    async (hashes) => new Map((await this.attendees.findBy({ tokenHash: In(hashes) })).map((a) => [a.tokenHash, a])),
  );
  private readonly byIdAmongOthers = new Batched<string, Attendee>(async (ids) => new Map((await this.byIds(ids)).map((a) => [a.id, a])));
  private readonly seenAmongOthers = new Batched<string, void>(async (ids) => {
    await this.markSeen(ids, Date.now());
    return new Map();
  });

  constructor(private readonly store: Store) {}

  private get attendees() {
    return this.store.table(Attendee);
  }

  byId(id: string): Promise<Attendee | null> {
    return this.attendees.findOneBy({ id });
  }

  byIdOrFail(id: string): Promise<Attendee> {
    return this.attendees.findOneByOrFail({ id });
  }

  /** Someone of this event, whatever their status. */
  inEvent(eventId: string, id: string): Promise<Attendee | null> {
    return this.attendees.findOneBy({ id, eventId });
  }

  /** Outside any transaction (a handshake, a request's guard): read together with the others of a burst. */
  async byTokenHash(tokenHash: string): Promise<Attendee | null> {
    return (await this.byHash.get(tokenHash)) ?? null;
  }

  /** These people as committed, read together with other such calls (a burst of snapshots); those not found are left out. */
  async byIdsTogether(ids: string[]): Promise<Attendee[]> {
    return (await Promise.all(ids.map((id) => this.byIdAmongOthers.get(id)))).filter((a) => a !== undefined);
  }

  /** Everyone still in the event, first joined first, as a round seats them (no card, no token hash). */
  active(eventId: string): Promise<SeatedAttendee[]> {
    // read at every round start: 5,000 rows made into entities the lean way, without the columns a round never shows
    const columns = this.attendees.metadata.columns.filter((c) => !UNSEATED.has(c.propertyName)).map((c) => `a.${c.propertyName}`);
    return leanMany(
      this.attendees
        .createQueryBuilder('a')
        .select(columns)
        .where('a.event_id = :eventId AND a.status = :status', { eventId, status: 'active' })
        .orderBy('a.joinedAt', 'ASC'),
    );
  }

  /**
   * Everyone still in the event as a start first checks the room: who, whether they are connected,
   * and when their row last changed (every change to a profile or status sets `updatedAt`).
   */
  async presence(eventId: string): Promise<Presence[]> {
    // raw rows: read at every round start, before anything else, and only these columns
    const rows = await this.attendees
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .addSelect('a.connected_at', 'connectedAt')
      .addSelect('a.last_seen_at', 'lastSeenAt')
      .addSelect('a.updated_at', 'updatedAt')
      .where('a.event_id = :eventId AND a.status = :status', { eventId, status: 'active' })
      .getRawMany<{ id: string; connectedAt: string | number | null; lastSeenAt: string | number; updatedAt: string | number }>();
    return rows.map((r) => ({
      id: r.id,
      status: 'active',
      connectedAt: r.connectedAt === null ? null : Number(r.connectedAt),
      lastSeenAt: Number(r.lastSeenAt),
      updatedAt: Number(r.updatedAt),
    }));
  }

  /** Everyone not removed or erased, first joined first: the console's list. */
  listed(eventId: string): Promise<Attendee[]> {
    return this.attendees.find({ where: { eventId, status: Not(In(GONE)) }, order: { joinedAt: 'ASC' } });
  }

  /** Who counts as joined (not removed, erased or left), with their interests. */
  async counted(eventId: string): Promise<Array<Pick<Attendee, 'id' | 'interests'>>> {
    // Raw rows: counted up to 4 times a second in a join storm, and making entities of 5,000 rows cost more than the query.
    const rows = await this.attendees
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .addSelect('a.interests', 'interests')
      .where('a.event_id = :eventId AND a.status NOT IN (:...gone)', { eventId, gone: [...GONE, 'left'] })
      .getRawMany<{ id: string; interests: string }>();
    return rows.map((r) => ({ id: r.id, interests: JSON.parse(r.interests) as string[] }));
  }

  /** Everyone who ever joined the event, for the report: names, companies, interests and presence, never cards. */
  forReport(eventId: string): Promise<Array<Pick<Attendee, 'id' | 'name' | 'company' | 'interests' | 'status' | 'connectedAt'>>> {
    return this.attendees.find({
      select: { id: true, name: true, company: true, interests: true, status: true, connectedAt: true },
      where: { eventId },
    });
  }

  /** Per event, how many are not removed or erased. */
  async countByEvent(eventIds: string[]): Promise<Map<string, number>> {
    const rows: Array<{ eventId: string; n: string | number }> = await this.attendees
      .createQueryBuilder('a')
      .select('a.eventId', 'eventId')
      .addSelect('COUNT(*)', 'n')
      .where({ eventId: In(eventIds), status: Not(In(GONE)) })
      .groupBy('a.eventId')
      .getRawMany();
    return new Map(rows.map((r) => [r.eventId, Number(r.n)]));
  }

  async insert(attendee: Attendee): Promise<void> {
    await this.attendees.insert(attendee);
  }

  /** A change of their own (profile, break, leaving): a removed attendee stays removed. */
  /** False when they were removed (nothing written). */
  async updateUnlessRemoved(id: string, changes: Partial<Attendee>): Promise<boolean> {
    return !!(await this.attendees.update({ id, status: Not('removed') }, changes)).affected;
  }

  /**
   * Removes those of `ids` who are in this event and not gone yet, blanking their name and card in
   * the same update (history shows "Removed attendee"). Returns who was removed by this call.
   */
  async remove(eventId: string, ids: string[], now: number): Promise<string[]> {
    const where = { id: In(ids), eventId, status: Not(In(GONE)) };
    const found = await this.idsWhere(where);
    if (found.length)
      await this.attendees.update(
        { ...where, id: In(found) },
        { status: 'removed', name: '', headline: '', company: '', card: {}, updatedAt: now },
      );
    return found;
  }

  /** Sends those of `ids` who are active in this event on a break. Returns who went. */
  async putAway(eventId: string, ids: string[], now: number): Promise<string[]> {
    const where = { id: In(ids), eventId, status: 'active' as const };
    const found = await this.idsWhere(where);
    if (found.length) await this.attendees.update({ ...where, id: In(found) }, { status: 'away', updatedAt: now });
    return found;
  }

  private async idsWhere(where: FindOptionsWhere<Attendee>): Promise<string[]> {
    return (await this.attendees.find({ select: { id: true }, where })).map((a) => a.id);
  }

  /** Blanks everything about them and retires their token; only that they met someone stays. */
  async erase(id: string, tokenHash: string, now: number): Promise<void> {
    await this.attendees.update(
      { id },
      {
        status: 'erased',
        name: '',
        headline: '',
        company: '',
        interests: [],
        card: {},
        gives: [],
        asks: [],
        helpLine: '',
        tokenHash,
        updatedAt: now,
      },
    );
  }

  /** Retention: every card of the event is cleared. */
  async clearCards(eventId: string): Promise<void> {
    await this.attendees.update({ eventId }, { card: {} });
  }

  idsOf(eventId: string): Promise<string[]> {
    return this.idsWhere({ eventId });
  }

  async markSeen(ids: string[], now: number): Promise<void> {
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY)
      await this.attendees.update({ id: In(ids.slice(i, i + IDS_PER_QUERY)) }, { lastSeenAt: now });
  }

  /** A socket of theirs connected again: seen now, written together with the others of a burst. */
  async seenTogether(id: string): Promise<void> {
    await this.seenAmongOthers.get(id);
  }

  /** A socket of theirs connected; true when it is their first connection ever. */
  async markConnected(id: string, now: number): Promise<boolean> {
    if ((await this.attendees.update({ id, connectedAt: IsNull() }, { connectedAt: now, lastSeenAt: now })).affected) return true;
    await this.attendees.update({ id }, { lastSeenAt: now });
    return false;
  }

  /**
   * Both attendees as committed now, in id order. On PostgreSQL the rows stay locked until the
   * caller's transaction ends (`FOR NO KEY UPDATE`: no conflict with the key-share locks foreign keys
   * take, but with a removal's status update); on SQLite the transaction holds the file's write lock.
   */
  async lockPair(x: string, y: string): Promise<Map<string, Attendee>> {
    const lock = this.store.kind === 'postgres' ? { lock: { mode: 'for_no_key_update' as const } } : {};
    const found = new Map<string, Attendee>();
    for (const id of x < y ? [x, y] : [y, x]) {
      const row = await this.attendees.findOne({ where: { id }, ...lock });
      if (row) found.set(id, row);
    }
    return found;
  }

  /** The attendees with these ids, in as few queries as the drivers' parameter limits allow. */
  async byIds(ids: string[]): Promise<Attendee[]> {
    const out: Attendee[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY)
      out.push(...(await this.attendees.findBy({ id: In(ids.slice(i, i + IDS_PER_QUERY)) })));
    return out;
  }

  /** Ids of everyone who has not left the event or been removed (present or not). */
  async stillInIds(eventId: string): Promise<string[]> {
    const rows = await this.attendees.find({ select: { id: true }, where: { eventId, status: Not(In(['removed', 'left'])) } });
    return rows.map((a) => a.id);
  }
}

/** Well under SQLite's (32,766) and PostgreSQL's (65,535) parameter limits. */
const IDS_PER_QUERY = 10_000;
