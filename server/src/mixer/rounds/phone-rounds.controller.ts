import { Controller, HttpCode } from '@nestjs/common';
import type { ParsedBody } from '@mingle/shared';
import { BodyOf, Route } from '../../common/route';
import { Attendee } from '../../attendees/attendee.entity';
import { CurrentAttendee } from '../../attendees/attendee.guard';
import { AttendeesService } from '../../attendees/attendees.service';
import { toMyProfile } from '../../attendees/attendee.views';
import { RoundStates } from './round-states';

/** The phone's "Take a break", "I'm back" and "Leave the event", and the room's board in its hand. */
@Controller()
export class PhoneRoundsController {
  constructor(
    private readonly attendees: AttendeesService,
    private readonly states: RoundStates,
  ) {}

  /** What the projector shows, for people who cannot see or read it: the same board, names and spots only. */
  @Route('GET /api/me/room', 'attendee')
  room(@CurrentAttendee() me: Attendee) {
    return this.states.screenState(me.eventId);
  }

  @Route('POST /api/me/break', 'attendee')
  @HttpCode(200)
  async setBreak(@CurrentAttendee() me: Attendee, @BodyOf('POST /api/me/break') body: ParsedBody<'POST /api/me/break'>) {
    return toMyProfile(await this.attendees.setAway(me, body.away));
  }

  @Route('POST /api/me/leave', 'attendee')
  @HttpCode(200)
  async leave(@CurrentAttendee() me: Attendee) {
    return toMyProfile(await this.attendees.leave(me));
  }
}
