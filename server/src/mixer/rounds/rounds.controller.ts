import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { autopilotBody, eventIdParam, extendRoundBody, startRoundBody, type ConsoleRoundState } from '@mingle/shared';
import type { z } from 'zod';
import { Valid } from '../../common/validate';
import { EventsService } from '../../events/events.service';
import { Organizer } from '../../organizers/organizer.entity';
import { CurrentOrganizer, OrganizerGuard } from '../../organizers/organizer.guard';
import { AutopilotService } from './autopilot.service';
import { RoundControl } from './round-control';
import { RoundStates } from './round-states';
import { RoundsService } from './rounds.service';

type Id = z.output<typeof eventIdParam>;

/** The organizer's round controls. Each answers with the console's whole round picture. */
@Controller('events/:id')
@UseGuards(OrganizerGuard)
export class RoundsController {
  constructor(
    private readonly events: EventsService,
    private readonly rounds: RoundsService,
    private readonly control: RoundControl,
    private readonly autopilot: AutopilotService,
    private readonly states: RoundStates,
  ) {}

  @Get('rounds')
  async state(@CurrentOrganizer() me: Organizer, @Param(new Valid(eventIdParam)) { id }: Id): Promise<ConsoleRoundState> {
    await this.events.own(me.id, id);
    return this.states.consoleState(id);
  }

  @Post('rounds')
  @HttpCode(201)
  async start(
    @CurrentOrganizer() me: Organizer,
    @Param(new Valid(eventIdParam)) { id }: Id,
    @Body(new Valid(startRoundBody)) body: z.output<typeof startRoundBody>,
  ): Promise<ConsoleRoundState> {
    await this.events.own(me.id, id);
    return this.states.consoleState(id, await this.rounds.start(id, body.minutes));
  }

  @Post('rounds/current/end')
  @HttpCode(200)
  async end(@CurrentOrganizer() me: Organizer, @Param(new Valid(eventIdParam)) { id }: Id): Promise<ConsoleRoundState> {
    await this.events.own(me.id, id);
    await this.control.endNow(id);
    return this.states.consoleState(id);
  }

  @Post('rounds/current/extend')
  @HttpCode(200)
  async extend(
    @CurrentOrganizer() me: Organizer,
    @Param(new Valid(eventIdParam)) { id }: Id,
    @Body(new Valid(extendRoundBody)) body: z.output<typeof extendRoundBody>,
  ): Promise<ConsoleRoundState> {
    await this.events.own(me.id, id);
    await this.rounds.extend(id, body.minutes);
    return this.states.consoleState(id);
  }

  @Put('autopilot')
  async startAutopilot(
    @CurrentOrganizer() me: Organizer,
    @Param(new Valid(eventIdParam)) { id }: Id,
    @Body(new Valid(autopilotBody)) body: z.output<typeof autopilotBody>,
  ): Promise<ConsoleRoundState> {
    await this.events.own(me.id, id);
    await this.autopilot.start(id, body);
    return this.states.consoleState(id);
  }

  @Post('autopilot/pause')
  @HttpCode(200)
  async pause(@CurrentOrganizer() me: Organizer, @Param(new Valid(eventIdParam)) { id }: Id): Promise<ConsoleRoundState> {
    await this.events.own(me.id, id);
    await this.autopilot.pause(id);
    return this.states.consoleState(id);
  }

  @Post('autopilot/resume')
  @HttpCode(200)
  async resume(@CurrentOrganizer() me: Organizer, @Param(new Valid(eventIdParam)) { id }: Id): Promise<ConsoleRoundState> {
    await this.events.own(me.id, id);
    await this.autopilot.resume(id);
    return this.states.consoleState(id);
  }

  @Delete('autopilot')
  async stop(@CurrentOrganizer() me: Organizer, @Param(new Valid(eventIdParam)) { id }: Id): Promise<ConsoleRoundState> {
    await this.events.own(me.id, id);
    await this.autopilot.stop(id);
    return this.states.consoleState(id);
  }
}
