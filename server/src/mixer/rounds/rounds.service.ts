import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { MyGroup } from '@mingle/shared';
import { AfterReply } from '../../common/after-reply';
import { ApiError } from '../../common/api-error';
import { groupingParams } from '../../common/grouping-params';
import { Transactions } from '../../database/store';
import type { Presence, SeatedAttendee } from '../../attendees/attendee.entity';
import { AttendeesRepository } from '../../attendees/attendees.repository';
import { isPresent, presenceGraceMs } from '../../attendees/presence-rule';
import { helpPicks, helpTopicsOf } from '../../attendees/help-topics';
import type { MingleEvent } from '../../events/event.entity';
import { EventsRepository } from '../../events/events.repository';
import { Broadcaster } from '../../broadcast/broadcaster';
import { DomainEventBus } from '../../outbox/domain-event-bus';
import { Outbox } from '../../outbox/outbox';
import type { EngineSettings, Pair, Person } from '../engine/types';
import { chooseGroup } from '../engine/placement';
import { RoundPlanner } from '../planner/round-planner';
import type { Group, Round } from './round.entity';
import { toMyGroup } from './round.views';
import { RoundPictures, groupOf, pictureOf, remaining, type RoundGroup, type RoundPicture } from './round-picture';
import { memberOf, meetingsOf, roundRows } from './round-rows';
import { RoundRunningError, RoundsRepository } from './rounds.repository';
import { SeatingInput } from './seating-input';
import { DEFAULT_LOOK_AHEAD, PlanBook } from './plan-book';
import { StagedRounds, type StagedRound } from './staged-rounds';
import type { Room } from './room';

const MINUTE = 60_000;
/** A newcomer with less than this left waits for the next round. */
export const LATE_JOIN_CUTOFF_MS = MINUTE;
/** how long after a failed look-ahead it is tried once more */
const PLAN_AGAIN_MS = 1000;
/** how many times a start goes again when a look-ahead staged its round while it seated it */
const START_TRIES = 3;

/** A start lost its round's number to a look-ahead that staged that round meanwhile: no round runs. */
class StagedMeanwhile extends Error {}

