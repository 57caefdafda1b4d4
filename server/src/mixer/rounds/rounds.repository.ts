import { Injectable } from '@nestjs/common';
import { In, IsNull, Not, QueryFailedError } from 'typeorm';
import { Batched } from '../../common/batched';
import { bulkInsert } from '../../database/bulk-insert';
import { Store } from '../../database/store';
import type { Pair } from '../engine/types';
import { ordered } from '../../common/pair';
import { Autopilot, Group, GroupMember, Meeting, Round, RoundPlan } from './round.entity';

/** A round was written while another of the event runs: the unique index on a running round said no. */
export class RoundRunningError extends Error {}

/** Someone's groups of a round, and the members of those groups. */
export interface Seats {
  groups: Group[];
  members: GroupMember[];
}

/** One time two people shared a group: in which round, at which spot. */
export interface MeetingSpot {
  a: string;
  b: string;
  roundNumber: number;
  spot: string;
  /** the round's help topics when it used gives and asks, else null */
  helpTopics: string[] | null;
}

/** The rows of one round as written: the round, its groups, who sits where, and who meets whom. */
export interface RoundRows {
  round: Round;
  groups: Group[];
  members: GroupMember[];
  meetings: Meeting[];
}

/** Rounds that ran or run: a staged round is written ahead, and nobody reads it until a start makes it run. */
const SHOWN = "r.state <> 'staged'";

/**
 * Every query of the round aggregate: rounds, their groups and members, meetings, round plans and
 * the autopilot. Writes join the caller's transaction (`transactions.run`) through the Store.
 *
 * The next round may already be written as a staged round (its groups, members and meetings too), so
 * that a start is one conditional write. Every query of an event's rounds, meetings, groups or seats
 * leaves staged rows out; the queries by round or group id get ids only from those.
 */
@Injectable()
export class RoundsRepository {
  // read together (see Batched): a burst of phones reconnecting at once is a few queries
  private readonly latestAmongOthers = new Batched<string, Round | null>(
    async (eventIds) => new Map(await Promise.all(eventIds.map(async (id) => [id, await this.latest(id)] as const))),
  );
  private readonly autopilotsAmongOthers = new Batched<string, Autopilot | null>(
    async (eventIds) => new Map((await this.autopilots.findBy({ eventId: In(eventIds) })).map((a) => [a.eventId, a] as const)),
  );
  private readonly seatsAmongOthers = new Batched<string, Seats>(async (keys) => {
    const byRound = new Map<string, string[]>();
    for (const key of keys) {
      const [roundId, attendeeId] = key.split(' ') as [string, string];
      if (!byRound.has(roundId)) byRound.set(roundId, []);
      byRound.get(roundId)!.push(attendeeId);
    }
    const found = new Map<string, Seats>();
    for (const [roundId, attendeeIds] of byRound)
      for (const [attendeeId, seats] of await this.seatsOfMany(roundId, attendeeIds)) found.set(`${roundId} ${attendeeId}`, seats);
    return found;
  });

  constructor(private readonly store: Store) {}

  /** Runs `work` while no other node plans ahead for the event; false when `wanted()` said no more while it waited. */
  planningAlone(eventId: string, work: () => Promise<void>, wanted: () => boolean): Promise<boolean> {
    return this.store.alone(`planning ${eventId}`, work, wanted);
  }

  private get rounds() {
    return this.store.table(Round);
  }
  private get groups() {
    return this.store.table(Group);
  }
  private get members() {
    return this.store.table(GroupMember);
  }
  private get meetings() {
    return this.store.table(Meeting);
  }
  private get autopilots() {
    return this.store.table(Autopilot);
  }
  private get plans() {
    return this.store.table(RoundPlan);
  }

  // rounds

  /** The event's latest round, running or ended: only the latest can run. */
  latest(eventId: string): Promise<Round | null> {
    return this.rounds.findOne({ where: { eventId, state: Not('staged') }, order: { number: 'DESC' } });
  }

  running(eventId: string, roundId?: string): Promise<Round | null> {
    return this.rounds.findOneBy({ eventId, state: 'running', ...(roundId ? { id: roundId } : {}) });
  }

  runningById(roundId: string): Promise<Round | null> {
    return this.rounds.findOneBy({ id: roundId, state: 'running' });
  }

  /** Every round of the event, latest first. */
  all(eventId: string): Promise<Round[]> {
    return this.rounds.find({ where: { eventId, state: Not('staged') }, order: { number: 'DESC' } });
  }

  /** The round a group belongs to, in one query. */
  ofGroup(groupId: string): Promise<Round | null> {
    return this.rounds.createQueryBuilder('r').innerJoin(Group, 'g', 'g.round_id = r.id').where('g.id = :groupId', { groupId }).getOne();
  }

