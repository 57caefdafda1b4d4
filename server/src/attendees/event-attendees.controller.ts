import { Controller, HttpCode } from '@nestjs/common';
import type { ParsedBody, ParsedParams } from '@mingle/shared';
import { BodyOf, ParamsOf, Route } from '../common/route';
import { MingleEvent } from '../events/event.entity';
import { CurrentEvent } from '../events/event-role.guard';
import { Broadcaster } from '../broadcast/broadcaster';
import { AttendeesService } from './attendees.service';
import { toOrganizerAttendee } from './attendee.views';

type AttendeeParams = ParsedParams<'DELETE /api/events/:id/attendees/:attendeeId'>;

@Controller()
export class EventAttendeesController {
  constructor(
    private readonly attendees: AttendeesService,
    private readonly broadcaster: Broadcaster,
  ) {}

  @Route('GET /api/events/:id/attendees', 'event viewer')
  async list(@CurrentEvent() event: MingleEvent) {
    const online = this.broadcaster.onlineIn(event.id);
    return (await this.attendees.listForEvent(event.id)).map((a) => toOrganizerAttendee(a, online.has(a.id), event.screenBlockedWords));
  }

  @Route('DELETE /api/events/:id/attendees/:attendeeId', 'event host')
  @HttpCode(204)
  async remove(
    @CurrentEvent() event: MingleEvent,
    @ParamsOf('DELETE /api/events/:id/attendees/:attendeeId') { attendeeId }: AttendeeParams,
  ): Promise<void> {
    await this.attendees.remove(event.id, attendeeId);
  }

  /** Renames someone, or hides them from the screen's board (or shows them again). */
  @Route('PATCH /api/events/:id/attendees/:attendeeId', 'event host')
  async moderate(
    @CurrentEvent() event: MingleEvent,
    @ParamsOf('PATCH /api/events/:id/attendees/:attendeeId') { attendeeId }: AttendeeParams,
    @BodyOf('PATCH /api/events/:id/attendees/:attendeeId') body: ParsedBody<'PATCH /api/events/:id/attendees/:attendeeId'>,
  ) {
    const updated = await this.attendees.moderate(event.id, attendeeId, body);
    const online = this.broadcaster.onlineIn(event.id);
    return toOrganizerAttendee(updated, online.has(updated.id), event.screenBlockedWords);
  }

  /** Removes several at once (e.g. everyone who never connected); ids of other events are ignored. */
  @Route('POST /api/events/:id/attendees/remove', 'event host')
  @HttpCode(200)
  async removeMany(
    @CurrentEvent() event: MingleEvent,
    @BodyOf('POST /api/events/:id/attendees/remove') { attendeeIds }: ParsedBody<'POST /api/events/:id/attendees/remove'>,
  ) {
    return { removed: await this.attendees.removeMany(event.id, attendeeIds) };
  }

  /** Leaves people out of the next rounds (e.g. offline for a while): they go on a break. */
  @Route('POST /api/events/:id/attendees/leave-out', 'event host')
  @HttpCode(200)
  async leaveOut(
    @CurrentEvent() event: MingleEvent,
    @BodyOf('POST /api/events/:id/attendees/leave-out') { attendeeIds }: ParsedBody<'POST /api/events/:id/attendees/leave-out'>,
  ) {
    return { away: await this.attendees.leaveOut(event.id, attendeeIds) };
  }
}
