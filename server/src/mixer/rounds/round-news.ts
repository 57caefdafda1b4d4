import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource, In, Not } from 'typeorm';
import type { AttendeeRoundState, AutopilotView, ConsoleRoundState, ScreenRoundState } from '@mingle/shared';
import { Attendee } from '../../attendees/attendee.entity';
import { Broadcaster } from '../../broadcast/broadcaster';
import { rooms } from '../../broadcast/rooms';
import { Autopilot, Group, Round } from './round.entity';
import { latestRound, loadPicture, runningPicture, seatPicture, seated, type RoundPicture } from './round-picture';
import { myGroups, toBoard, toConsoleGroups, toMyGroup, toRoundInfo } from './round.views';

const CONSOLE_WINDOW_MS = 250;

/** Builds each role's view of the rounds and sends it; the one place rounds talk to clients. */
@Injectable()
export class RoundNews implements OnModuleDestroy {
  private readonly consoleTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly db: DataSource,
    private readonly broadcaster: Broadcaster,
  ) {}

  /** The picture comes from the start itself, so 5,000 phones are told without reading it back. */
  async roundStarted(eventId: string, picture: RoundPicture): Promise<void> {
    const round = toRoundInfo(picture.round);
    this.broadcaster.send(rooms.event(eventId), 'round:changed', { round, nextRoundAt: null });
    const people = await this.db
      .getRepository(Attendee)
      .find({ select: { id: true }, where: { eventId, status: Not(In(['removed', 'left'])) } });
    const groups = myGroups(picture);
    for (const { id } of people)
      this.broadcaster.send(rooms.attendee(id), 'round:assigned', { round, group: groups.get(id) ?? null, nextRoundAt: null });
    this.broadcaster.send(rooms.screen(eventId), 'board:changed', toBoard(picture));
    this.consoleChanged(eventId);
  }

  /** A start told again from the database (its writer died before telling), if the round still runs. */
  async roundStartedAgain(eventId: string, roundId: string): Promise<void> {
    const round = await this.db.getRepository(Round).findOneBy({ id: roundId, state: 'running' });
    if (round) await this.roundStarted(eventId, await loadPicture(this.db, round));
  }

  async roundEnded(eventId: string, round: Round): Promise<void> {
    const nextRoundAt = await this.nextRoundAt(eventId);
    this.broadcaster.send(rooms.event(eventId), 'round:changed', { round: toRoundInfo(round), nextRoundAt });
    this.broadcaster.send(rooms.screen(eventId), 'board:changed', []);
    this.consoleChanged(eventId);
  }

  roundChanged(eventId: string, round: Round): void {
    this.broadcaster.send(rooms.event(eventId), 'round:changed', { round: toRoundInfo(round), nextRoundAt: null });
    this.consoleChanged(eventId);
  }

  /** The autopilot moved: everyone learns when the next round starts. */
  async nextRoundChanged(eventId: string): Promise<void> {
    const round = await latestRound(this.db, eventId);
    const nextRoundAt = await this.nextRoundAt(eventId);
    if (!round || round.state === 'ended')
      this.broadcaster.send(rooms.event(eventId), 'round:changed', { round: round ? toRoundInfo(round) : null, nextRoundAt });
    this.consoleChanged(eventId);
  }

  /** The group's phones see who is there now; the console sees arrivals. */
  async groupChanged(eventId: string, groupId: string): Promise<void> {
    const group = await this.db.getRepository(Group).findOneBy({ id: groupId });
    const round = group && (await this.db.getRepository(Round).findOneBy({ id: group.roundId }));
    if (!round) return;
    const picture = await loadPicture(this.db, round);
    const table = picture.tables.find((t) => t.group.id === groupId);
    for (const s of table ? seated(table) : []) {
      const mine = toMyGroup(picture, s.attendee.id);
      if (mine) this.broadcaster.send(rooms.attendee(s.attendee.id), 'group:changed', mine);
    }
    this.broadcaster.send(rooms.screen(eventId), 'board:changed', toBoard(picture));
    this.consoleChanged(eventId);
  }

  /** Someone left their group mid-round: their phone no longer shows it. */
  unseated(attendeeId: string): void {
    this.broadcaster.send(rooms.attendee(attendeeId), 'round:assigned', { round: null, group: null, nextRoundAt: null });
  }

  /** Someone was placed mid-round: they get their spot, their new group sees them. */
  async placed(eventId: string, attendeeId: string, groupId: string): Promise<void> {
    const picture = await runningPicture(this.db, eventId);
    if (!picture) return;
    this.broadcaster.send(rooms.attendee(attendeeId), 'round:assigned', {
      round: toRoundInfo(picture.round),
      group: toMyGroup(picture, attendeeId),
      nextRoundAt: null,
    });
    await this.groupChanged(eventId, groupId);
  }

  /** Console updates are coalesced: a room full of "I'm here" taps makes a few updates a second. */
  consoleChanged(eventId: string): void {
    if (this.consoleTimers.has(eventId)) return;
    this.consoleTimers.set(
      eventId,
      setTimeout(() => {
        this.consoleTimers.delete(eventId);
        this.consoleState(eventId).then(
          (state) => this.broadcaster.send(rooms.console(eventId), 'console:rounds-changed', state),
          () => undefined,
        );
      }, CONSOLE_WINDOW_MS),
    );
  }

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

  async consoleState(eventId: string): Promise<ConsoleRoundState> {
    const picture: RoundPicture | null = await runningPicture(this.db, eventId);
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

  private async nextRoundAt(eventId: string): Promise<number | null> {
    const a = await this.db.getRepository(Autopilot).findOneBy({ eventId, state: 'running' });
    return a?.nextRoundAt ?? null;
  }

  onModuleDestroy(): void {
    for (const t of this.consoleTimers.values()) clearTimeout(t);
    this.consoleTimers.clear();
  }
}
