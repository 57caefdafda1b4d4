import { Body, Controller, Get, Inject, Param, Patch, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { joinBody, joinCodeParam, updateProfileBody, type JoinResult, type MeResult, type PublicEvent } from '@mingle/shared';
import type { z } from 'zod';
import { Valid } from '../common/validate';
import { toPublicEvent } from '../events/public-event';
import { Attendee } from './attendee.entity';
import { AttendeeGuard, CurrentAttendee } from './attendee.guard';
import { AttendeesService } from './attendees.service';
import { toMyProfile } from './attendee.views';
import { WrongCodeBudget } from './wrong-code-budget';

type Code = z.output<typeof joinCodeParam>;

@Controller()
export class JoinController {
  constructor(
    private readonly attendees: AttendeesService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** What the join page shows before someone commits: the event's name, tags and privacy note. */
  @Get('join/:code')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ auth: true })
  @UseInterceptors(WrongCodeBudget)
  async preview(@Param(new Valid(joinCodeParam)) { code }: Code): Promise<PublicEvent> {
    return toPublicEvent(await this.attendees.eventForCode(code), this.config.contactRetentionDays);
  }

  @Post('join/:code')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ auth: true })
  @UseInterceptors(WrongCodeBudget)
  async join(
    @Param(new Valid(joinCodeParam)) { code }: Code,
    @Body(new Valid(joinBody)) body: z.output<typeof joinBody>,
  ): Promise<JoinResult> {
    const { token, attendee, event } = await this.attendees.join(code, body);
    return { token, me: toMyProfile(attendee), event: toPublicEvent(event, this.config.contactRetentionDays) };
  }

  @Get('me')
  @UseGuards(AttendeeGuard)
  async me(@CurrentAttendee() attendee: Attendee): Promise<MeResult> {
    const event = await this.attendees.eventOf(attendee);
    return { me: toMyProfile(attendee), event: toPublicEvent(event, this.config.contactRetentionDays) };
  }

  @Patch('me')
  @UseGuards(AttendeeGuard)
  async update(
    @CurrentAttendee() attendee: Attendee,
    @Body(new Valid(updateProfileBody)) body: z.output<typeof updateProfileBody>,
  ): Promise<MeResult> {
    const { updated, event } = await this.attendees.updateProfile(attendee, body);
    return { me: toMyProfile(updated), event: toPublicEvent(event, this.config.contactRetentionDays) };
  }
}
