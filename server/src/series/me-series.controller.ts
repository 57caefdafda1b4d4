import { Controller, HttpCode, UseInterceptors } from '@nestjs/common';
import type { ParsedBody, ParsedParams } from '@mingle/shared';
import { BodyOf, ParamsOf, Route } from '../common/route';
import type { Attendee } from '../attendees/attendee.entity';
import { CurrentAttendee } from '../attendees/attendee.guard';
import { AttendeesService } from '../attendees/attendees.service';
import { WrongCodeBudget } from '../attendees/wrong-code-budget';
import { SeriesRepository } from './series.repository';
import { Remembering } from './remembering';

/** The phone's series: whether the event it joins is in one, "Remember me", and earlier matches. */
@Controller()
export class MeSeriesController {
  constructor(
    private readonly attendees: AttendeesService,
    private readonly series: SeriesRepository,
    private readonly remembering: Remembering,
  ) {}

  /** Asked by the join page right after its preview: wrong codes spend the wrong-code budget, but it spends no join from JOIN_RATE_LIMIT. */
  @Route('GET /api/join/:code/series', 'public')
  @UseInterceptors(WrongCodeBudget)
  async joinSeries(@ParamsOf('GET /api/join/:code/series') { code }: ParsedParams<'GET /api/join/:code/series'>) {
    const event = await this.attendees.eventForCode(code);
    const series = await this.series.seriesOfEvent(event.id);
    return { series: series ? { id: series.id, name: series.name } : null };
  }

  @Route('POST /api/me/series', 'attendee')
  @HttpCode(200)
  remember(@CurrentAttendee() me: Attendee, @BodyOf('POST /api/me/series') body: ParsedBody<'POST /api/me/series'>) {
    return this.remembering.remember(me, body);
  }

  @Route('GET /api/me/series/people', 'attendee')
  earlier(@CurrentAttendee() me: Attendee) {
    return this.remembering.earlierMatches(me);
  }
}
