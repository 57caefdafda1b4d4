import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, QueryFailedError } from 'typeorm';
import { bulkInsert } from '../../database/bulk-insert';
import { spotLabel, type MyGroup, type RoundFigures } from '@mingle/shared';
import { ApiError } from '../../common/api-error';
import { Attendee } from '../../attendees/attendee.entity';
import { isPresent, presenceGraceMs } from '../../attendees/presence-rule';
import { MingleEvent } from '../../events/event.entity';
import { Broadcaster } from '../../broadcast/broadcaster';
import { DomainEventBus } from '../../outbox/domain-event-bus';
import { rooms } from '../../broadcast/rooms';
import type { Pair } from '../engine/types';
import { Group, GroupMember, Meeting, Round } from './round.entity';
import { icebreakerFor } from './icebreaker';
import { RoundPlanner } from './round-planner';
import { sharedInterests, toMyGroup } from './round.views';
import { bySeatOrder, latestRound, loadPicture, runningPicture, seated, tableOf, type RoundPicture, type Table } from './round-picture';
import { AvoidList } from './avoid-list';
import { DEFAULT_LOOK_AHEAD, PlanBook } from './plan-book';
import { planStats } from '../engine/stats';
import { chooseGroup } from '../engine/placement';
import { Autopilot } from './round.entity';
import { Outbox } from '../../outbox/outbox';

const MINUTE = 60_000;
/** A newcomer with less than this left waits for the next round. */
export const LATE_JOIN_CUTOFF_MS = MINUTE;

@Injectable()
export class RoundsService {
  constructor(
    private readonly db: DataSource,
    private readonly planner: RoundPlanner,
    private readonly broadcaster: Broadcaster,
    private readonly avoid: AvoidList,
    private readonly book: PlanBook,
    private readonly outbox: Outbox,
    private readonly bus: DomainEventBus,
  ) {}

