import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, UseGuards } from '@nestjs/common';
import {
  changeStateBody,
  createEventBody,
  eventIdParam,
  updateEventBody,
  type EventListItem,
  type OrganizerEventView,
} from '@mingle/shared';
import type { z } from 'zod';
import { CONFIG, type Config } from '../config/config';
import { Valid } from '../common/validate';
import { Organizer } from '../organizers/organizer.entity';
import { CurrentOrganizer, OrganizerGuard } from '../organizers/organizer.guard';
import { EventsService } from './events.service';
import { toEventListItem, toOrganizerEventView } from './event.views';
import { AttendeeCounter } from './attendee-counter';

type Id = z.output<typeof eventIdParam>;

@Controller('events')
@UseGuards(OrganizerGuard)
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly counter: AttendeeCounter,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get()
  async list(@CurrentOrganizer() me: Organizer): Promise<EventListItem[]> {
    const events = await this.events.list(me.id);
    const counts = await this.counter.countByEvent(events.map((e) => e.id));
    return events.map((e) => toEventListItem(e, counts.get(e.id) ?? 0));
  }

  @Post()
  async create(
    @CurrentOrganizer() me: Organizer,
    @Body(new Valid(createEventBody)) body: z.output<typeof createEventBody>,
  ): Promise<OrganizerEventView> {
    return this.view(await this.events.create(me.id, body));
  }

  @Get(':id')
  async get(@CurrentOrganizer() me: Organizer, @Param(new Valid(eventIdParam)) { id }: Id): Promise<OrganizerEventView> {
    return this.view(await this.events.own(me.id, id));
  }

  @Patch(':id')
  async update(
    @CurrentOrganizer() me: Organizer,
    @Param(new Valid(eventIdParam)) { id }: Id,
    @Body(new Valid(updateEventBody)) body: z.output<typeof updateEventBody>,
  ): Promise<OrganizerEventView> {
    return this.view(await this.events.update(me.id, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentOrganizer() me: Organizer, @Param(new Valid(eventIdParam)) { id }: Id): Promise<void> {
    await this.events.remove(me.id, id);
  }

  @Post(':id/state')
  @HttpCode(200)
  async changeState(
    @CurrentOrganizer() me: Organizer,
    @Param(new Valid(eventIdParam)) { id }: Id,
    @Body(new Valid(changeStateBody)) body: z.output<typeof changeStateBody>,
  ): Promise<OrganizerEventView> {
    return this.view(await this.events.changeState(me.id, id, body.state));
  }

  @Post(':id/join-code')
  @HttpCode(200)
  async regenerateJoinCode(@CurrentOrganizer() me: Organizer, @Param(new Valid(eventIdParam)) { id }: Id): Promise<OrganizerEventView> {
    return this.view(await this.events.regenerateJoinCode(me.id, id));
  }

  @Post(':id/screen-key')
  @HttpCode(200)
  async regenerateScreenKey(@CurrentOrganizer() me: Organizer, @Param(new Valid(eventIdParam)) { id }: Id): Promise<OrganizerEventView> {
    return this.view(await this.events.regenerateScreenKey(me.id, id));
  }

  private view(e: Parameters<typeof toOrganizerEventView>[0]): OrganizerEventView {
    return toOrganizerEventView(e, this.config.publicUrl);
  }
}
