import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { spotLabel, type MyGroup, type RoundFigures } from '@mingle/shared';
import { AfterReply } from '../../common/after-reply';
import { ApiError } from '../../common/api-error';
import { groupingParams } from '../../common/grouping-params';
import { Transactions } from '../../database/store';
import type { Attendee } from '../../attendees/attendee.entity';
import { AttendeesRepository } from '../../attendees/attendees.repository';
import { isPresent, presenceGraceMs } from '../../attendees/presence-rule';
import { helpPicks, helpTopicsOf } from '../../attendees/help-topics';
import type { MingleEvent } from '../../events/event.entity';
import { EventsRepository } from '../../events/events.repository';
import { Broadcaster } from '../../broadcast/broadcaster';
import { DomainEventBus } from '../../outbox/domain-event-bus';
import { Outbox } from '../../outbox/outbox';
import type { EngineSettings, Pair, Person, PlanStats } from '../engine/types';
import { planStats } from '../engine/stats';
import { chooseGroup } from '../engine/placement';
import { RoundPlanner } from '../planner/round-planner';
import { Group, GroupMember, Meeting, Round } from './round.entity';
import { icebreakerFor } from './icebreaker';
import { sharedInterests, toMyGroup } from './round.views';
import { RoundPictures, byJoinOrder, groupOf, remaining, type RoundGroup, type RoundPicture } from './round-picture';
import { RoundRunningError, RoundsRepository } from './rounds.repository';
import { SeatingInput, type Seating } from './seating-input';
import { DEFAULT_LOOK_AHEAD, PlanBook, type Booked } from './plan-book';

const MINUTE = 60_000;
/** A newcomer with less than this left waits for the next round. */
export const LATE_JOIN_CUTOFF_MS = MINUTE;

@Injectable()
export class RoundsService implements OnModuleDestroy {
  private readonly log = new Logger('Rounds');
  /** Work nobody waits for (a start's look-ahead, planning while the room is still); drained when the app closes. */
  private readonly background = new AfterReply((what, error) => this.log.warn(`${what}: ${error.message}`));
  /** events whose next rounds are being planned now */
  private readonly planning = new Set<string>();

  constructor(
    private readonly rounds: RoundsRepository,
    private readonly pictures: RoundPictures,
    private readonly events: EventsRepository,
    private readonly attendees: AttendeesRepository,
    private readonly transactions: Transactions,
    private readonly planner: RoundPlanner,
    private readonly broadcaster: Broadcaster,
    private readonly seating: SeatingInput,
    private readonly book: PlanBook,
    private readonly outbox: Outbox,
    private readonly bus: DomainEventBus,
  ) {}