@Injectable()
export class RoundsService implements OnModuleDestroy {
  private readonly log = new Logger('Rounds');
  /** Work nobody waits for (a start's look-ahead, planning while the room is still); drained when the app closes. */
  private readonly background = new AfterReply((what, error) => this.log.warn(`${what}: ${error.message}`));
  /** events whose next rounds are being planned now: true when asked again meanwhile */
  private readonly planning = new Map<string, boolean>();

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
    private readonly staged: StagedRounds,
    private readonly outbox: Outbox,
    private readonly bus: DomainEventBus,
  ) {}

  /**
   * Starts the next round with the people present: the staged round when it was planned for the room
   * as it is now (one conditional write), else the round seated now. The phones hear their groups right
   * after the commit; returns the round as written.
   */
  async start(eventId: string, minutes?: number): Promise<RoundPicture> {
    for (let tries = 1; ; tries++) {
      try {
        return await this.startOnce(eventId, minutes);
      } catch (error) {
        // the look-ahead's round is written now: the next try takes it, or drops it for the room as it is
        if (!(error instanceof StagedMeanwhile)) throw error;
        if (tries === START_TRIES) throw new ApiError(503, 'unavailable', 'The round was being planned as it started. Try again.');
      }
    }
  }

  private async startOnce(eventId: string, minutes?: number): Promise<RoundPicture> {
    const event = await this.events.byIdOrFail(eventId);
    if (event.state !== 'open' && event.state !== 'live')
      throw new ApiError(409, 'event_not_open', 'Open joining before starting a round', { params: { variant: 'round' } });
    // only the latest round can be running
    const last = await this.rounds.latest(eventId);
    if (last?.state === 'running') throw roundRunning();

    const number = (last?.number ?? 0) + 1;
    const here = await this.present(event, (id) => this.attendees.presence(id));
    const n = here.length;
    if (n < 2)
      throw new ApiError(409, 'too_few_people', `At least 2 people must be present to start a round (${n} now)`, { params: { min: 2, n } });
    // the whole room is read only if the start needs it: the staged round was not kept here as it is, or the round is seated now
    let read: Promise<Room> | undefined;
    const room = () => (read ??= this.roomFor(event, number));
    const length = minutes ?? event.roundMinutes;
    const rules = { settings: settingsOf(event, number), pairs: await this.seating.pairs(event.id) };
    const staged = await this.staged.ready(event, number, here, rules, async () => (await room()).people);
    return (
      (staged && (await this.startStaged(event, staged, length, room))) ??
      (await this.seatAndStart({ ...(await room()), event, minutes: length }))
    );
  }

  /** Round `number` as the room is now: who is present, as the engine knows them, under the event's settings. */
  private async roomFor(event: MingleEvent, number: number): Promise<Room> {
    const present = await this.present(event, (id) => this.attendees.active(id));
    const helpTopics = helpTopicsOf(event);
    const people = present.map((a) => asPerson(a, helpTopics));
    return { number, present, helpTopics, people, settings: settingsOf(event, number) };
  }

  /**
   * The staged round runs from now: null if it was dropped meanwhile. Its groups are told as this node
   * seated them when it staged them, or as read with the room.
   */
  private async startStaged(event: MingleEvent, staged: StagedRound, minutes: number, room: () => Promise<Room>) {
    const now = Date.now();
    const endsAt = now + minutes * MINUTE;
    const followUp = await this.commitStart(event.id, async () => {
      if (!(await this.rounds.begin(staged.round.id, now, endsAt))) return null;
      await this.events.goLive(event.id, now);
      return this.outbox.record('round.started', { eventId: event.id, roundId: staged.round.id });
    });
    this.staged.forget(event.id);
    if (!followUp) return null;
    const round: Round = { ...staged.round, state: 'running', startedAt: now, endsAt, roomKey: null };
    const groups =
      staged.seated ?? pictureOf(round, staged.groups, staged.members, new Map((await room()).present.map((a) => [a.id, a]))).groups;
    const picture: RoundPicture = { round, groups };
    await this.announce(event, picture, followUp);
    this.planNext(event.id);
    return picture;
  }

  /** Seats the round now (from the plan if it fits the room, else planned alone) and writes it in one transaction. */
  private async seatAndStart({ event, number, present, people, settings, minutes, helpTopics }: Start) {
    const room = await this.seating.ofRoom(event.id);
    const booked = await this.book.next(event.id, people, settings, room);
    const plan = booked ? { ...booked, reason: undefined } : await this.planner.plan({ people, settings, ...room });
    if (!plan.groups.length)
      throw new ApiError(409, 'cannot_group', `Cannot form groups: ${plan.reason ?? 'unknown reason'}`, {
        params: groupingParams(plan.reason),
      });

    const byId = new Map(present.map((a) => [a.id, a]));
    const now = Date.now();
    const rows = roundRows(
      { event, number, groups: plan.groups, people: byId, history: room.history, stats: plan.stats, helpTopics },
      { state: 'running', now, minutes },
    );
    const followUp = await this.commitStart(event.id, async () => {
      await this.rounds.add(rows);
      // a plan counts the meetings it was made after: one made for another round must go, though the count may be the same
      if (!booked) await this.rounds.dropPlan(event.id);
      await this.events.goLive(event.id, now);
      return this.outbox.record('round.started', { eventId: event.id, roundId: rows.round.id });
    });
    this.staged.forget(event.id);
    // The picture comes from the start itself, so 5,000 phones are told without reading it back.
    const picture = pictureOf(rows.round, rows.groups, rows.members, byId);
    await this.announce(event, picture, followUp!);
    const history = [...room.history, ...rows.meetings.map((m): Pair => [m.a, m.b])];
    this.background.run(
      `round ${number} of ${event.id}`,
      async () => booked && (await this.book.advance(booked, people, settings, { ...room, history })),
      async () => this.planNext(event.id),
    );
    return picture;
  }

  /**
   * The start's transaction. A unique index it hits means "already running" if a round runs now; else
   * a look-ahead wrote this round's number as staged meanwhile (StagedMeanwhile). An outage is a 503.
   */
  private async commitStart(eventId: string, write: () => Promise<string | null>): Promise<string | null> {
    try {
      const followUp = await this.transactions.run(write);
      if (followUp) this.outbox.committed('round.started');
      return followUp;
    } catch (error) {
      if (!(error instanceof RoundRunningError)) throw error;
      if (await this.rounds.running(eventId)) throw roundRunning();
      throw new StagedMeanwhile();
    }
  }

  /**
   * Plans the next rounds for the room as it is now, unless the plan still fits it, and stages the next
   * round from the plan, unless a staged round fits already. Run after each start, and once the room
   * has been still for a moment (StillRoom), so that a start finds its round staged, the first one too:
   * planning 5,000 people alone takes a start half a second, and writing their round a little more.
   * One per event at a time, on every node together: a node waits while another plans the event (each
   * node hears the room change, and planning 10,000 people twice on shared cores, only for one write to
   * lose, delayed the start it was for). A call while it runs makes it run once more after; one that
   * waited finds the other node's round staged, if it fits. One that fails is tried once more a moment later.
   */
  planNext(eventId: string, again = true): void {
    if (this.planning.has(eventId)) {
      this.planning.set(eventId, true);
      return;
    }
    this.planning.set(eventId, false);
    this.background.run(`planning ahead for ${eventId}`, async () => {
      try {
        do {
          this.planning.set(eventId, false);
          if (await this.plannable(eventId))
            await this.rounds.planningAlone(
              eventId,
              () => this.planAndStage(eventId),
              () => !this.background.closed,
            );
        } while (this.planning.get(eventId));
      } catch (error) {
        if (again) setTimeout(() => this.planNext(eventId, false), PLAN_AGAIN_MS).unref();
        throw error;
      } finally {
        this.planning.delete(eventId);
      }
    });
  }

  /** The event, if it takes rounds now (open or live); else null: nothing to plan, and no lock taken for it. */
  private async plannable(eventId: string): Promise<MingleEvent | null> {
    const event = await this.events.byId(eventId);
    return event && (event.state === 'open' || event.state === 'live') ? event : null;
  }

  private async planAndStage(eventId: string): Promise<void> {
    // read again under the lock: the settings may have changed while another node planned
    const event = await this.plannable(eventId);
    if (!event) return;
    const room = await this.roomFor(event, ((await this.rounds.latest(eventId))?.number ?? 0) + 1);
    const { number, people, settings } = room;
    if (people.length < 2) return;
    const seating = await this.seating.ofRoom(eventId);
    if (await this.staged.fits(event, number, people, { settings, pairs: seating })) return;
    if (!(await this.book.next(eventId, people, settings, seating)))
      await this.book.prepare(eventId, people, settings, seating, await this.roundsAhead(eventId));
    await this.staged.stageNext(event, room, seating);
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
    try {
      // The groups first: they are what every phone waits for.
      await this.outbox.carryOut(followUp, 'round.started', { eventId: event.id, roundId: picture.round.id, picture });
      // The first round takes the event live: every role hears it, right after (at 5,000 phones the whole
      // event sent to each before the groups cost the first round a few hundred milliseconds).
      if (event.state === 'open')
        await this.bus.publish('event.changed', { event: { ...event, state: 'live', updatedAt: picture.round.startedAt } });
    } catch (error) {
      // committed all the same: the outbox row brings the news on the next clock tick
      this.log.warn(`telling round ${picture.round.number} of ${event.id}: ${(error as Error).message}`);
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
    attendee: SeatedAttendee,
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

  /** Those `read` finds active, and connected now or within the grace after their socket dropped (see isPresent). */
  private async present<T extends Presence>(event: MingleEvent, read: (eventId: string) => Promise<T[]>): Promise<T[]> {
    const online = this.broadcaster.onlineIn(event.id);
    const active = await read(event.id);
    return active.filter((a) => isPresent(a, online.has(a.id), presenceGraceMs(event)));
  }
}

/** A start as it was asked for: the room, the event and the round's length. */
interface Start extends Room {
  event: MingleEvent;
  minutes: number;
}

const settingsOf = (event: MingleEvent, number: number): EngineSettings => ({
  groupSize: event.groupSize,
  mode: event.mixMode,
  separateColleagues: event.separateColleagues,
  seed: number,
});

/** What the engine knows of a person: interests, company, and their gives and asks under the round's topics. */
function asPerson(a: SeatedAttendee, helpTopics: string[] | null): Person {
  const { gives, asks } = helpPicks(helpTopics, a);
  return { id: a.id, interests: a.interests, company: a.company, ...(helpTopics ? { gives, asks } : {}) };
}

const roundRunning = () => new ApiError(409, 'round_running', 'A round is already running. End it first.');
const noRound = () => new ApiError(409, 'no_round', 'No round is running');
