import { Injectable } from '@nestjs/common';
import type { AttendeeRoundState, AutopilotView, ConsoleGroup, ConsoleRoundState, ScreenRoundState } from '@mingle/shared';
import { EventsRepository } from '../../events/events.repository';
import type { BoardEntry } from '@mingle/shared';
import type { Autopilot, Round } from './round.entity';
import { RoundPictures, type RoundPicture } from './round-picture';
import { RoundsRepository } from './rounds.repository';
import { toBoard, toConsoleGroups, toMyGroup, toRoundInfo } from './round.views';

/** Each role's view of the rounds as stored: for snapshots, replies and the news mappers. Sends nothing. */
@Injectable()
export class RoundStates {
  constructor(
    private readonly rounds: RoundsRepository,
    private readonly pictures: RoundPictures,
    private readonly events: EventsRepository,
  ) {}

  /** The screen's board of a running round (`picture` when the caller holds it), with the event's moderation. */
  async board(eventId: string, picture: RoundPicture | null): Promise<BoardEntry[]> {
    if (!picture) return [];
    const event = await this.events.byId(eventId);
    return toBoard(picture, event?.screenBlockedWords ?? []);
  }

  /** My group of the latest round, running or just ended: after the end the phone still shows it, to swap. */
  async attendeeState(eventId: string, attendeeId: string): Promise<AttendeeRoundState> {
    const latest = await this.rounds.latestTogether(eventId);
    const picture = latest ? await this.pictures.ofAttendee(latest, attendeeId) : null;
    return {
      round: latest ? toRoundInfo(latest) : null,
      group: picture ? toMyGroup(picture, attendeeId) : null,
      nextRoundAt: latest?.state === 'running' ? null : nextRoundOf(await this.rounds.autopilotTogether(eventId)),
    };
  }

  /** The running round's groups these people are in, or null between rounds (or if they are in none). */
  async groupsOfPeople(eventId: string, attendeeIds: string[]): Promise<RoundPicture | null> {
    const round = await this.rounds.running(eventId);
    if (!round) return null;
    const groupIds = await this.rounds.groupIdsOf(round.id, attendeeIds);
    return groupIds.length ? this.pictures.ofGroups(round, groupIds) : null;
  }

  async screenState(eventId: string): Promise<ScreenRoundState> {
    const latest = await this.rounds.latest(eventId);
    const picture = latest?.state === 'running' ? await this.pictures.of(latest) : null;
    return {
      round: latest ? toRoundInfo(latest) : null,
      board: await this.board(eventId, picture),
      nextRoundAt: picture ? null : await this.nextRoundAt(eventId),
    };
  }

  /** The console's whole picture; `running` when the caller already holds it (a start). */
  async consoleState(eventId: string, running?: RoundPicture): Promise<ConsoleRoundState> {
    const rounds = await this.rounds.all(eventId);
    const stored = running ? undefined : rounds.find((r) => r.state === 'running');
    const picture = running ?? (stored ? await this.pictures.of(stored) : null);
    const past = rounds.filter((r) => r.state === 'ended');
    const latest = picture?.round ?? past[0] ?? null;
    return {
      round: latest ? toRoundInfo(latest) : null,
      groups: toConsoleGroups(picture),
      figures: picture?.round.figures ?? null,
      autopilot: await this.autopilotView(eventId),
      past: past.map((r) => ({ ...toRoundInfo(r), figures: r.figures })),
    };
  }

  /** The named groups of a round as the console lists them, read alone (an arrival changes one group). */
  async consoleGroups(roundId: string, groupIds: string[]): Promise<ConsoleGroup[]> {
    const round = await this.rounds.runningById(roundId);
    return round ? toConsoleGroups(await this.pictures.ofGroups(round, groupIds)) : [];
  }

  /** One group of a running round, with its round: what its members' phones show. */
  async groupPicture(groupId: string): Promise<RoundPicture | null> {
    const group = await this.rounds.runningGroup(groupId);
    const round = group && (await this.rounds.runningById(group.roundId));
    return round ? this.pictures.ofGroups(round, [groupId]) : null;
  }

  /** A running round's whole picture, or null once it ended. */
  async roundPicture(roundId: string): Promise<RoundPicture | null> {
    const round = await this.rounds.runningById(roundId);
    return round ? this.pictures.of(round) : null;
  }

  runningPicture(eventId: string): Promise<RoundPicture | null> {
    return this.pictures.running(eventId);
  }

  latestRound(eventId: string): Promise<Round | null> {
    return this.rounds.latest(eventId);
  }

  async autopilotView(eventId: string): Promise<AutopilotView> {
    const a = await this.rounds.autopilot(eventId);
    if (!a) return { state: 'off', roundsLeft: 0, roundMinutes: 0, breakMinutes: 0, nextRoundAt: null };
    return {
      state: a.state,
      roundsLeft: a.roundsLeft,
      roundMinutes: a.roundMinutes,
      breakMinutes: a.breakMinutes,
      nextRoundAt: a.nextRoundAt,
    };
  }

  async nextRoundAt(eventId: string): Promise<number | null> {
    return nextRoundOf(await this.rounds.autopilot(eventId));
  }
}

const nextRoundOf = (autopilot: Autopilot | null) => (autopilot?.state === 'running' ? autopilot.nextRoundAt : null);
