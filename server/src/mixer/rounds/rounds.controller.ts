import { Controller, HttpCode } from '@nestjs/common';
import type { ParsedBody } from '@mingle/shared';
import { BodyOf, Route } from '../../common/route';
import { MingleEvent } from '../../events/event.entity';
import { CurrentEvent } from '../../events/event-role.guard';
import { AutopilotService } from './autopilot.service';
import { RoundControl } from './round-control';
import { RoundStates } from './round-states';
import { RoundsService } from './rounds.service';

/** The organizer's round controls. Each answers with the console's whole round picture. */
@Controller()
export class RoundsController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly control: RoundControl,
    private readonly autopilot: AutopilotService,
    private readonly states: RoundStates,
  ) {}

  @Route('GET /api/events/:id/rounds', 'event viewer')
  state(@CurrentEvent() event: MingleEvent) {
    return this.states.consoleState(event.id);
  }

  @Route('POST /api/events/:id/rounds', 'event host')
  @HttpCode(201)
  async start(@CurrentEvent() event: MingleEvent, @BodyOf('POST /api/events/:id/rounds') body: ParsedBody<'POST /api/events/:id/rounds'>) {
    return this.states.consoleState(event.id, await this.rounds.start(event.id, body.minutes));
  }

  @Route('POST /api/events/:id/rounds/current/end', 'event host')
  @HttpCode(200)
  async end(@CurrentEvent() event: MingleEvent) {
    await this.control.endNow(event.id);
    return this.states.consoleState(event.id);
  }

  @Route('POST /api/events/:id/rounds/current/extend', 'event host')
  @HttpCode(200)
  async extend(
    @CurrentEvent() event: MingleEvent,
    @BodyOf('POST /api/events/:id/rounds/current/extend') body: ParsedBody<'POST /api/events/:id/rounds/current/extend'>,
  ) {
    await this.rounds.extend(event.id, body.minutes);
    return this.states.consoleState(event.id);
  }

  @Route('PUT /api/events/:id/autopilot', 'event host')
  async startAutopilot(
    @CurrentEvent() event: MingleEvent,
    @BodyOf('PUT /api/events/:id/autopilot') body: ParsedBody<'PUT /api/events/:id/autopilot'>,
  ) {
    await this.autopilot.start(event.id, body);
    return this.states.consoleState(event.id);
  }

  @Route('POST /api/events/:id/autopilot/pause', 'event host')
  @HttpCode(200)
  async pause(@CurrentEvent() event: MingleEvent) {
    await this.autopilot.pause(event.id);
    return this.states.consoleState(event.id);
  }

  @Route('POST /api/events/:id/autopilot/resume', 'event host')
  @HttpCode(200)
  async resume(@CurrentEvent() event: MingleEvent) {
    await this.autopilot.resume(event.id);
    return this.states.consoleState(event.id);
  }

  @Route('DELETE /api/events/:id/autopilot', 'event host')
  async stop(@CurrentEvent() event: MingleEvent) {
    await this.autopilot.stop(event.id);
    return this.states.consoleState(event.id);
  }
}
