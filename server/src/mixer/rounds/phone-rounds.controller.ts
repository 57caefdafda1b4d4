import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { breakBody, type MyProfile } from '@mingle/shared';
import type { z } from 'zod';
import { Valid } from '../../common/validate';
import { Attendee } from '../../attendees/attendee.entity';
import { AttendeeGuard, CurrentAttendee } from '../../attendees/attendee.guard';
import { AttendeesService } from '../../attendees/attendees.service';
import { toMyProfile } from '../../attendees/attendee.views';

/** The phone's "Take a break", "I'm back" and "Leave the event". */
@Controller('me')
@UseGuards(AttendeeGuard)
export class PhoneRoundsController {
  constructor(private readonly attendees: AttendeesService) {}

  @Post('break')
  @HttpCode(200)
  async setBreak(@CurrentAttendee() me: Attendee, @Body(new Valid(breakBody)) body: z.output<typeof breakBody>): Promise<MyProfile> {
    return toMyProfile(await this.attendees.setAway(me, body.away));
  }

  @Post('leave')
  @HttpCode(200)
  async leave(@CurrentAttendee() me: Attendee): Promise<MyProfile> {
    return toMyProfile(await this.attendees.leave(me));
  }
}
