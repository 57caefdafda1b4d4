import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Transactions } from '../../database/store';
import type { MingleEvent } from '../../events/event.entity';
import type { EngineSettings, Pair, Person } from '../engine/types';
import { PlanBook, roomKey } from './plan-book';
import { roundRows } from './round-rows';
import type { Seating } from './seating-input';
import { RoundsRepository, type RoundRows } from './rounds.repository';

/** A staged round as a start takes it: the round, its groups and who sits where. */
export type StagedRound = Omit<RoundRows, 'meetings'>;

/** The staged rows this node wrote last, for so many events: a start here need not read them back. */
const KEEP = 16;

/**
 * Writes the next planned round ahead, as a staged round, once the plan for the room is ready: its
 * groups, members and meetings are in the database before anyone starts it, so a start is one
 * conditional write and the news. A start takes it only for the room it was planned for (the same
 * people, interests, companies, settings, pairs and meetings, and the same spots and icebreakers);
 * otherwise the start seats the round itself and the staged one is dropped.
 */
@Injectable()
export class StagedRounds {
  private readonly written = new Map<string, StagedRound>();

  constructor(
    private readonly rounds: RoundsRepository,
    private readonly book: PlanBook,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Stages round `number` from the plan, if the plan fits the room; the plan moves past it in the same
   * transaction, so the plan and the staged round always agree on what comes next.
   */
  async stageNext(
    event: MingleEvent,
    number: number,
    people: Person[],
    settings: EngineSettings,
    room: Seating,
    helpTopics: string[] | null,
  ) {
    const booked = await this.book.next(event.id, people, settings, room);
    if (!booked) return;
    const byId = new Map(people.map((p) => [p.id, p]));
    const meetings = booked.groups.reduce((n, g) => n + (g.length * (g.length - 1)) / 2, 0);
    const roomKey = stagedKey(event, people, settings, room, room.history.length + meetings);
    const rows = roundRows(
      { event, number, groups: booked.groups, people: byId, history: room.history, stats: booked.stats, helpTopics },
      { state: 'staged', now: Date.now(), roomKey },
    );
    const history = [...room.history, ...rows.meetings.map((m): Pair => [m.a, m.b])];
    await this.transactions.run(async () => {
      await this.rounds.stage(rows);
      await this.book.advance(booked, people, settings, { ...room, history });
    });
    this.written.delete(event.id);
    this.written.set(event.id, { round: rows.round, groups: rows.groups, members: rows.members });
    if (this.written.size > KEEP) this.written.delete(this.written.keys().next().value!);
  }

  /** The staged round `number`, if it was planned for the room as it is now: its round, groups and members; else null. */
  async ready(event: MingleEvent, number: number, people: Person[], settings: EngineSettings, pairs: Omit<Seating, 'history'>) {
    const round = await this.fitting(event, number, people, settings, pairs);
    if (!round) return null;
    const mine = this.written.get(event.id);
    if (mine?.round.id === round.id) return mine;
    const [groups, members] = [await this.rounds.groupsOf(round.id), await this.rounds.membersOf(round.id)];
    return { round, groups, members };
  }

  /** Whether the staged round `number` was planned for the room as it is now. */
  async fits(event: MingleEvent, number: number, people: Person[], settings: EngineSettings, pairs: Omit<Seating, 'history'>) {
    return !!(await this.fitting(event, number, people, settings, pairs));
  }

  private async fitting(event: MingleEvent, number: number, people: Person[], settings: EngineSettings, pairs: Omit<Seating, 'history'>) {
    const round = await this.rounds.staged(event.id);
    if (!round || round.number !== number) return null;
    const written = await this.rounds.meetingsWritten(event.id);
    return round.roomKey === stagedKey(event, people, settings, pairs, written) ? round : null;
  }

  /** The staged round was started, or dropped: its rows are the database's alone now. */
  forget(eventId: string): void {
    this.written.delete(eventId);
  }
}

/**
 * The room a staged round is for: the plan's room key over every meeting written (the staged round's
 * own included), and what its groups show (spots, icebreakers, language, help topics).
 */
function stagedKey(event: MingleEvent, people: Person[], settings: EngineSettings, pairs: Omit<Seating, 'history'>, meetings: number) {
  const shown = JSON.stringify([event.spotLabels, event.icebreakers, event.language, event.helpTopics]);
  return createHash('sha256')
    .update(roomKey(people, settings, meetings, pairs.avoid, pairs.known))
    .update(shown)
    .digest('hex');
}