  /** Groups the people present, writes the round in one transaction, then tells everyone; returns the round as written. */
  async start(eventId: string, minutes?: number): Promise<RoundPicture> {
    const event = await this.db.getRepository(MingleEvent).findOneByOrFail({ id: eventId });
    if (event.state !== 'open' && event.state !== 'live') throw new ApiError(409, 'event_not_open', 'Open joining before starting a round');
    if (await this.db.getRepository(Round).existsBy({ eventId, state: 'running' })) throw roundRunning();

    const present = await this.presentPeople(eventId);
    if (present.length < 2)
      throw new ApiError(409, 'too_few_people', `At least 2 people must be present to start a round (${present.length} now)`);
    const meetings = await this.db.getRepository(Meeting).find({ where: { eventId }, order: { roundNumber: 'ASC' } });
    const history: Pair[] = meetings.map((m) => [m.a, m.b]);
    const last = await this.db.getRepository(Round).findOne({ where: { eventId }, order: { number: 'DESC' } });
    const number = (last?.number ?? 0) + 1;

    const people = present.map((a) => ({ id: a.id, interests: a.interests, company: a.company }));
    const settings = { groupSize: event.groupSize, mode: event.mixMode, separateColleagues: event.separateColleagues, seed: number };
    const avoid = await this.avoid.pairs(eventId);
    const booked = await this.book.next(eventId, people, settings, history, avoid);
    const plan = booked
      ? { groups: booked, reason: undefined, stats: planStats(people, [booked], history, 0, settings.separateColleagues) }
      : await this.planner.plan({ people, settings, history, avoid });
    if (!plan.groups.length) throw new ApiError(409, 'cannot_group', `Cannot form groups: ${plan.reason ?? 'unknown reason'}`);

    const met = new Set(history.map(([a, b]) => pairKey(a, b)));
    const byId = new Map(present.map((a) => [a.id, a]));
    const now = Date.now();
    const round: Round = Object.assign(new Round(), {
      id: randomUUID(),
      eventId,
      number,
      state: 'running' as const,
      startedAt: now,
      endsAt: now + (minutes ?? event.roundMinutes) * MINUTE,
      endedAt: null,
      figures: figuresOf(plan.groups, met, plan.stats.meanSharedInterests, plan.stats.colleagueNote),
    });
    const groups: Group[] = [];
    const members: GroupMember[] = [];
    const pairs: Meeting[] = [];
    plan.groups.forEach((ids, position) => {
      const shared = sharedInterests(ids.map((id) => byId.get(id)!));
      const group = Object.assign(new Group(), {
        id: randomUUID(),
        roundId: round.id,
        eventId,
        position,
        spot: spotLabel(event.spotLabels, position),
        icebreaker: icebreakerFor(event.icebreakers, number, position, shared),
      });
      groups.push(group);
      for (const id of ids)
        members.push(
          Object.assign(new GroupMember(), {
            groupId: group.id,
            attendeeId: id,
            roundId: round.id,
            joinedAt: now,
            arrivedAt: null,
            leftAt: null,
            moved: false,
          }),
        );
      pairs.push(...meetingsOf(group, number, ids, []));
    });

    let followUp: string;
    try {
      followUp = await this.db.transaction(async (tx) => {
        await tx.insert(Round, round);
        await bulkInsert(tx, Group, groups);
        await bulkInsert(tx, GroupMember, members);
        await bulkInsert(tx, Meeting, pairs);
        await tx.update(MingleEvent, { id: eventId, state: 'open' }, { state: 'live', updatedAt: now });
        return this.outbox.record('round.started', { eventId, roundId: round.id }, tx);
      });
    } catch (error) {
      // Only the unique index on a running round means "already running"; an outage is a 503.
      if (error instanceof QueryFailedError && isUniqueViolation(error)) throw roundRunning();
      throw error;
    }
    this.outbox.committed('round.started');
    // The first round takes the event live: every role hears it.
    if (event.state === 'open') await this.bus.publish('event.changed', { event: { ...event, state: 'live', updatedAt: now } });
    const seats = new Map(members.map((m) => [m.attendeeId, m]));
    // The picture comes from the start itself, so 5,000 phones are told without reading it back.
    const picture: RoundPicture = {
      round,
      tables: groups.map((group, i) => ({
        group,
        seats: plan.groups[i]!.map((id) => ({ member: seats.get(id)!, attendee: byId.get(id)! })).sort(bySeatOrder),
      })),
    };
    await this.outbox.carryOut(followUp, 'round.started', { eventId, roundId: round.id, picture });
    const historyNow = [...history, ...pairs.map((m): Pair => [m.a, m.b])];
    if (booked) await this.book.advance(eventId, people, settings, historyNow, avoid);
    else this.book.prepare(eventId, people, settings, historyNow, avoid, await this.roundsAhead(eventId));
    return picture;
  }

  /**
   * Exactly one end is recorded, whoever calls first: the timer, another node, or the organizer.
   * Returns the ended round to the one caller that ended it, null to everyone else.
   */
  async end(eventId: string, roundId?: string): Promise<{ round: Round; followUp: string } | null> {
    const running = await this.db.getRepository(Round).findOneBy({ eventId, state: 'running', ...(roundId ? { id: roundId } : {}) });
    if (!running) return null;
    const endedAt = Date.now();
    const followUp = await this.db.transaction(async (tx) => {
      const result = await tx.update(Round, { id: running.id, state: 'running' }, { state: 'ended', endedAt });
      return result.affected ? this.outbox.record('round.ended', { eventId, roundId: running.id }, tx) : null;
    });
    return followUp ? { round: { ...running, state: 'ended' as const, endedAt }, followUp } : null;
  }

  /** The event's latest round, running or ended. */
  latest(eventId: string): Promise<Round | null> {
    return latestRound(this.db, eventId);
  }

  async extend(eventId: string, minutes: number): Promise<Round> {
    const running = await this.db.getRepository(Round).findOneBy({ eventId, state: 'running' });
    if (!running) throw noRound();
    await this.db
      .createQueryBuilder()
      .update(Round)
      .set({ endsAt: () => `ends_at + ${minutes * MINUTE}` })
      .where('id = :id AND state = :state', { id: running.id, state: 'running' })
      .execute();
    const extended = await this.db.getRepository(Round).findOneByOrFail({ id: running.id });
    if (extended.state !== 'running') throw noRound();
    await this.bus.publish('round.extended', { eventId, round: extended });
    return extended;
  }

