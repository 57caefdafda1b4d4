import { Controller, Inject, UseGuards, UseInterceptors } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { ParsedBody, ParsedParams } from '@mingle/shared';
import { BodyOf, ParamsOf, Route } from '../common/route';
import { toPublicEvent } from '../events/public-event';
import { Attendee } from './attendee.entity';
import { CurrentAttendee } from './attendee.guard';
import { AttendeesService } from './attendees.service';
import { toMyProfile } from './attendee.views';
import { WrongCodeBudget } from './wrong-code-budget';

/** The preview and the join take the same `:code` (one schema, `joinCodeParam`). */
type Code = ParsedParams<'GET /api/join/:code'>;
const JoinCode = ParamsOf('GET /api/join/:code');

@Controller()
export class JoinController {
  constructor(
    private readonly attendees: AttendeesService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** What the join page shows before someone commits: the event's name, tags and privacy note. */
  @Route('GET /api/join/:code', 'public')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ auth: true })
  @UseInterceptors(WrongCodeBudget)
  async preview(@JoinCode { code }: Code) {
    return toPublicEvent(await this.attendees.eventForCode(code), this.config.contactRetentionDays);
  }

  @Route('POST /api/join/:code', 'public')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ auth: true })
  @UseInterceptors(WrongCodeBudget)
  async join(@JoinCode { code }: Code, @BodyOf('POST /api/join/:code') body: ParsedBody<'POST /api/join/:code'>) {
    const { token, attendee, event } = await this.attendees.join(code, body);
    return { token, me: toMyProfile(attendee), event: toPublicEvent(event, this.config.contactRetentionDays) };
  }

  @Route('GET /api/me', 'attendee')
  async me(@CurrentAttendee() attendee: Attendee) {
    const event = await this.attendees.eventOf(attendee);
    return { me: toMyProfile(attendee), event: toPublicEvent(event, this.config.contactRetentionDays) };
  }

  @Route('PATCH /api/me', 'attendee')
  async update(@CurrentAttendee() attendee: Attendee, @BodyOf('PATCH /api/me') body: ParsedBody<'PATCH /api/me'>) {
    const { updated, event } = await this.attendees.updateProfile(attendee, body);
    return { me: toMyProfile(updated), event: toPublicEvent(event, this.config.contactRetentionDays) };
  }
}
