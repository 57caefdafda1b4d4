import { Injectable } from '@nestjs/common';
import type { EventReport } from '@mingle/shared';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { ConnectionsRepository } from '../connections/connections.repository';
import type { MingleEvent } from '../events/event.entity';
import { TeamService } from '../events/team.service';
import { RoundsRepository } from '../mixer/rounds/rounds.repository';
import type { Evening } from './evening';
import { figuresOf } from './figures';
import { figuresCsv, meetingsCsv, seatingCsv } from './report-csv';

/** The report of an evening: a fixed handful of queries, whatever the size of the room. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly attendees: AttendeesRepository,
    private readonly rounds: RoundsRepository,
    private readonly connections: ConnectionsRepository,
    private readonly team: TeamService,
  ) {}

  async report(event: MingleEvent, now = Date.now()): Promise<EventReport> {
    return { ...reportOf(event, await this.evening(event), now), actions: await this.team.actions(event.id) };
  }

  async seatingCsv(event: MingleEvent): Promise<string> {
    return seatingCsv(await this.evening(event));
  }

  async meetingsCsv(event: MingleEvent): Promise<string> {
    return meetingsCsv(await this.evening(event));
  }

  async figuresCsv(event: MingleEvent): Promise<string> {
    return figuresCsv(await this.report(event));
  }

  private async evening(event: MingleEvent): Promise<Evening> {
    const [rounds, groups, seats, meetings, people, asks, { matches }] = await Promise.all([
      this.rounds.all(event.id),
      this.rounds.groupsOfEvent(event.id),
      this.rounds.seatsOfEvent(event.id),
      this.rounds.meetingsOfEvent(event.id),
      this.attendees.forReport(event.id),
      this.connections.askTimes(event.id),
      this.connections.ofEvent(event.id),
    ]);
    return {
      rounds: rounds.map((r) => ({ id: r.id, number: r.number, startedAt: r.startedAt, endedAt: r.endedAt, help: r.figures.help })),
      groups,
      seats,
      meetings: meetings.map((m) => ({ ...m, roundNumber: Number(m.roundNumber) })),
      people,
      asks,
      matches,
      eventInterests: event.interests,
    };
  }
}

function reportOf(event: MingleEvent, evening: Evening, now: number): EventReport {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    event: {
      id: event.id,
      name: event.name,
      state: event.state,
      startsAt: event.startsAt,
      timeZone: event.timeZone,
      endedAt: iso(event.endedAt),
    },
    madeAt: new Date(now).toISOString(),
    final: event.state === 'ended',
    ...figuresOf(evening, now),
  };
}