  due(now: number): Promise<Round[]> {
    return this.rounds.createQueryBuilder('r').where('r.state = :s AND r.ends_at <= :now', { s: 'running', now }).getMany();
  }

  /** A whole new round in a few statements (a staged round of the event is dropped); throws RoundRunningError if one already runs. */
  async add({ round, groups, members, meetings }: RoundRows): Promise<void> {
    await this.dropStaged(round.eventId);
    await runningOrNot(() => this.rounds.insert(round));
    await this.insertRows({ groups, members, meetings });
  }

  /** The event's staged round, if one is written. */
  staged(eventId: string): Promise<Round | null> {
    return this.rounds.findOneBy({ eventId, state: 'staged' });
  }

  /** Writes the next round ahead, in place of any staged before it; call inside a transaction. */
  async stage({ round, groups, members, meetings }: RoundRows): Promise<void> {
    await this.dropStaged(round.eventId);
    await this.rounds.insert(round);
    await this.insertRows({ groups, members, meetings });
  }

  /** The conditional write of a start from a staged round: true if it was still staged, and now runs; RoundRunningError if another round runs. */
  async begin(roundId: string, startedAt: number, endsAt: number): Promise<boolean> {
    const result = await runningOrNot(() =>
      this.rounds.update({ id: roundId, state: 'staged' }, { state: 'running', startedAt, endsAt, roomKey: null }),
    );
    return !!result.affected;
  }

  /** Drops the event's staged round with its rows (they cascade). */
  async dropStaged(eventId: string): Promise<void> {
    await this.rounds.delete({ eventId, state: 'staged' });
  }

  /** How many meetings the event's rows hold, a staged round's included: they are only ever added, so the count says whether any were. */
  meetingsWritten(eventId: string): Promise<number> {
    return this.meetings.countBy({ eventId });
  }

  private async insertRows({ groups, members, meetings }: Omit<RoundRows, 'round'>): Promise<void> {
    await bulkInsert(this.store.manager, Group, groups);
    await bulkInsert(this.store.manager, GroupMember, members);
    await bulkInsert(this.store.manager, Meeting, meetings);
  }

  /** The conditional write of an end: true for the one caller that ended it. */
  async end(roundId: string, endedAt: number): Promise<boolean> {
    const result = await this.rounds.update({ id: roundId, state: 'running' }, { state: 'ended', endedAt });
    return !!result.affected;
  }

  async extend(roundId: string, ms: number): Promise<void> {
    await this.rounds
      .createQueryBuilder()
      .update()
      .set({ endsAt: () => `ends_at + ${Math.round(ms)}` })
      .where('id = :id AND state = :state', { id: roundId, state: 'running' })
      .execute();
  }

  byId(roundId: string): Promise<Round | null> {
    return this.rounds.findOneBy({ id: roundId });
  }

  // groups and members

  /** The group, if its round runs. */
  runningGroup(groupId: string): Promise<Group | null> {
    return this.groups
      .createQueryBuilder('g')
      .innerJoin(Round, 'r', 'r.id = g.round_id AND r.state = :state', { state: 'running' })
      .where('g.id = :groupId', { groupId })
      .getOne();
  }

  /** The round's groups in spot order. */
  groupsOf(roundId: string): Promise<Group[]> {
    return this.groups.createQueryBuilder('g').where('g.round_id = :roundId', { roundId }).orderBy('g.position', 'ASC').getMany();
  }

  /** The round's members, first joined first. */
  membersOf(roundId: string): Promise<GroupMember[]> {
    return this.members.createQueryBuilder('m').where('m.round_id = :roundId', { roundId }).orderBy('m.joined_at', 'ASC').getMany();
  }

  /** The latest round that is not staged, as committed: read together with other such calls (a burst of snapshots). */
  async latestTogether(eventId: string): Promise<Round | null> {
    return (await this.latestAmongOthers.get(eventId)) ?? null;
  }

  /** The person's groups of the round with all their members, as `groupsOf` and `membersOf` with them; read together with other such calls. */
  async seatsTogether(roundId: string, attendeeId: string): Promise<Seats> {
    return (await this.seatsAmongOthers.get(`${roundId} ${attendeeId}`)) ?? { groups: [], members: [] };
  }

  /** Each person's groups of the round (those they left included), with every member of those groups: three queries. */
  private async seatsOfMany(roundId: string, attendeeIds: string[]): Promise<Map<string, Seats>> {
    const mine = await this.members.find({ select: { groupId: true, attendeeId: true }, where: { roundId, attendeeId: In(attendeeIds) } });
    const groupIds = [...new Set(mine.map((m) => m.groupId))];
    const [groups, members] = groupIds.length
      ? [await this.groupsByIds(roundId, groupIds), await this.membersOfGroups(roundId, groupIds)]
      : [[], []];
    return new Map(
      attendeeIds.map((id) => {
        const theirs = new Set(mine.filter((m) => m.attendeeId === id).map((m) => m.groupId));
        return [id, { groups: groups.filter((g) => theirs.has(g.id)), members: members.filter((m) => theirs.has(m.groupId)) }];
      }),
    );
  }