  /** "I'm here" at the spot; returns that group as its phone shows it. */
  async arrive(attendeeId: string, groupId: string): Promise<MyGroup> {
    const group = await this.db.getRepository(Group).findOneBy({ id: groupId });
    const round = group && (await this.db.getRepository(Round).findOneBy({ id: group.roundId, state: 'running' }));
    if (!group || !round) throw new ApiError(409, 'no_round', 'That group is not in a running round');
    const result = await this.db.getRepository(GroupMember).update({ groupId, attendeeId, leftAt: IsNull() }, { arrivedAt: Date.now() });
    if (!result.affected) throw new ApiError(403, 'not_in_group', 'You are not in that group');
    const picture = await loadPicture(this.db, round, [groupId]);
    const seatedIds = picture.tables.flatMap((t) => seated(t).map((s) => s.attendee.id));
    await this.bus.publish('group.changed', {
      eventId: group.eventId,
      roundId: round.id,
      groupId,
      attendeeId,
      change: 'arrival',
      seatedIds,
    });
    return toMyGroup(picture, attendeeId)!;
  }

  /**
   * A newcomer (or someone back from a break) joins the group that suits the rules best: no avoid pair,
   * then fewest repeats, then fewest colleagues, then most shared interests (see chooseGroup).
   */
  async placeLate(eventId: string, attendeeId: string): Promise<void> {
    const picture = await runningPicture(this.db, eventId);
    if (!picture || picture.round.endsAt - Date.now() < LATE_JOIN_CUTOFF_MS || tableOf(picture, attendeeId)) return;
    const attendee = await this.db.getRepository(Attendee).findOneBy({ id: attendeeId, status: 'active' });
    const event = await this.db.getRepository(MingleEvent).findOneBy({ id: eventId });
    if (!attendee || !event || !isPresent(attendee, false, presenceGraceMs(event))) return;
    const table = await this.bestTable(event, attendeeId, attendee, picture.tables);
    if (!table) return;
    await this.seat(
      picture.round,
      table.group,
      attendeeId,
      seated(table).map((s) => s.attendee.id),
    );
    await this.placed(picture.round, table.group, attendeeId);
  }

  /** Someone left mid-round: the group sees it; a person left alone moves to the group that suits the rules best. */
  async unseat(eventId: string, attendeeId: string): Promise<void> {
    const picture = await runningPicture(this.db, eventId);
    const table = picture && tableOf(picture, attendeeId);
    if (!picture || !table) return;
    const now = Date.now();
    await this.db.getRepository(GroupMember).update({ groupId: table.group.id, attendeeId }, { leftAt: now });
    const left = { eventId, roundId: picture.round.id, groupId: table.group.id, attendeeId, change: 'leaving' as const };
    const rest = seated(table).filter((s) => s.attendee.id !== attendeeId);
    if (rest.length === 1) {
      const alone = rest[0]!.attendee;
      const event = await this.db.getRepository(MingleEvent).findOneBy({ id: eventId });
      const others = picture.tables.filter((t) => t !== table && seated(t).length > 0);
      // a person is never left alone: if every group is full, the largest size is stretched by one
      const target =
        event &&
        ((await this.bestTable(event, alone.id, alone, others)) ?? (await this.bestTable(event, alone.id, alone, others, Infinity)));
      if (target) {
        await this.db.getRepository(GroupMember).update({ groupId: table.group.id, attendeeId: alone.id }, { leftAt: now });
        await this.seat(
          picture.round,
          target.group,
          alone.id,
          seated(target).map((s) => s.attendee.id),
        );
        await this.bus.publish('group.changed', left);
        await this.placed(picture.round, target.group, alone.id);
        return;
      }
    }
    await this.bus.publish('group.changed', left);
  }

  private placed(round: Round, group: Group, attendeeId: string): Promise<void> {
    return this.bus.publish('group.changed', {
      eventId: round.eventId,
      roundId: round.id,
      groupId: group.id,
      attendeeId,
      change: 'placement',
    });
  }

