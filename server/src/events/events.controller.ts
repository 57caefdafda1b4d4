import { Controller, HttpCode, Inject } from '@nestjs/common';
import type { EventListItem, OrganizerEventView, ParsedBody, TeamRole } from '@mingle/shared';
import { CONFIG, type Config } from '../config/config';
import { BodyOf, Route } from '../common/route';
import { Organizer } from '../organizers/organizer.entity';
import { CurrentOrganizer } from '../organizers/organizer.guard';
import { EventsService } from './events.service';
import { TeamService } from './team.service';
import { toEventListItem, toOrganizerEventView } from './event.views';
import { AttendeeCounter } from './attendee-counter';
import { MingleEvent } from './event.entity';
import { CurrentEvent, CurrentRole } from './event-role.guard';

@Controller()
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly counter: AttendeeCounter,
    private readonly team: TeamService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Route('GET /api/events', 'organizer')
  async list(@CurrentOrganizer() me: Organizer): Promise<EventListItem[]> {
    const events = await this.team.eventsOf(me.id);
    const counts = await this.counter.countByEvent(events.map(({ event }) => event.id));
    return events.map(({ event, role }) => toEventListItem(event, counts.get(event.id) ?? 0, role));
  }

  @Route('POST /api/events', 'organizer')
  async create(@CurrentOrganizer() me: Organizer, @BodyOf('POST /api/events') body: ParsedBody<'POST /api/events'>) {
    return this.view(await this.events.create(me.id, body));
  }

  @Route('GET /api/events/:id', 'event viewer')
  get(@CurrentEvent() event: MingleEvent, @CurrentRole() role: TeamRole) {
    return this.view(event, role);
  }

  @Route('PATCH /api/events/:id', 'event owner')
  async update(@CurrentEvent() event: MingleEvent, @BodyOf('PATCH /api/events/:id') body: ParsedBody<'PATCH /api/events/:id'>) {
    return this.view(await this.events.update(event, body));
  }

  @Route('POST /api/events/:id/duplicate', 'event owner')
  async duplicate(@CurrentOrganizer() me: Organizer, @CurrentEvent() event: MingleEvent) {
    return this.view(await this.events.duplicate(me.id, event));
  }

  @Route('DELETE /api/events/:id', 'event owner')
  @HttpCode(204)
  async remove(@CurrentEvent() event: MingleEvent): Promise<void> {
    await this.events.remove(event);
  }

  @Route('POST /api/events/:id/state', 'event host')
  @HttpCode(200)
  async changeState(
    @CurrentEvent() event: MingleEvent,
    @BodyOf('POST /api/events/:id/state') body: ParsedBody<'POST /api/events/:id/state'>,
  ) {
    return this.view(await this.events.changeState(event, body.state));
  }

  @Route('POST /api/events/:id/join-code', 'event host')
  @HttpCode(200)
  async regenerateJoinCode(@CurrentEvent() event: MingleEvent) {
    return this.view(await this.events.regenerateJoinCode(event));
  }

  @Route('POST /api/events/:id/screen-key', 'event host')
  @HttpCode(200)
  async regenerateScreenKey(@CurrentEvent() event: MingleEvent) {
    return this.view(await this.events.regenerateScreenKey(event));
  }

  /** Every other route here needs at least a host: they see the screen key. */
  private view(e: MingleEvent, role: TeamRole = 'host'): OrganizerEventView {
    return toOrganizerEventView(e, this.config.publicUrl, role);
  }
}