  /** The named groups of a round, in spot order. */
  groupsByIds(roundId: string, groupIds: string[]): Promise<Group[]> {
    return this.groups.find({ where: { roundId, id: In(groupIds) }, order: { position: 'ASC' } });
  }

  /** The members of the named groups of a round, first joined first. */
  membersOfGroups(roundId: string, groupIds: string[]): Promise<GroupMember[]> {
    return this.members.find({ where: { roundId, groupId: In(groupIds) }, order: { joinedAt: 'ASC' } });
  }

  /** The ids of the round's groups these people are in (those who left their group included). */
  async groupIdsOf(roundId: string, attendeeIds: string[]): Promise<string[]> {
    if (!attendeeIds.length) return [];
    const rows = await this.members.find({ select: { groupId: true }, where: { roundId, attendeeId: In(attendeeIds) } });
    return [...new Set(rows.map((r) => r.groupId))];
  }

  /** Marks the member arrived; false if they are not (or no longer) in that group. */
  async arrive(groupId: string, attendeeId: string, at: number): Promise<boolean> {
    const result = await this.members.update({ groupId, attendeeId, leftAt: IsNull() }, { arrivedAt: at });
    return !!result.affected;
  }

  async leave(groupId: string, attendeeId: string, at: number): Promise<void> {
    await this.members.update({ groupId, attendeeId }, { leftAt: at });
  }

  /** Puts a person in a group mid-round (again, if they were there before), with the meetings that makes. */
  async addMember(member: GroupMember, meetings: Meeting[]): Promise<void> {
    await this.members.delete({ groupId: member.groupId, attendeeId: member.attendeeId });
    await this.members.insert(member);
    if (meetings.length) await this.meetings.createQueryBuilder().insert().values(meetings).orIgnore().execute();
  }

  // meetings

  /** Every pair that met at the event, oldest round first. */
  async history(eventId: string): Promise<Pair[]> {
    // raw rows: every meeting of the event is read at each round start
    const rows = await this.meetings
      .createQueryBuilder('m')
      .innerJoin(Round, 'r', `r.id = m.round_id AND ${SHOWN}`)
      .select('m.a', 'a')
      .addSelect('m.b', 'b')
      .where('m.event_id = :eventId', { eventId })
      .orderBy('m.round_number', 'ASC')
      .getRawMany<{ a: string; b: string }>();
    return rows.map((m): Pair => [m.a, m.b]);
  }

  /** The pairs one person was in, oldest round first. */
  async historyOf(eventId: string, attendeeId: string): Promise<Pair[]> {
    const rows = await this.meetings
      .createQueryBuilder('m')
      .innerJoin(Round, 'r', `r.id = m.round_id AND ${SHOWN}`)
      .select(['m.a', 'm.b'])
      .where('m.event_id = :eventId AND (m.a = :id OR m.b = :id)', { eventId, id: attendeeId })
      .orderBy('m.round_number', 'ASC')
      .getMany();
    return rows.map((m): Pair => [m.a, m.b]);
  }

  /** Every encounter of `attendeeId` (only those with `otherId`, when given), with the spot, in one query. */
  async encounters(eventId: string, attendeeId: string, otherId?: string): Promise<MeetingSpot[]> {
    const query = this.meetings
      .createQueryBuilder('m')
      .leftJoin(Group, 'g', 'g.id = m.group_id')
      .innerJoin(Round, 'r', `r.id = m.round_id AND ${SHOWN}`)
      .select(['m.a AS a', 'm.b AS b', 'm.round_number AS "roundNumber"', 'g.spot AS spot', 'r.help_topics AS "helpTopics"'])
      .where('m.event_id = :eventId', { eventId });
    if (otherId) {
      const [a, b] = ordered(attendeeId, otherId);
      query.andWhere('m.a = :a AND m.b = :b', { a, b });
    } else {
      query.andWhere('(m.a = :id OR m.b = :id)', { id: attendeeId });
    }
    const rows: Array<{ a: string; b: string; roundNumber: number | string; spot: string | null; helpTopics: string | null }> =
      await query.getRawMany();
    return rows.map((r) => ({
      a: r.a,
      b: r.b,
      roundNumber: Number(r.roundNumber),
      spot: r.spot ?? '',
      helpTopics: r.helpTopics ? (JSON.parse(r.helpTopics) as string[]) : null,
    }));
  }