  /** Groups the people present and writes the round in one transaction; returns the round as written, and tells everyone right after. */
  async start(eventId: string, minutes?: number): Promise<RoundPicture> {
    const event = await this.events.byIdOrFail(eventId);
    if (event.state !== 'open' && event.state !== 'live')
      throw new ApiError(409, 'event_not_open', 'Open joining before starting a round', { params: { variant: 'round' } });
    // only the latest round can be running
    const last = await this.rounds.latest(eventId);
    if (last?.state === 'running') throw roundRunning();

    const number = (last?.number ?? 0) + 1;
    const { present, helpTopics, people, settings, room } = await this.roomNow(event, number);
    if (present.length < 2)
      throw new ApiError(409, 'too_few_people', `At least 2 people must be present to start a round (${present.length} now)`, {
        params: { min: 2, n: present.length },
      });
    const { history } = room;
    const booked = await this.book.next(eventId, people, settings, room);
    const plan = booked
      ? {
          groups: booked.groups,
          reason: undefined,
          stats: booked.stats ?? planStats(people, [booked.groups], history, 0, settings.separateColleagues),
        }
      : await this.planner.plan({ people, settings, ...room });
    if (!plan.groups.length)
      throw new ApiError(409, 'cannot_group', `Cannot form groups: ${plan.reason ?? 'unknown reason'}`, {
        params: groupingParams(plan.reason),
      });

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
      figures: figuresOf(plan.groups, met, plan.stats, helpTopics !== null),
      helpTopics,
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
        spot: spotLabel(event.spotLabels, position, event.language),
        icebreaker: icebreakerFor(event.icebreakers, number, position, shared, event.language),
      });
      groups.push(group);
      for (const id of ids) members.push(memberOf(group, id, now, false));
      pairs.push(...meetingsOf(group, number, ids, []));
    });

    let followUp: string;
    try {
      followUp = await this.transactions.run(async () => {
        await this.rounds.add(round, groups, members, pairs);
        await this.events.goLive(eventId, now);
        return this.outbox.record('round.started', { eventId, roundId: round.id });
      });
    } catch (error) {
      // Only the unique index on a running round means "already running"; an outage is a 503.
      if (error instanceof RoundRunningError) throw roundRunning();
      throw error;
    }
    this.outbox.committed('round.started');
    const membership = new Map(members.map((m) => [m.attendeeId, m]));
    // The picture comes from the start itself, so 5,000 phones are told without reading it back.
    const picture: RoundPicture = {
      round,
      groups: groups.map((group, i) => ({
        ...group,
        members: plan.groups[i]!.map((id) => ({ ...membership.get(id)!, attendee: byId.get(id)! })).sort(byJoinOrder),
      })),
    };
    // The round is committed: the phones hear their groups first (the follow-up stays in the outbox
    // until they did), then the organizer gets the answer, then the next rounds are planned. At 5,000
    // phones, building and sending the console's whole picture first kept every phone waiting.
    try {
      await this.announce(event, picture, followUp);
    } catch (error) {
      // committed all the same: the outbox row brings the news on the next clock tick
      this.log.warn(`telling round ${number} of ${eventId}: ${(error as Error).message}`);
    }
    const historyNow = [...history, ...pairs.map((m): Pair => [m.a, m.b])];
    this.background.run(`round ${number} of ${eventId}`, () =>
      this.planAhead(eventId, booked, people, settings, { ...room, history: historyNow }),
    );
    return picture;
  }

  /**
   * Plans the next rounds for the room as it is now, unless the booked plan still fits it. Run once
   * the room has been still for a moment (StillRoom), so that a start finds its groups planned, the
   * first one too: planning 5,000 people alone takes the start half a second.
   */
  planWhileStill(eventId: string): void {
    if (this.planning.has(eventId)) return;
    this.background.run(`planning ahead for ${eventId}`, async () => {
      const event = await this.events.byId(eventId);
      if (!event || (event.state !== 'open' && event.state !== 'live') || this.planning.has(eventId)) return;
      const last = await this.rounds.latest(eventId);
      const { people, settings, room } = await this.roomNow(event, (last?.number ?? 0) + 1);
      if (people.length < 2 || (await this.book.next(eventId, people, settings, room))) return;
      await this.planAhead(eventId, null, people, settings, room);
    });
  }

  /** The room as a round would seat it now: who is present, as the engine knows them, and what else it weighs. */
  private async roomNow(event: MingleEvent, number: number) {
    const present = await this.presentPeople(event);
    const room = await this.seating.ofRoom(event.id);
    const helpTopics = helpTopicsOf(event);
    const people = present.map((a) => asPerson(a, helpTopics));
    const settings = { groupSize: event.groupSize, mode: event.mixMode, separateColleagues: event.separateColleagues, seed: number };
    return { present, helpTopics, people, settings, room };
  }

  /**
   * Closing: no look-ahead begins any more, a look-ahead thinking now is cut short
   * (the planner closes), and the app waits for what is running. Nothing is left behind to run
   * after the database closes.
   */
  async onModuleDestroy(): Promise<void> {
    const drained = this.background.close();
    await this.planner.close();
    await drained;
  }

  /** Look-aheads that have not ended yet (for tests). */
  get pendingLookAheads(): number {
    return this.background.pending;
  }

  private async announce(event: MingleEvent, picture: RoundPicture, followUp: string): Promise<void> {
    // The groups first: they are what every phone waits for.
    await this.outbox.carryOut(followUp, 'round.started', { eventId: event.id, roundId: picture.round.id, picture });
    // The first round takes the event live: every role hears it, right after (at 5,000 phones the whole
    // event sent to each before the groups cost the first round a few hundred milliseconds).
    if (event.state === 'open')
      await this.bus.publish('event.changed', { event: { ...event, state: 'live', updatedAt: picture.round.startedAt } });
  }

  /** The look-ahead planner starts only once the start's news are out, so it never competes with them; one per event at a time. */
  private async planAhead(eventId: string, booked: Booked | null, people: Person[], settings: EngineSettings, room: Seating) {
    this.planning.add(eventId);
    try {
      if (booked) await this.book.advance(booked, people, settings, room);
      else await this.book.prepare(eventId, people, settings, room, await this.roundsAhead(eventId));
    } finally {
      this.planning.delete(eventId);
    }
  }

  async extend(eventId: string, minutes: number): Promise<Round> {
    const running = await this.rounds.running(eventId);
    if (!running) throw noRound();
    await this.rounds.extend(running.id, minutes * MINUTE);
    const extended = await this.rounds.byId(running.id);
    if (extended?.state !== 'running') throw noRound();
    await this.bus.publish('round.extended', { eventId, round: extended });
    return extended;
  }

  /** "I'm here" at the spot; returns that group as its phone shows it. */
  async arrive(attendeeId: string, groupId: string): Promise<MyGroup> {
    const group = await this.rounds.runningGroup(groupId);
    const round = group && (await this.rounds.runningById(group.roundId));
    if (!group || !round) throw new ApiError(409, 'no_round', 'That group is not in a running round', { params: { variant: 'group' } });
    if (!(await this.rounds.arrive(groupId, attendeeId, Date.now()))) throw new ApiError(403, 'not_in_group', 'You are not in that group');
    const picture = await this.pictures.ofGroups(round, [groupId]);
    const memberIds = picture.groups.flatMap((g) => remaining(g).map((m) => m.attendee.id));
    await this.bus.publish('group.changed', {
      eventId: group.eventId,
      roundId: round.id,
      groupId,
      attendeeId,
      change: 'arrival',
      memberIds,
    });
    return toMyGroup(picture, attendeeId)!;
  }

  /**
   * A newcomer (or someone back from a break) joins the group that suits the rules best (pairs known from the series weigh below colleagues): no avoid pair,
   * then fewest repeats, then fewest colleagues, then most shared interests (see chooseGroup).
   */
  async placeLate(eventId: string, attendeeId: string): Promise<void> {
    const picture = await this.pictures.running(eventId);
    if (!picture || picture.round.endsAt - Date.now() < LATE_JOIN_CUTOFF_MS || groupOf(picture, attendeeId)) return;
    const attendee = await this.attendees.byId(attendeeId);
    const event = await this.events.byId(eventId);
    if (attendee?.status !== 'active' || !event || !isPresent(attendee, false, presenceGraceMs(event))) return;
    const group = await this.bestGroup(event, picture.round, attendee, picture.groups);
    if (!group) return;
    await this.transactions.run(() => this.addMember(picture.round, group, attendeeId));
    await this.placed(picture.round, group, attendeeId);
  }

  /** Someone left mid-round: the group sees it; a person left alone moves to the group that suits the rules best. */
  async removeFromGroup(eventId: string, attendeeId: string): Promise<void> {
    const picture = await this.pictures.running(eventId);
    const group = picture && groupOf(picture, attendeeId);
    if (!picture || !group) return;
    const now = Date.now();
    await this.rounds.leave(group.id, attendeeId, now);
    const left = { eventId, roundId: picture.round.id, groupId: group.id, attendeeId, change: 'leaving' as const };
    const rest = remaining(group).filter((m) => m.attendee.id !== attendeeId);
    if (rest.length === 1) {
      const alone = rest[0]!.attendee;
      const event = await this.events.byId(eventId);
      const others = picture.groups.filter((g) => g !== group && remaining(g).length > 0);
      // a person is never left alone: if every group is full, the largest size is stretched by one
      const target =
        event &&
        ((await this.bestGroup(event, picture.round, alone, others)) ??
          (await this.bestGroup(event, picture.round, alone, others, Infinity)));
      if (target) {
        await this.transactions.run(async () => {
          await this.rounds.leave(group.id, alone.id, now);
          await this.addMember(picture.round, target, alone.id);
        });
        await this.bus.publish('group.changed', left);
        await this.placed(picture.round, target, alone.id);
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

  /** The group among `groups` that takes the person in rule order (chooseGroup), or undefined. */
  private async bestGroup(
    event: MingleEvent,
    round: Round,
    attendee: Attendee,
    groups: RoundGroup[],
    maxSize = event.groupSize + 1,
  ): Promise<RoundGroup | undefined> {
    const { history, avoid, known } = await this.seating.ofPerson(event.id, attendee.id);
    const topics = round.helpTopics ?? null;
    const index = chooseGroup({
      person: asPerson(attendee, topics),
      groups: groups.map((g) => remaining(g).map((m) => asPerson(m.attendee, topics))),
      settings: { groupSize: event.groupSize, mode: event.mixMode, separateColleagues: event.separateColleagues },
      history,
      avoid,
      known,
      maxSize,
    });
    return index < 0 ? undefined : groups[index];
  }

  /** Puts the person in the group mid-round; they meet everyone still in it. */
  private async addMember(round: Round, group: RoundGroup, attendeeId: string): Promise<void> {
    const others = remaining(group).map((m) => m.attendee.id);
    const fresh = meetingsOf(group, round.number, [attendeeId], others).filter((m) => m.a !== m.b);
    await this.rounds.addMember(memberOf(group, attendeeId, Date.now(), true), fresh);
  }

  private async roundsAhead(eventId: string): Promise<number> {
    const autopilot = await this.rounds.autopilot(eventId);
    return autopilot ? autopilot.roundsLeft : DEFAULT_LOOK_AHEAD;
  }

  /** Active, and connected now or within the grace after their socket dropped (see isPresent). */
  private async presentPeople(event: MingleEvent): Promise<Attendee[]> {
    const online = this.broadcaster.onlineIn(event.id);
    const active = await this.attendees.active(event.id);
    return active.filter((a) => isPresent(a, online.has(a.id), presenceGraceMs(event)));
  }
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function memberOf(group: Group, attendeeId: string, joinedAt: number, moved: boolean): GroupMember {
  return Object.assign(new GroupMember(), {
    groupId: group.id,
    attendeeId,
    roundId: group.roundId,
    joinedAt,
    arrivedAt: null,
    leftAt: null,
    moved,
  });
}

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

/** What the engine knows of a person: interests, company, and their gives and asks under the round's topics. */
function asPerson(a: Attendee, helpTopics: string[] | null): Person {
  const { gives, asks } = helpPicks(helpTopics, a);
  return { id: a.id, interests: a.interests, company: a.company, ...(helpTopics ? { gives, asks } : {}) };
}

function figuresOf(groups: string[][], met: Set<string>, stats: PlanStats, help: boolean): RoundFigures {
  const { meanSharedInterests, colleagueNote } = stats;
  let repeatPairs = 0;
  for (const g of groups)
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) if (met.has(pairKey(g[i]!, g[j]!))) repeatPairs++;
  return {
    people: groups.reduce((n, g) => n + g.length, 0),
    groups: groups.length,
    repeatPairs,
    meanSharedInterests: Math.round(meanSharedInterests * 100) / 100,
    ...(colleagueNote ? { colleagueNote } : {}),
    ...(help ? { help: stats.help ?? { matches: 0, asksMet: 0, asks: 0 } } : {}),
  };
}

const roundRunning = () => new ApiError(409, 'round_running', 'A round is already running. End it first.');
const noRound = () => new ApiError(409, 'no_round', 'No round is running');
