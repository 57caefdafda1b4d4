import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AttendeeRoundState, AutopilotView, ConsoleGroup, ConsoleRoundState, ScreenRoundState } from '@mingle/shared';
import { Autopilot, Group, Round } from './round.entity';
import { latestRound, loadPicture, runningPicture, seatPicture, type RoundPicture } from './round-picture';
import { toBoard, toConsoleGroups, toMyGroup, toRoundInfo } from './round.views';

/** Each role's view of the rounds as stored: for snapshots, replies and the news mappers. Sends nothing. */
@Injectable()
export class RoundStates {
  constructor(private readonly db: DataSource) {}

  async attendeeState(eventId: string, attendeeId: string): Promise<AttendeeRoundState> {
    const picture = await seatPicture(this.db, eventId, attendeeId);
    const latest = picture?.round ?? (await latestRound(this.db, eventId));
    return {
      round: latest ? toRoundInfo(latest) : null,
      group: picture ? toMyGroup(picture, attendeeId) : null,
      nextRoundAt: picture ? null : await this.nextRoundAt(eventId),
    };
  }

  async screenState(eventId: string): Promise<ScreenRoundState> {
    const picture = await runningPicture(this.db, eventId);
    const latest = picture?.round ?? (await latestRound(this.db, eventId));
    return {
      round: latest ? toRoundInfo(latest) : null,
      board: toBoard(picture),
      nextRoundAt: picture ? null : await this.nextRoundAt(eventId),
    };
  }

  /** The console's whole picture; `running` when the caller already holds it (a start). */
  async consoleState(eventId: string, running?: RoundPicture): Promise<ConsoleRoundState> {
    const picture = running ?? (await runningPicture(this.db, eventId));
    const past = await this.db.getRepository(Round).find({ where: { eventId, state: 'ended' }, order: { number: 'DESC' } });
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
    const round = await this.db.getRepository(Round).findOneBy({ id: roundId, state: 'running' });
    return round ? toConsoleGroups(await loadPicture(this.db, round, groupIds)) : [];
  }

  /** One group of a running round, with its round: what its members' phones show. */
  async groupPicture(groupId: string): Promise<RoundPicture | null> {
    const group = await this.db.getRepository(Group).findOneBy({ id: groupId });
    const round = group && (await this.db.getRepository(Round).findOneBy({ id: group.roundId, state: 'running' }));
    return round ? loadPicture(this.db, round, [groupId]) : null;
  }

  /** A running round's whole picture, or null once it ended. */
  async roundPicture(roundId: string): Promise<RoundPicture | null> {
    const round = await this.db.getRepository(Round).findOneBy({ id: roundId, state: 'running' });
    return round ? loadPicture(this.db, round) : null;
  }

  runningPicture(eventId: string): Promise<RoundPicture | null> {
    return runningPicture(this.db, eventId);
  }

  latestRound(eventId: string): Promise<Round | null> {
    return latestRound(this.db, eventId);
  }

  async autopilotView(eventId: string): Promise<AutopilotView> {
    const a = await this.db.getRepository(Autopilot).findOneBy({ eventId });
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
    const a = await this.db.getRepository(Autopilot).findOneBy({ eventId, state: 'running' });
    return a?.nextRoundAt ?? null;
  }
}