  /** Every pair that met at the event, and the numbers of its rounds in order: for the organizer's counts. */
  async pairsByRound(eventId: string): Promise<{ pairs: Array<Pick<Meeting, 'a' | 'b' | 'roundNumber'>>; rounds: number[] }> {
    const [pairs, rounds] = await Promise.all([
      this.meetings
        .createQueryBuilder('m')
        .innerJoin(Round, 'r', `r.id = m.round_id AND ${SHOWN}`)
        .select(['m.a', 'm.b', 'm.roundNumber'])
        .where('m.event_id = :eventId', { eventId })
        .getMany(),
      this.rounds.find({ select: { number: true }, where: { eventId, state: Not('staged') }, order: { number: 'ASC' } }),
    ]);
    return { pairs, rounds: rounds.map((r) => r.number) };
  }

  /** Every group of the event with its round, for the report: one query (through rounds, on the groups' round index). */
  groupsOfEvent(eventId: string): Promise<Array<Pick<Group, 'id' | 'roundId' | 'position' | 'spot'>>> {
    return this.groups
      .createQueryBuilder('g')
      .innerJoin(Round, 'r', `r.id = g.round_id AND ${SHOWN}`)
      .select(['g.id', 'g.roundId', 'g.position', 'g.spot'])
      .where('r.event_id = :eventId', { eventId })
      .getMany();
  }

  /** Everyone ever seated at the event (late joiners and people who left a group included): one query. */
  async seatsOfEvent(eventId: string): Promise<Array<Pick<GroupMember, 'groupId' | 'roundId' | 'attendeeId'>>> {
    return this.members
      .createQueryBuilder('m')
      .innerJoin(Round, 'r', `r.id = m.round_id AND ${SHOWN}`)
      .select(['m.groupId', 'm.roundId', 'm.attendeeId'])
      .where('r.event_id = :eventId', { eventId })
      .getMany();
  }

  /** Every meeting of the event with its round and group: one query. */
  meetingsOfEvent(eventId: string): Promise<Array<Pick<Meeting, 'a' | 'b' | 'roundNumber' | 'groupId'>>> {
    return this.meetings
      .createQueryBuilder('m')
      .innerJoin(Round, 'r', `r.id = m.round_id AND ${SHOWN}`)
      .select(['m.a', 'm.b', 'm.roundNumber', 'm.groupId'])
      .where('m.event_id = :eventId', { eventId })
      .getMany();
  }

  // round plans

  plan(eventId: string): Promise<RoundPlan | null> {
    return this.plans.findOneBy({ eventId });
  }

  async savePlan(plan: RoundPlan): Promise<void> {
    await this.plans.save(plan);
  }

  /** The plan moves on, unless it was replaced meanwhile. */
  async advancePlan(was: RoundPlan, now: Pick<RoundPlan, 'rounds' | 'stats' | 'meetingsCount' | 'peopleKey'>): Promise<void> {
    await this.plans.update({ eventId: was.eventId, meetingsCount: was.meetingsCount, peopleKey: was.peopleKey }, now);
  }

  async dropPlan(eventId: string): Promise<void> {
    await this.plans.delete({ eventId });
  }

  // autopilot

  autopilot(eventId: string): Promise<Autopilot | null> {
    return this.autopilots.findOneBy({ eventId });
  }

  /** The event's autopilot, as committed: read together with other such calls (a burst of snapshots between rounds). */
  async autopilotTogether(eventId: string): Promise<Autopilot | null> {
    return (await this.autopilotsAmongOthers.get(eventId)) ?? null;
  }

  async saveAutopilot(autopilot: Autopilot): Promise<void> {
    await this.autopilots.save(autopilot);
  }

  /**
   * The conditional write of every autopilot move: it changes only an autopilot still in `state`
   * (and, when given, still due at `nextRoundAt`; null: not due). True if it did.
   */
  async moveAutopilot(
    where: { eventId: string; state: Autopilot['state']; nextRoundAt?: number | null },
    set: Partial<Omit<Autopilot, 'eventId'>>,
  ): Promise<boolean> {
    const { nextRoundAt, ...rest } = where;
    const condition = nextRoundAt === undefined ? rest : { ...rest, nextRoundAt: nextRoundAt ?? IsNull() };
    const result = await this.autopilots.update(condition, set);
    return !!result.affected;
  }

  async dropAutopilot(eventId: string): Promise<void> {
    await this.autopilots.delete({ eventId });
  }

  dueAutopilots(now: number): Promise<Autopilot[]> {
    return this.autopilots.createQueryBuilder('a').where('a.state = :s AND a.next_round_at <= :now', { s: 'running', now }).getMany();
  }
}

/** Runs a write that makes a round run: the unique index on a running round says whether another runs. */
async function runningOrNot<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof QueryFailedError && isUniqueViolation(error)) throw new RoundRunningError();
    throw error;
  }
}

const isUniqueViolation = (error: QueryFailedError) => {
  const code = String((error as { code?: unknown }).code ?? '');
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};
