import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  attendeeIdParam,
  attendeeIdsBody,
  eventIdParam,
  type AttendeesLeftOut,
  type AttendeesRemoved,
  type OrganizerAttendee,
} from '@mingle/shared';
import type { z } from 'zod';
import { Valid } from '../common/validate';
import { EventsService } from '../events/events.service';
import { Organizer } from '../organizers/organizer.entity';
import { CurrentOrganizer, OrganizerGuard } from '../organizers/organizer.guard';
import { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';
import { AttendeesService } from './attendees.service';
import { toOrganizerAttendee } from './attendee.views';

@Controller('events/:id/attendees')
@UseGuards(OrganizerGuard)
export class EventAttendeesController {
  constructor(
    private readonly events: EventsService,
    private readonly attendees: AttendeesService,
    private readonly broadcaster: Broadcaster,
  ) {}

  @Get()
  async list(
    @CurrentOrganizer() me: Organizer,
    @Param(new Valid(eventIdParam)) { id }: z.output<typeof eventIdParam>,
  ): Promise<OrganizerAttendee[]> {
    await this.events.own(me.id, id);
    const online = await this.broadcaster.onlineIn(rooms.attendees(id));
    return (await this.attendees.listForEvent(id)).map((a) => toOrganizerAttendee(a, online.has(a.id)));
  }

  @Delete(':attendeeId')
  @HttpCode(204)
  async remove(
    @CurrentOrganizer() me: Organizer,
    @Param(new Valid(attendeeIdParam)) { id, attendeeId }: z.output<typeof attendeeIdParam>,
  ): Promise<void> {
    await this.events.own(me.id, id);
    await this.attendees.remove(id, attendeeId);
  }

  /** Removes several at once (e.g. everyone who never connected); ids of other events are ignored. */
  @Post('remove')
  @HttpCode(200)
  async removeMany(
    @CurrentOrganizer() me: Organizer,
    @Param(new Valid(eventIdParam)) { id }: z.output<typeof eventIdParam>,
    @Body(new Valid(attendeeIdsBody)) { attendeeIds }: z.output<typeof attendeeIdsBody>,
  ): Promise<AttendeesRemoved> {
    await this.events.own(me.id, id);
    return { removed: await this.attendees.removeMany(id, attendeeIds) };
  }

  /** Leaves people out of the next rounds (e.g. offline for a while): they go on a break. */
  @Post('leave-out')
  @HttpCode(200)
  async leaveOut(
    @CurrentOrganizer() me: Organizer,
    @Param(new Valid(eventIdParam)) { id }: z.output<typeof eventIdParam>,
    @Body(new Valid(attendeeIdsBody)) { attendeeIds }: z.output<typeof attendeeIdsBody>,
  ): Promise<AttendeesLeftOut> {
    await this.events.own(me.id, id);
    return { away: await this.attendees.leaveOut(id, attendeeIds) };
  }
}