  /** The table among `tables` that takes the person in rule order (chooseGroup), or undefined. */
  private async bestTable(
    event: MingleEvent,
    attendeeId: string,
    attendee: Attendee,
    tables: Table[],
    maxSize = event.groupSize + 1,
  ): Promise<Table | undefined> {
    const meetings = await this.db
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .where('m.event_id = :eventId AND (m.a = :id OR m.b = :id)', { eventId: event.id, id: attendeeId })
      .orderBy('m.round_number', 'ASC')
      .getMany();
    const avoid = (await this.avoid.pairs(event.id)).filter(([a, b]) => a === attendeeId || b === attendeeId);
    const asPerson = (a: Attendee) => ({ id: a.id, interests: a.interests, company: a.company });
    const index = chooseGroup({
      person: asPerson(attendee),
      groups: tables.map((t) => seated(t).map((s) => asPerson(s.attendee))),
      settings: { groupSize: event.groupSize, mode: event.mixMode, separateColleagues: event.separateColleagues },
      history: meetings.map((m): Pair => [m.a, m.b]),
      avoid,
      maxSize,
    });
    return index < 0 ? undefined : tables[index];
  }

  private async seat(round: Round, group: Group, attendeeId: string, with_: string[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(GroupMember, { groupId: group.id, attendeeId });
      await tx.insert(GroupMember, {
        groupId: group.id,
        attendeeId,
        roundId: round.id,
        joinedAt: Date.now(),
        arrivedAt: null,
        leftAt: null,
        moved: true,
      });
      const fresh = meetingsOf(group, round.number, [attendeeId], with_).filter((m) => m.a !== m.b);
      for (const m of fresh) await tx.createQueryBuilder().insert().into(Meeting).values(m).orIgnore().execute();
    });
  }

  private async roundsAhead(eventId: string): Promise<number> {
    const autopilot = await this.db.getRepository(Autopilot).findOneBy({ eventId });
    return autopilot ? autopilot.roundsLeft : DEFAULT_LOOK_AHEAD;
  }

  /** Active, and connected now or within the grace after their socket dropped (see isPresent). */
  async presentPeople(eventId: string): Promise<Attendee[]> {
    const event = await this.db.getRepository(MingleEvent).findOneByOrFail({ id: eventId });
    const online = await this.broadcaster.onlineIn(rooms.attendees(eventId));
    const active = await this.db.getRepository(Attendee).find({ where: { eventId, status: 'active' }, order: { joinedAt: 'ASC' } });
    return active.filter((a) => isPresent(a, online.has(a.id), presenceGraceMs(event)));
  }

  dueRounds(now: number): Promise<Round[]> {
    return this.db
      .getRepository(Round)
      .createQueryBuilder('r')
      .where('r.state = :s AND r.ends_at <= :now', { s: 'running', now })
      .getMany();
  }
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function meetingsOf(group: Group, roundNumber: number, ids: string[], others: string[]): Meeting[] {
  const out: Meeting[] = [];
  const everyone = others.length ? others : ids;
  for (const x of ids)
    for (const y of everyone) {
      if (x === y || (!others.length && x > y)) continue;
      const [a, b] = x < y ? [x, y] : [y, x];
      out.push(Object.assign(new Meeting(), { roundId: group.roundId, a, b, eventId: group.eventId, roundNumber, groupId: group.id }));
    }
  return out;
}

function figuresOf(groups: string[][], met: Set<string>, meanSharedInterests: number, colleagueNote?: string): RoundFigures {
  let repeatPairs = 0;
  for (const g of groups)
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) if (met.has(pairKey(g[i]!, g[j]!))) repeatPairs++;
  return {
    people: groups.reduce((n, g) => n + g.length, 0),
    groups: groups.length,
    repeatPairs,
    meanSharedInterests: Math.round(meanSharedInterests * 100) / 100,
    ...(colleagueNote ? { colleagueNote } : {}),
  };
}

const isUniqueViolation = (error: QueryFailedError) => {
  const code = String((error as { code?: unknown }).code ?? '');
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};
const roundRunning = () => new ApiError(409, 'round_running', 'A round is already running. End it first.');
const noRound = () => new ApiError(409, 'no_round', 'No round is running');
