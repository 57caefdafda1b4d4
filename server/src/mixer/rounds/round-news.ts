import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { AttendeeRoundState, AutopilotView, ConsoleRoundState, ScreenRoundState } from '@mingle/shared';
import { AttendeesRepository } from '../../attendees/attendees.repository';
import { Broadcaster } from '../../broadcast/broadcaster';
import { rooms } from '../../broadcast/rooms';
import type { Round } from './round.entity';
import { RoundPictures, remaining, type RoundPicture } from './round-picture';
import { RoundsRepository } from './rounds.repository';
import { myGroups, toBoard, toConsoleGroups, toMyGroup, toRoundInfo } from './round.views';

const CONSOLE_WINDOW_MS = 250;

/** Builds each role's view of the rounds and sends it; the one place rounds talk to clients. */
@Injectable()
export class RoundNews implements OnModuleDestroy {
  private readonly consoleTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly rounds: RoundsRepository,
    private readonly pictures: RoundPictures,
    private readonly attendees: AttendeesRepository,
    private readonly broadcaster: Broadcaster,
  ) {}

  /** The picture comes from the start itself, so 5,000 phones are told without reading it back. */
  async roundStarted(eventId: string, picture: RoundPicture): Promise<void> {
    const round = toRoundInfo(picture.round);
    this.broadcaster.send(rooms.event(eventId), 'round:changed', { round, nextRoundAt: null });
    const groups = myGroups(picture);
    for (const id of await this.attendees.stillInIds(eventId))
      this.broadcaster.send(rooms.attendee(id), 'round:assigned', { round, group: groups.get(id) ?? null, nextRoundAt: null });
    this.broadcaster.send(rooms.screen(eventId), 'board:changed', toBoard(picture));
    this.consoleChanged(eventId);
  }

  /** A start told again from the database (its writer died before telling), if the round still runs. */
  async roundStartedAgain(eventId: string, roundId: string): Promise<void> {
    const round = await this.rounds.runningById(roundId);
    if (round) await this.roundStarted(eventId, await this.pictures.of(round));
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
    const round = await this.rounds.latest(eventId);
    const nextRoundAt = await this.nextRoundAt(eventId);
    if (!round || round.state === 'ended')
      this.broadcaster.send(rooms.event(eventId), 'round:changed', { round: round ? toRoundInfo(round) : null, nextRoundAt });
    this.consoleChanged(eventId);
  }

  /** The group's phones see who is there now; the console sees arrivals. */
  async groupChanged(eventId: string, groupId: string): Promise<void> {
    const round = await this.rounds.ofGroup(groupId);
    if (!round) return;
    const picture = await this.pictures.of(round);
    const group = picture.groups.find((g) => g.id === groupId);
    for (const m of group ? remaining(group) : []) {
      const mine = toMyGroup(picture, m.attendee.id);
      if (mine) this.broadcaster.send(rooms.attendee(m.attendee.id), 'group:changed', mine);
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
    const picture = await this.pictures.running(eventId);
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
    const latest = await this.rounds.latest(eventId);
    const picture = latest?.state === 'running' ? await this.pictures.ofAttendee(latest, attendeeId) : null;
    return {
      round: latest ? toRoundInfo(latest) : null,
      group: picture ? toMyGroup(picture, attendeeId) : null,
      nextRoundAt: picture ? null : await this.nextRoundAt(eventId),
    };
  }

  async screenState(eventId: string): Promise<ScreenRoundState> {
    const latest = await this.rounds.latest(eventId);
    const picture = latest?.state === 'running' ? await this.pictures.of(latest) : null;
    return {
      round: latest ? toRoundInfo(latest) : null,
      board: toBoard(picture),
      nextRoundAt: picture ? null : await this.nextRoundAt(eventId),
    };
  }

  async consoleState(eventId: string): Promise<ConsoleRoundState> {
    const rounds = await this.rounds.all(eventId);
    const running = rounds.find((r) => r.state === 'running');
    const picture: RoundPicture | null = running ? await this.pictures.of(running) : null;
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

  private async nextRoundAt(eventId: string): Promise<number | null> {
    const a = await this.rounds.autopilot(eventId);
    return a?.state === 'running' ? a.nextRoundAt : null;
  }

  onModuleDestroy(): void {
    for (const t of this.consoleTimers.values()) clearTimeout(t);
    this.consoleTimers.clear();
  }
}
