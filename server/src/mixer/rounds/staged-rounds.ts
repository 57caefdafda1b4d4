import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Transactions } from '../../database/store';
import type { Presence } from '../../attendees/attendee.entity';
import type { MingleEvent } from '../../events/event.entity';
import type { EngineSettings, Pair, Person } from '../engine/types';
import { PlanBook, pairsKey, roomKey, settingsKey } from './plan-book';
import { roundRows } from './round-rows';
import { pictureOf, type RoundGroup } from './round-picture';
import { toGroupNews } from './round.views';
import type { Room } from './room';
import type { Seating } from './seating-input';
import { RoundsRepository, type RoundRows } from './rounds.repository';

/**
 * A staged round as a start takes it: the round, its groups and who sits where; and, on the node that
 * staged it, its groups with their people as they were then (the start found that nobody changed since).
 */
export type StagedRound = Omit<RoundRows, 'meetings'> & { seated: RoundGroup[] | null };

/** A staged round this node wrote, with the presence key of the room it was written for. */
type Written = StagedRound & { hereKey: string };

/** The staged rows this node wrote last, for so many events: a start here need not read them back. */
const KEEP = 16;

/** Who the room is, by presence, settings, pairs and meetings: what both keys of a staged round cover. */
interface RoomState {
  settings: EngineSettings;
  pairs: Omit<Seating, 'history'>;
  /** every meeting written, a staged round's own included */
  meetings: number;
}

/**
 * Writes the next planned round ahead, as a staged round, once the plan for the room is ready: its
 * groups, members and meetings are in the database before anyone starts it, so a start is one
 * conditional write and the news. A start takes it only for the room it was planned for (the same
 * people, interests, companies, settings, pairs and meetings, and the same spots and icebreakers);
 * otherwise the start seats the round itself and the staged one is dropped.
 *
 * The node that staged a round also keeps its groups with their people, and a key of who was present
 * with when each row last changed: a start there that finds the same key reads four columns of the
 * room instead of every profile, and tells the groups as they were seated.
 */
@Injectable()
export class StagedRounds {
  private readonly written = new Map<string, Written>();

  constructor(
    private readonly rounds: RoundsRepository,
    private readonly book: PlanBook,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Stages round `number` from the plan, if the plan fits the room; the plan moves past it in the same
   * transaction, so the plan and the staged round always agree on what comes next.
   */
  async stageNext(event: MingleEvent, { number, present, people, settings, helpTopics }: Room, seating: Seating) {
    const booked = await this.book.next(event.id, people, settings, seating);
    if (!booked) return;
    const byId = new Map(present.map((a) => [a.id, a]));
    const state = { settings, pairs: seating, meetings: seating.history.length + booked.groups.reduce((n, g) => n + pairsIn(g.length), 0) };
    const rows = roundRows(
      { event, number, groups: booked.groups, people: byId, history: seating.history, stats: booked.stats, helpTopics },
      { state: 'staged', now: Date.now(), roomKey: stagedKey(event, people, state) },
    );
    const history = [...seating.history, ...rows.meetings.map((m): Pair => [m.a, m.b])];
    await this.transactions.run(async () => {
      await this.rounds.stage(rows);
      await this.book.advance(booked, people, settings, { ...seating, history });
    });
    const { round, groups, members } = rows;
    const seated = pictureOf(round, groups, members, byId).groups;
    // their news too, now rather than at the start
    for (const group of seated) toGroupNews(round, group);
    this.written.delete(event.id);
    this.written.set(event.id, { round, groups, members, seated, hereKey: hereKey(event, present, state) });
    if (this.written.size > KEEP) this.written.delete(this.written.keys().next().value!);
  }

  /**
   * The staged round `number`, if it was planned for the room as it is now, else null. `here`: who is
   * present, with when each row last changed; `people` reads the whole room, only when that is not enough.
   */
  async ready(
    event: MingleEvent,
    number: number,
    here: Presence[],
    room: Omit<RoomState, 'meetings'>,
    people: () => Promise<Person[]>,
  ): Promise<StagedRound | null> {
    const round = await this.rounds.staged(event.id);
    if (!round || round.number !== number) return null;
    const state = { ...room, meetings: await this.rounds.meetingsWritten(event.id) };
    const mine = this.written.get(event.id);
    if (mine?.round.id === round.id && mine.hereKey === hereKey(event, here, state)) return mine;
    if (round.roomKey !== stagedKey(event, await people(), state)) return null;
    const [groups, members] = [await this.rounds.groupsOf(round.id), await this.rounds.membersOf(round.id)];
    return { round, groups, members, seated: null };
  }

  /** Whether the staged round `number` was planned for the room as it is now. */
  async fits(event: MingleEvent, number: number, people: Person[], room: Omit<RoomState, 'meetings'>) {
    const round = await this.rounds.staged(event.id);
    if (!round || round.number !== number) return false;
    return round.roomKey === stagedKey(event, people, { ...room, meetings: await this.rounds.meetingsWritten(event.id) });
  }

  /** The staged round was started, or dropped: its rows are the database's alone now. */
  forget(eventId: string): void {
    this.written.delete(eventId);
  }
}

const pairsIn = (n: number) => (n * (n - 1)) / 2;

/** What a staged round's groups show besides their people: spots, icebreakers, language, help topics. */
const shownOf = (event: MingleEvent) => JSON.stringify([event.spotLabels, event.icebreakers, event.language, event.helpTopics]);

/** The room a staged round is for, as stored with it: the plan's room key over every meeting written, and what its groups show. */
function stagedKey(event: MingleEvent, people: Person[], { settings, pairs, meetings }: RoomState): string {
  return createHash('sha256')
    .update(roomKey(people, settings, meetings, pairs.avoid, pairs.known))
    .update(shownOf(event))
    .digest('hex');
}

/**
 * The same room by presence: who is here, each with when their row last changed (every change to a
 * profile or a status sets it; being seen does not), so it also covers names and headlines, which the
 * kept groups show. Two changes of one row within the same millisecond would look like one.
 */
function hereKey(event: MingleEvent, here: Presence[], { settings, pairs, meetings }: RoomState): string {
  return createHash('sha256')
    .update(
      here
        .map((a) => `${a.id}@${a.updatedAt}`)
        .sort()
        .join(','),
    )
    .update(`#${settingsKey(settings)}#${meetings}#`)
    .update(`${pairsKey(pairs.avoid)}#${pairsKey(pairs.known)}#`)
    .update(shownOf(event))
    .digest('hex');
}
